// What to stop when the process shuts down. scripts/server.mjs (plain JavaScript, which cannot import lib/) runs these
// steps after draining requests on SIGTERM or SIGINT; `next dev` and tests never do. The list lives on globalThis
// because Next bundles instrumentation, pages and the custom server's code separately.

export interface ShutdownStep {
  name: string;
  run: () => unknown;
}

const registry: ShutdownStep[] = ((globalThis as { __hearthShutdown?: ShutdownStep[] }).__hearthShutdown ??= []);

/**
 * Registers a step to run at shutdown. Steps run in reverse order of registration — what started last stops first,
 * so the job runner stops before the database it uses is closed. A second step of the same name replaces the first.
 */
export function onShutdown(name: string, run: () => unknown) {
  const existing = registry.findIndex((step) => step.name === name);
  if (existing >= 0) registry.splice(existing, 1);
  registry.unshift({ name, run });
}

/** The registered steps, in the order they run. */
export function shutdownSteps(): readonly ShutdownStep[] {
  return registry;
}
