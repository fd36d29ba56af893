// Runs once when the Hearth server starts: check configuration, migrate, and in development plant the demo community.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startHearth } = await import('./lib/startup');
  await startHearth();
}
