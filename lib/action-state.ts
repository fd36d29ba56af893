// The one shape of every Server Action: parse FormData with zod, authenticate when needed, and hand back
// state for useActionState — a message a person can act on, per-field errors, and the values they typed.
import { z } from 'zod';
import { isConnectionError } from '@/db/connection';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { db } from '@/db/client';
import { forgetPerson } from '@/lib/cache/person-cache';
import { isSuspended, suspendedActionMessage } from '@/lib/admin/suspended';
import { forgetForYou } from '@/lib/recommend/for-you-list';
import { log } from '@/lib/log';
import { isRedirectError } from 'next/dist/client/components/redirect-error';

export type ActionState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  success?: string;
  /** What the person typed (never passwords), so a failed submit does not empty the form. */
  values?: Record<string, string>;
};

const secretFields = /password|secret|token/i;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$') && !key.endsWith('[]') && !secretFields.test(key)) values[key] = value;
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * FormData as a plain object for zod: a field named `rules[]` (repeated or not) becomes an array `rules`,
 * any other field keeps its last value. Files are kept as File objects.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (key.endsWith('[]')) {
      const name = key.slice(0, -2);
      ((out[name] ??= []) as unknown[]).push(value);
    } else out[key] = value;
  }
  return out;
}

/**
 * The arguments an action was called with: (state, form) through useActionState, or the form alone as a plain form
 * action (`<form action={…}>`: components/ui/form-action.ts), whose answer is not shown.
 */
function stateAndForm(prev: ActionState | FormData, formData: FormData | undefined): [ActionState, FormData] {
  return formData === undefined && prev instanceof FormData ? [{}, prev] : [prev as ActionState, formData!];
}

export function validatedAction<S extends z.ZodType>(
  schema: S,
  fn: (data: z.infer<S>, formData: FormData) => Promise<ActionState | void>,
) {
  return async (...args: [prev: ActionState, formData: FormData]): Promise<ActionState> => {
    const [, formData] = stateAndForm(...args);
    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      return { error: 'Please fix the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values: formValues(formData) };
    }
    try {
      return (await fn(parsed.data, formData)) ?? {};
    } catch (error) {
      // The database restarting is no reason for an error page: say so, and keep what the person typed.
      if (isConnectionError(error)) return databaseUnavailable(formData);
      throw error;
    }
  };
}

export const databaseUnavailableMessage =
  'Hearth can’t reach its database for a moment, so this may not have been saved. Please try again in a few seconds.';

function databaseUnavailable(formData: FormData): ActionState {
  log.error('[db] an action could not reach the database');
  return { error: databaseUnavailableMessage, values: formValues(formData) };
}

/**
 * What an action can make stale for the person who took it, each forgotten on every instance (through a version in
 * PostgreSQL). An action declares what it makes stale (`invalidates`); the wrapper applies exactly that, and only
 * when the action succeeded — a refusal changed nothing, so it forgets nothing.
 */
const staleness = {
  /** What lib/cache/person-cache.ts keeps for them (the feed's suggested groups and people). */
  personCache: async (userId: string) => {
    await forgetPerson(db, userId);
    // The page this action's answer renders reads the version again: the one read with the session is now old.
    const viewer = await getViewer();
    if (viewer?.id === userId) viewer.cacheVersion = undefined;
  },
  /**
   * Their stored For you list, ranked again on their next view. Only for what the ranker must know at once (mutes,
   * "show less", a reset, a pause, consents): a reaction or a follow never re-ranks the list the person is reading.
   */
  forYou: (userId: string) => forgetForYou(db, userId),
} satisfies Record<string, (userId: string) => Promise<void>>;

export type Staleness = keyof typeof staleness;

export type ActionOptions = {
  /** What this action's success makes stale for the person (nothing unless declared). */
  invalidates?: readonly Staleness[];
  /** True only for what a suspended person may still do (erase their account; see lib/admin/suspended.ts). */
  allowSuspended?: boolean;
};

/** Forgets what a successful action declared stale. A failure to forget is logged, never turned into an error. */
async function applyInvalidations(userId: string, invalidates: readonly Staleness[]) {
  for (const kind of invalidates) {
    await staleness[kind](userId).catch((error) => {
      if (!isConnectionError(error)) log.error({ err: error }, `[cache] could not mark ${kind} out of date`);
    });
  }
}

export function validatedActionWithUser<S extends z.ZodType>(
  schema: S,
  fn: (data: z.infer<S>, viewer: Viewer, formData: FormData) => Promise<ActionState | void>,
  options: ActionOptions = {},
) {
  const invalidates = options.invalidates ?? [];
  return async (...args: [prev: ActionState, formData: FormData]): Promise<ActionState> => {
    const [prev, formData] = stateAndForm(...args);
    let viewer: Viewer | null;
    let suspended = false;
    try {
      viewer = await getViewer();
      // Read from the database, not the session: a suspension holds from the moment it is written, on every instance.
      if (viewer && !options.allowSuspended) suspended = await isSuspended(db, viewer.id);
    } catch (error) {
      if (isConnectionError(error)) return databaseUnavailable(formData);
      throw error;
    }
    if (!viewer) return { error: 'Your session has ended — please sign in again.' };
    if (suspended) return { error: suspendedActionMessage };
    let result: ActionState;
    try {
      result = await validatedAction(schema, (data, fd) => fn(data, viewer, fd))(prev, formData);
    } catch (error) {
      // A redirect is how an action says "done, go there": it succeeded. Anything else thrown rolled back.
      if (isRedirectError(error)) await applyInvalidations(viewer.id, invalidates);
      throw error;
    }
    if (!result.error) await applyInvalidations(viewer.id, invalidates);
    return result;
  };
}
