// Who may see which post, as SQL: used by every query that lists posts, so no page can forget it.
import { and, isNull, or, sql, type SQL } from 'drizzle-orm';
import { posts } from '@/db/schema';

/** A post is visible when it is on a profile or in a public group, or the viewer belongs to its (private) group — and it is not removed, unless the viewer wrote it. */
export function visiblePosts(viewerId: string | null): SQL {
  if (!viewerId) {
    // Signed out: profile posts and public groups' posts, never removed ones.
    return and(or(isNull(posts.groupId), sql`exists (select 1 from groups g where g.id = ${posts.groupId} and g.visibility = 'public')`), isNull(posts.removedAt))!;
  }
  return and(
    or(
      isNull(posts.groupId),
      sql`exists (select 1 from groups g where g.id = ${posts.groupId} and g.visibility = 'public'
                  and not exists (select 1 from group_bans b where b.group_id = g.id and b.user_id = ${viewerId}))`,
      sql`exists (select 1 from group_members m where m.group_id = ${posts.groupId} and m.user_id = ${viewerId})`,
    ),
    or(isNull(posts.removedAt), sql`${posts.authorId} = ${viewerId}`),
  )!;
}
