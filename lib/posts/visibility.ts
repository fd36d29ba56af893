// Who may see which post, as SQL: used by every query that reads posts, so no page can forget it.
import { sql, type SQL } from 'drizzle-orm';
import { blockedEitherWay, moderatesGroup } from '@/lib/blocks/rule';

// Every column is written with its table's name: drizzle writes ${posts.column} as a bare "column" in some places
// (a select list over one table), and inside these subqueries a bare name would mean the subquery's own table —
// m.group_id = "group_id" is always true. Queries that use this condition read the posts table under its own name.
const post = {
  authorId: sql.raw('"posts"."author_id"'),
  groupId: sql.raw('"posts"."group_id"'),
  removedAt: sql.raw('"posts"."removed_at"'),
};

/**
 * Who may see the posts on a person's own profile, as lib/profiles/visibility.ts decides for the profile page: the
 * profile's visibility (everyone / signed-in members / only me) and whether its posts section is shown to others.
 * A person without a profile row has the defaults (members, posts shown). One primary-key lookup per post.
 */
function profilePostVisible(viewerId: string | SQL | null): SQL {
  if (!viewerId) {
    return sql`exists (select 1 from profiles pr where pr.user_id = ${post.authorId} and pr.visibility = 'everyone' and pr.show_posts)`;
  }
  return sql`(${post.authorId} = ${viewerId}
    or not exists (select 1 from profiles pr where pr.user_id = ${post.authorId} and (pr.visibility = 'only_me' or not pr.show_posts)))`;
}

/**
 * A block, either way, hides the author's posts from the viewer — except, in a group, from those who moderate it
 * (lib/blocks/rule.ts moderatesGroup): blocking is no way to hide from a group's moderators.
 */
function notBlocked(viewerId: string | SQL): SQL {
  return sql`(${post.authorId} = ${viewerId} or not ${blockedEitherWay(viewerId, post.authorId)}
    or (${post.groupId} is not null and ${moderatesGroup(viewerId, post.groupId)}))`;
}

/**
 * A post is visible when it is on a profile the viewer may see the posts of (see profilePostVisible), or in a
 * public group (not banned from it), or the viewer belongs to its (private) group — and it is not removed, unless
 * the viewer wrote it, and no block stands between its author and the viewer (notBlocked). The viewer is an id, or
 * SQL naming one (the live streams decide for many viewers at once).
 */
export function visiblePosts(viewerId: string | SQL | null): SQL {
  const onProfile = sql`(${post.groupId} is null and ${profilePostVisible(viewerId)})`;
  if (!viewerId) {
    // Signed out: posts on profiles open to everyone and public groups' posts, never removed ones.
    return sql`((${onProfile}
      or exists (select 1 from groups g where g.id = ${post.groupId} and g.visibility = 'public'))
      and ${post.removedAt} is null)`;
  }
  return sql`((${onProfile}
      or exists (select 1 from groups g where g.id = ${post.groupId} and g.visibility = 'public'
                 and not exists (select 1 from group_bans b where b.group_id = g.id and b.user_id = ${viewerId}))
      or exists (select 1 from group_members m where m.group_id = ${post.groupId} and m.user_id = ${viewerId}))
    and (${post.removedAt} is null or ${post.authorId} = ${viewerId})
    and ${notBlocked(viewerId)})`;
}

/**
 * Over comments: the comment is the viewer's own, or no block stands between its author and the viewer — or the
 * viewer moderates the group of the post it is under (moderators keep seeing what they moderate).
 */
export function visibleComments(viewerId: string | SQL): SQL {
  const author = sql.raw('"comments"."author_id"');
  return sql`(${author} = ${viewerId} or not ${blockedEitherWay(viewerId, author)}
    or exists (select 1 from posts bp where bp.id = "comments"."post_id" and bp.group_id is not null and ${moderatesGroup(viewerId, sql.raw('bp.group_id'))}))`;
}
