import 'server-only';
// The precomputed For you list. Ranking reads hundreds of candidates and their engagement (tens of milliseconds of
// database work per view at medium scale), so the ranked, explained list is stored per person and the page reads
// it with one primary-key lookup. When it is ranked again:
//
//   - at once (on the next view) after a Server Action that declares it (`invalidates: ['forYou']`, applied by
//     lib/action-state.ts on success): mutes, "show less", interests, a reset, a pause, consents. Reactions and
//     follows do not: the list a person is reading is never re-ranked by what they do on it;
//   - in the background, after the response, when it is older than FOR_YOU_REFRESH_MS or new posts from the people
//     and groups it draws on have arrived (markForYouStale, in the transaction that writes a post): the view that
//     notices serves the list it has, the next one gets the new ranking;
//   - never for someone who does not come back: a list costs nothing until it is viewed.
//
// Correct on any number of app instances: a ranking stores its result only if the list's version (bumped by every
// forgetForYou) is the one it read when it started, ages are measured by the database's clock, and on a PostgreSQL
// server an advisory lock per person keeps two instances from ranking the same person at the same moment.
import { after } from 'next/server';
import { sql, type SQL } from 'drizzle-orm';
import { db, getDatabase, rowsOf, type Executor } from '@/db/client';
import type { ForYouItem } from '@/db/schema';
import type { Personalization } from './profile';
import { explain } from './rank';
import { rankForYou } from './rank-for-you';
import { log } from '@/lib/log';

/** A list older than this is ranked again in the background on its next view. */
export const FOR_YOU_REFRESH_MS = 10 * 60_000;
/** For you stops here: "You're all caught up", and older posts only on request. */
export const FOR_YOU_LIMIT = 60;

export type ForYouList = { items: ForYouItem[]; computedAt: Date };

// The ranking itself lives in rank-for-you.ts (no server-only guard), so the digest mail's job can use the very same
// code from `npm run jobs:daily`.
export { rankForYou } from './rank-for-you';

const inflight = ((globalThis as { __hearthForYouInflight?: Map<string, Promise<ForYouList | null>> }).__hearthForYouInflight ??= new Map());

/**
 * Ranks the person's For you list now and stores it, unless it was made out of date while ranking (its version
 * moved). `computedAt` is the database's clock when the ranking started.
 */
export async function rankAndStoreForYou(executor: Executor, userId: string, personalization: Personalization, now = new Date()): Promise<ForYouList> {
  const [start] = rowsOf<{ version: number; started: string | Date }>(
    await executor.execute(sql`select coalesce((select version from for_you_lists where user_id = ${userId}), -1) as version, clock_timestamp() as started`),
  );
  const started = new Date(start!.started);
  const ranked = (await rankForYou(executor, userId, personalization, now)).slice(0, FOR_YOU_LIMIT);
  const items: ForYouItem[] = ranked.map((scored) => {
    const { reasons, breakdown } = explain(scored, now);
    return { postId: scored.candidate.postId, reasons, breakdown };
  });
  // With no row at the start (version -1), a row written meanwhile by forgetForYou makes the insert conflict, and
  // its version is not -1: nothing is stored either.
  await executor.execute(sql`
    insert into for_you_lists (user_id, items, computed_at, stale, changed_at)
    values (${userId}, ${JSON.stringify(items)}::jsonb, ${start!.started}::timestamptz, false, ${start!.started}::timestamptz)
    on conflict (user_id) do update set items = excluded.items, computed_at = excluded.computed_at, stale = false
    where for_you_lists.version = ${Number(start!.version)}`);
  return { items, computedAt: started };
}

/** The stored list, and whether it is out of date: overtaken by new posts, or older than FOR_YOU_REFRESH_MS by the database's clock. */
async function readStored(executor: Executor, userId: string) {
  const [row] = rowsOf<{ items: ForYouItem[] | null; computed_at: string | Date | null; stale: boolean; old: boolean }>(
    await executor.execute(sql`
      select items, computed_at, stale, clock_timestamp() - computed_at > ${`${FOR_YOU_REFRESH_MS} milliseconds`}::interval as old
      from for_you_lists where user_id = ${userId}`),
  );
  if (!row?.items || !row.computed_at) return null;
  return { list: { items: row.items, computedAt: new Date(row.computed_at) }, outOfDate: row.stale || Boolean(row.old) };
}

/**
 * One ranking of a person at a time across every instance: on a PostgreSQL server the ranking runs in a transaction
 * holding an advisory lock on the person. `wait` (no list to show yet) waits for a ranking another instance is
 * doing and uses its result; `skip` (a background refresh) leaves it to them and returns null.
 */
async function rankExclusively(userId: string, personalization: Personalization, now: Date, mode: 'wait' | 'skip'): Promise<ForYouList | null> {
  if (getDatabase().kind !== 'postgres') return rankAndStoreForYou(db, userId, personalization, now);
  return db.transaction(async (tx) => {
    if (mode === 'skip') {
      const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext('hearth:for-you'), hashtext(${userId})) as ok`));
      if (!lock?.ok) return null;
    } else {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hearth:for-you'), hashtext(${userId}))`);
      // Another instance may have ranked the person while this one waited.
      const stored = await readStored(tx, userId);
      if (stored && !stored.outOfDate) return stored.list;
    }
    return rankAndStoreForYou(tx, userId, personalization, now);
  });
}

function rankOnce(userId: string, personalization: Personalization, now: Date, mode: 'wait' | 'skip'): Promise<ForYouList | null> {
  const running = inflight.get(userId);
  if (running) return running;
  const job = rankExclusively(userId, personalization, now, mode).finally(() => inflight.delete(userId));
  inflight.set(userId, job);
  return job;
}

/** Runs after the response when there is one (Next's `after`), else now, in the background. */
function inBackground(task: () => Promise<unknown>) {
  const run = () => task().catch((error) => log.error({ err: error }, '[feed] ranking For you in the background failed:'));
  try {
    after(run);
  } catch {
    void run();
  }
}

/**
 * One page of the person's stored list (items `offset` + 1 to `offset` + `count`, in order), how many the list holds in
 * all and whether it is out of date, for a page that reads it in a statement of its own making (lib/recommend/feed.ts:
 * with the person's personalization); `when` must also hold for a row to be read. No row without a stored list. The
 * page's items are cut out in the database: a list holds 60 explained items (~40 KB), a page shows ten.
 */
export function storedPageQuery(userId: string, offset: number, count: number, when: SQL) {
  return sql`
    select (select jsonb_agg(t.e order by t.i) from jsonb_array_elements(fy.items) with ordinality as t(e, i) where t.i > ${offset} and t.i <= ${offset + count}) as page_items,
      jsonb_array_length(fy.items) as total, fy.computed_at, fy.stale or clock_timestamp() - fy.computed_at > ${`${FOR_YOU_REFRESH_MS} milliseconds`}::interval as out_of_date
    from for_you_lists fy where fy.user_id = ${userId} and fy.items is not null and ${when}`;
}

/** A row of storedPageQuery (all null when the person has no stored list). */
export type StoredPageRow = { page_items: ForYouItem[] | null; total: number | null; computed_at: string | Date | null; out_of_date: boolean | null };

/** A stored list was read and found out of date: rank it again after the response (the next view gets it). */
export function refreshForYouLater(userId: string, personalization: Personalization) {
  if (!inflight.has(userId)) inBackground(() => rankOnce(userId, personalization, new Date(), 'skip'));
}

/** The list to show: the stored one when there is one (refreshed in the background when old), else ranked now. */
export async function readForYou(userId: string, personalization: Personalization, now = new Date()): Promise<ForYouList> {
  const stored = await readStored(db, userId);
  if (!stored) {
    const ranked = await rankOnce(userId, personalization, now, 'wait');
    // Joined a background refresh that another instance was already doing: rank here, unlocked, rather than wait.
    return ranked ?? rankAndStoreForYou(db, userId, personalization, now);
  }
  if (stored.outOfDate) refreshForYouLater(userId, personalization);
  return stored.list;
}

/** The person changed something that shapes their feed: rank again on their next view, on whichever instance. */
export async function forgetForYou(executor: Executor, userId: string) {
  // A row even when there is no list yet: a first ranking still running (here or on another instance) read version
  // -1 and must not store what it ranked before the change.
  await executor.execute(sql`
    insert into for_you_lists (user_id, items, computed_at, stale, changed_at, version)
    select id, null, null, false, clock_timestamp(), 1 from users where id = ${userId}
    on conflict (user_id) do update set items = null, computed_at = null, stale = false, changed_at = clock_timestamp(),
      version = for_you_lists.version + 1`);
}

/** A new post: the lists of the author's followers and of the group's members are overtaken (fan-out on write). */
export async function markForYouStale(tx: Executor, post: { authorId: string; groupId: string | null }) {
  const members = post.groupId ? sql`union select user_id from group_members where group_id = ${post.groupId}` : sql``;
  await tx.execute(sql`
    update for_you_lists set stale = true
    where not stale and items is not null
      and user_id in (select follower_id from follows where followee_id = ${post.authorId} ${members})`);
}

/** Waits for a ranking of this person's list that is running in this process (tests). */
export async function settledForYou(userId: string) {
  await inflight.get(userId)?.catch(() => {});
}
