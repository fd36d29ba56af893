// What the Following feed draws on, as SQL over posts: the person's own posts, the people and tags they follow and
// their groups. Shared by the Following feed (queries.ts) and the digest mail in the non-profiling mode, so the two
// cannot drift. Visibility is not part of it: callers add visiblePosts.
import { and, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { follows, groupMembers, posts, tagFollows } from '@/db/schema';

export function followingScope(viewerId: string): SQL {
  return or(
    eq(posts.authorId, viewerId),
    exists(db.select({ one: sql`1` }).from(follows).where(and(eq(follows.followerId, viewerId), eq(follows.followeeId, posts.authorId)))),
    exists(db.select({ one: sql`1` }).from(groupMembers).where(and(eq(groupMembers.userId, viewerId), eq(groupMembers.groupId, posts.groupId)))),
    exists(
      db
        .select({ one: sql`1` })
        .from(tagFollows)
        .where(and(eq(tagFollows.userId, viewerId), sql`exists (select 1 from post_tags t where t.post_id = ${posts.id} and t.tag = ${tagFollows.tag})`)),
    ),
  )!;
}
