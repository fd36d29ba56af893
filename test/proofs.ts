// The two halves of an authorization proof, shared by every db test that calls a Server Action:
//   expectRefused: the action answered with an error, NOTHING in any table changed (databaseFingerprint walks every
//     table of the schema), and no row leaked into another person's view (their notifications, unread count and
//     Following feed read the same as before).
//   expectAllowed: the action answered without an error, and its effect happened — named tables changed, and/or a
//     check the test supplies. An action that answers by redirecting (signing in and out, creating a group) names
//     where in `redirectsTo`; a refusal that redirects reads "redirect to <where>".
// lib/security/authorization.db.test.ts reads the test files for these calls: an action is "covered" only when one
// of its tests refuses it through expectRefused and another allows it through expectAllowed.
import { desc, getTableName, inArray, ne, sql, type Table } from 'drizzle-orm';
import { expect } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { users } from '@/db/schema';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import type { ActionState } from '@/lib/action-state';
import type { Viewer } from '@/lib/auth/viewer';
import { databaseFingerprint } from './db-fingerprint';

export { databaseFingerprint };

type Run = () => Promise<ActionState | void | unknown>;

export type ViewSnapshot = Record<string, { notifications: string[]; unread: number; feed: string[] }>;

/** Who else is looked at when nobody is named: the three people created most recently (a test's own cast), bar the caller. */
async function recentPeople(except?: string | null, limit = 3): Promise<Viewer[]> {
  const rows = await db
    .select({ id: users.id, handle: users.handle, name: users.name })
    .from(users)
    .where(except ? ne(users.id, except) : sql`true`)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, name: r.name ?? r.handle, image: null }));
}

async function peopleById(ids: string[]): Promise<Viewer[]> {
  if (!ids.length) return [];
  const rows = await db.select({ id: users.id, handle: users.handle, name: users.name }).from(users).where(inArray(users.id, ids));
  return rows.map((r) => ({ ...r, name: r.name ?? r.handle, image: null }));
}

/**
 * What each person sees of others: their notifications (ids and what they say), their unread count, and the posts
 * of their Following feed (which shows what is new across Hearth while they follow nothing). Reading these writes
 * nothing: the chronological paths record no signal.
 */
export async function viewsOf(people: Viewer[]): Promise<ViewSnapshot> {
  const { listNotifications, unreadCount } = await import('@/lib/notifications/queries');
  const { getFeed } = await import('@/lib/recommend/feed');
  const views = await Promise.all(
    people.map(async (person) => {
      const [notes, unread, feed] = await Promise.all([listNotifications(person), unreadCount(person), getFeed(person, { mode: 'following' })]);
      return [
        person.handle,
        {
          notifications: notes.items.map((n) => `${n.kind} ${n.ids.join(',')} ${JSON.stringify(n.data)}`),
          unread,
          feed: feed.items.map((i) => `${i.post.id} ${i.post.body ?? ''}`),
        },
      ] as const;
    }),
  );
  return Object.fromEntries(views);
}

export interface RefusedOptions {
  /** The message, or a pattern it must match; any non-empty error when left out. */
  error?: string | RegExp;
  /** The people whose views must not change (ids); by default the three most recently created people. */
  others?: string[];
  /** The caller, left out of the default others. */
  caller?: Viewer | null;
}

/** Where a thrown Next redirect (redirect(), or Auth.js's signIn/signOut) sends the browser; undefined for anything else. */
function redirectOf(error: unknown): string | undefined {
  return isRedirectError(error) ? error.digest.split(';')[2] : undefined;
}

function errorOf(result: unknown): string | undefined {
  if (result && typeof result === 'object' && 'error' in result && typeof result.error === 'string') return result.error;
  return undefined;
}

/**
 * A refusal, proved: the answer is an error (or the call throws), every table of the schema reads the same as before,
 * and no other person's notifications, unread count or feed gained (or lost) a row.
 */
export async function expectRefused(run: Run, options: RefusedOptions = {}): Promise<string> {
  const people = options.others ? await peopleById(options.others) : await recentPeople(options.caller?.id);
  const [tablesBefore, viewsBefore] = [await databaseFingerprint(), await viewsOf(people)];
  let message: string | undefined;
  try {
    message = errorOf(await run());
  } catch (error) {
    // A redirect names where it sends the browser ("redirect to /sign-in"), so a refusal that redirects can be pinned.
    const to = redirectOf(error);
    message = to !== undefined ? `redirect to ${to}` : error instanceof Error ? error.message : String(error);
  }
  expect(message, 'the action was refused with a message').toEqual(expect.any(String));
  expect(message!.length, 'the refusal says why').toBeGreaterThan(5);
  if (typeof options.error === 'string') expect(message).toBe(options.error);
  else if (options.error) expect(message).toMatch(options.error);
  expect(await databaseFingerprint(), 'a refused action wrote nothing, in any table').toEqual(tablesBefore);
  expect(await viewsOf(people), 'nothing leaked into another person’s view').toEqual(viewsBefore);
  return message!;
}

type Redirects = {
  /**
   * The action answers by redirecting (Next's redirect(), as signing in and out do): where it must send the browser.
   * A redirect there is then its allowed answer (lib/action-state.ts: "done, go there"); without this option a
   * redirect fails the proof, as before.
   */
  redirectsTo?: string | RegExp;
};

export type AllowedOptions =
  | ({ changes: Table[]; effect?: () => Promise<void> | void } & Redirects)
  | ({ changes?: Table[]; effect: () => Promise<void> | void } & Redirects);

/**
 * An allowed call, proved: no error and no field errors, each table in `changes` reads differently
 * afterwards, and `effect` (the test's own assertions about what happened) passes.
 */
export async function expectAllowed<T>(run: () => Promise<T>, options: AllowedOptions): Promise<T> {
  const tables = (options.changes ?? []).map((t) => getTableName(t));
  const before = await tableDigests(tables);
  let result: T;
  let redirected: string | undefined;
  try {
    result = await run();
  } catch (error) {
    redirected = redirectOf(error);
    if (redirected === undefined || options.redirectsTo === undefined) throw error;
    result = undefined as T;
  }
  if (typeof options.redirectsTo === 'string') expect(redirected, 'where the action sent the browser').toBe(options.redirectsTo);
  else if (options.redirectsTo) expect(redirected, 'where the action sent the browser').toMatch(options.redirectsTo);
  if (result && typeof result === 'object') {
    expect(errorOf(result), 'the action was allowed').toBeUndefined();
    expect((result as ActionState).fieldErrors, 'no field was refused').toBeUndefined();
  }
  const after = await tableDigests(tables);
  for (const table of tables) expect(after[table], `the action changed ${table}`).not.toBe(before[table]);
  await options.effect?.();
  return result;
}

async function tableDigests(tables: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of tables) {
    const [row] = rowsOf<{ digest: string }>(
      await db.execute(sql`select count(*)::text || ' ' || coalesce(sum(hashtextextended(t::text, 0)), 0)::text as digest from ${sql.identifier(name)} t`),
    );
    out[name] = row.digest;
  }
  return out;
}

/** What a route handler answered, as the proofs read it (routeAnswer): `error` only when it refused. */
type RouteAnswer = { status: number; headers: Headers; body: unknown; error?: string };

/**
 * A route handler's answer, made readable by expectRefused and expectAllowed: a refusal (status 400 and up) carries
 * `error`, what its body says (a JSON answer's `error` or `reason`, else its text), so expectRefused reads why and
 * expectAllowed fails on it. The body is JSON parsed, text (and XML, SVG) as text, other bytes as a Uint8Array, and an
 * event stream left unread (it does not end by itself).
 */
export async function routeAnswer(response: Response | Promise<Response>): Promise<RouteAnswer> {
  const answer = await response;
  const type = answer.headers.get('content-type') ?? '';
  const base = { status: answer.status, headers: answer.headers };
  if (type.includes('text/event-stream')) return { ...base, body: answer.body };
  if (answer.status === 204 || answer.status === 304) return { ...base, body: null };
  const text = type.includes('json') || type.startsWith('text/') || /[+/]xml\b/.test(type) || answer.status >= 400;
  const body = !text ? new Uint8Array(await answer.arrayBuffer()) : type.includes('json') ? await answer.json() : await answer.text();
  if (answer.status < 400) return { ...base, body };
  const said = body as { error?: unknown; reason?: unknown } | string;
  const error = typeof said === 'string' ? said : typeof said?.error === 'string' ? said.error : typeof said?.reason === 'string' ? said.reason : JSON.stringify(said);
  return { ...base, body, error: error || `status ${answer.status}` };
}
