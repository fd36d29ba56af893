import 'server-only';
// The precomputed For you list. Ranking reads hundreds of candidates and their engagement (tens of milliseconds of
// database work per view at medium scale), so the ranked, explained list is stored per person and the page reads
// it with one primary-key lookup. When it is ranked again:
//
//   - at once (on the next view) after anything the person does through a Server Action: their mutes, "show less",
//     interests, follows, consents… (forgetForYou, called by lib/action-state.ts), so their own choices show;
//   - in the background, after the response, when it is older than FOR_YOU_REFRESH_MS or new posts from the people
//     and groups it draws on have arrived (markForYouStale, in the transaction that writes a post): the view that
//     notices serves the list it has, the next one gets the new ranking;
//   - never for someone who does not come back: a list costs nothing until it is viewed.
//
// A ranking started before (or in the same millisecond as) the list was last made out of date is not stored (it may
// predate the person's change), and one person's rankings are never computed twice at once in a process.
import { after } from 'next/server';
import { sql } from 'drizzle-orm';
import { db, rowsOf, type Executor } from '@/db/client';
import type { ForYouItem } from '@/db/schema';
import { gatherCandidates, loadRankContext, loadSeen } from './candidates';
import type { Personalization } from './profile';
import { explain, rankCandidates, type Scored } from './rank';

/** A list older than this is ranked again in the background on its next view. */
export const FOR_YOU_REFRESH_MS = 10 * 60_000;
/** For you stops here: "You're all caught up", and older posts only on request. */
export const FOR_YOU_LIMIT = 60;

export type ForYouList = { items: ForYouItem[]; computedAt: Date };

/** The ranked, explained For you list, before paging. `now` is a parameter so tests and the bench can fix time. */
export async function rankForYou(executor: Executor, userId: string, personalization: Personalization, now = new Date()): Promise<Scored[]> {
  const context = await loadRankContext(executor, userId, personalization, now);
  const candidates = await gatherCandidates(executor, userId, context, personalization);
  context.seen = await loadSeen(executor, userId, candidates.map((c) => c.postId));
  return rankCandidates(candidates, context);
}

const forgottenAt = ((globalThis as { __hearthForYouForgotten?: Map<string, number> }).__hearthForYouForgotten ??= new Map());
const inflight = ((globalThis as { __hearthForYouInflight?: Map<string, Promise<ForYouList>> }).__hearthForYouInflight ??= new Map());

/** Ranks the person's For you list now and stores it, unless it was made out of date while ranking. */
export async function rankAndStoreForYou(executor: Executor, userId: string, personalization: Personalization, now = new Date()): Promise<ForYouList> {
  const started = new Date();
  const ranked = (await rankForYou(executor, userId, personalization, now)).slice(0, FOR_YOU_LIMIT);
  const items: ForYouItem[] = ranked.map((scored) => {
    const { reasons, breakdown } = explain(scored, now);
    return { postId: scored.candidate.postId, reasons, breakdown };
  });
  if ((forgottenAt.get(userId) ?? 0) >= started.getTime()) return { items, computedAt: started };
  forgottenAt.delete(userId);
  await executor.execute(sql`
    insert into for_you_lists (user_id, items, computed_at, stale, changed_at)
    values (${userId}, ${JSON.stringify(items)}::jsonb, ${started.toISOString()}::timestamptz, false, ${started.toISOString()}::timestamptz)
    on conflict (user_id) do update set items = excluded.items, computed_at = excluded.computed_at, stale = false
    where for_you_lists.changed_at < excluded.computed_at`);
  return { items, computedAt: started };
}

function rankOnce(userId: string, personalization: Personalization, now: Date): Promise<ForYouList> {
  const running = inflight.get(userId);
  if (running) return running;
  const job = rankAndStoreForYou(db, userId, personalization, now).finally(() => inflight.delete(userId));
  inflight.set(userId, job);
  return job;
}

/** Runs after the response when there is one (Next's `after`), else now, in the background. */
function inBackground(task: () => Promise<unknown>) {
  const run = () => task().catch((error) => console.error('[feed] ranking For you in the background failed:', error));
  try {
    after(run);
  } catch {
    void run();
  }
}

/** The list to show: the stored one when there is one (refreshed in the background when old), else ranked now. */
export async function readForYou(userId: string, personalization: Personalization, now = new Date()): Promise<ForYouList> {
  const [row] = rowsOf<{ items: ForYouItem[] | null; computed_at: string | Date | null; stale: boolean }>(
    await db.execute(sql`select items, computed_at, stale from for_you_lists where user_id = ${userId}`),
  );
  if (!row?.items || !row.computed_at) return rankOnce(userId, personalization, now);
  const computedAt = new Date(row.computed_at);
  const old = Date.now() - computedAt.getTime() > FOR_YOU_REFRESH_MS;
  if (!row.stale && !old) return { items: row.items, computedAt };
  if (!inflight.has(userId)) inBackground(() => rankOnce(userId, personalization, new Date()));
  return { items: row.items, computedAt };
}

/** The person changed something that shapes their feed: rank again on their next view. */
export async function forgetForYou(executor: Executor, userId: string) {
  const now = new Date();
  // A first ranking still running in this process (there is no row yet to mark) must not be stored either.
  if (inflight.has(userId)) forgottenAt.set(userId, now.getTime());
  // The application's clock, as for computed_at: the two are compared.
  await executor.execute(sql`update for_you_lists set items = null, computed_at = null, stale = false, changed_at = ${now.toISOString()}::timestamptz where user_id = ${userId}`);
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
