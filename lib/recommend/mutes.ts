// Mutes as SQL, for the feeds that are not ranked (Following, the non-profiling chronological mode) and the digest
// mail in that mode: muted people and groups, "not interested" posts, hidden topics and muted words. No server-only
// guard, so the daily job (also run by `npm run jobs:daily`) uses the same rule.
import { and, notInArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { posts } from '@/db/schema';
import { escapeRegExp, type FeedControlSet } from './rank';

/** Mutes as SQL over posts: muted people and groups, "not interested" posts, hidden topics and muted words. */
export function muteFilter(controls: FeedControlSet, hiddenTags: string[]): SQL | undefined {
  const parts: SQL[] = [];
  if (controls.mutedUsers.size) parts.push(notInArray(posts.authorId, [...controls.mutedUsers]));
  if (controls.mutedGroups.size) parts.push(sql`(${posts.groupId} is null or ${notInArray(posts.groupId, [...controls.mutedGroups])})`);
  if (controls.notInterested.size) parts.push(notInArray(posts.id, [...controls.notInterested]));
  if (hiddenTags.length) parts.push(sql`not exists (select 1 from post_tags t where t.post_id = ${posts.id} and t.tag in (${sql.join(hiddenTags.map((t) => sql`${t}`), sql`, `)}))`);
  if (controls.mutedWords.length) {
    // Whole words, any case: the same rule as mutedWordMatcher in rank.ts.
    const pattern = `(^|[^[:alnum:]_])(${controls.mutedWords.map(escapeRegExp).join('|')})($|[^[:alnum:]_])`;
    parts.push(sql`not (${posts.body} ~* ${pattern})`);
    parts.push(sql`not exists (select 1 from post_tags t where t.post_id = ${posts.id} and t.tag ~* ${pattern})`);
  }
  return parts.length ? and(...parts) : undefined;
}

/** Topics the person hid ("Hide" in their interests): out of every feed. */
export async function hiddenTagsOf(executor: Executor, userId: string): Promise<string[]> {
  return rowsOf<{ tag: string }>(await executor.execute(sql`select tag from interest_scores where user_id = ${userId} and choice = 'hide'`)).map((r) => r.tag);
}

