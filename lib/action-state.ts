// The one shape of every Server Action: parse FormData with zod, authenticate when needed, and hand back
// state for useActionState — a message a person can act on, per-field errors, and the values they typed.
import { z } from 'zod';
import { isConnectionError } from '@/db/connection';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { db } from '@/db/client';
import { forgetPerson } from '@/lib/cache/person-cache';
import { isSuspended, suspendedActionMessage } from '@/lib/admin/suspended';
import { forgetForYou } from '@/lib/recommend/for-you-list';

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

export function validatedAction<S extends z.ZodType>(
  schema: S,
  fn: (data: z.infer<S>, formData: FormData) => Promise<ActionState | void>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
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
  console.error('[db] an action could not reach the database');
  return { error: databaseUnavailableMessage, values: formValues(formData) };
}

export function validatedActionWithUser<S extends z.ZodType>(
  schema: S,
  fn: (data: z.infer<S>, viewer: Viewer, formData: FormData) => Promise<ActionState | void>,
  /**
   * shapesFeed: false for the few actions that cannot change what For you would pick (the time zone).
   * allowSuspended: true only for what a suspended person may still do (erase their account; see lib/admin/suspended.ts).
   */
  options: { shapesFeed?: boolean; allowSuspended?: boolean } = {},
) {
  return async (prev: ActionState, formData: FormData): Promise<ActionState> => {
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
    let result: ActionState | undefined;
    try {
      result = await validatedAction(schema, (data, fd) => fn(data, viewer, fd))(prev, formData);
      return result;
    } finally {
      // Whatever the person just changed, what was computed for them before is stale (lib/cache/person-cache.ts),
      // and their For you list is ranked again on their next view (lib/recommend/for-you-list.ts). A refused action
      // changed nothing (actions write in one transaction, or not at all), so it forgets nothing either; one that
      // threw (a redirect, or a failure) is forgotten, to be safe.
      if (!result?.error) await forgetPerson(db, viewer.id).catch((error) => {
        if (!isConnectionError(error)) console.error('[cache] could not mark what was computed for the person out of date:', error);
      });
      if (!result?.error && options.shapesFeed !== false)
        await forgetForYou(db, viewer.id).catch((error) => {
          if (!isConnectionError(error)) console.error('[feed] could not mark the For you list out of date:', error);
        });
    }
  };
}
