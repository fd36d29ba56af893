// What a report is about — a post, a comment, a profile or a group — loaded for the reporter (only what they can
// see) or for the moderators who review it (removed content included), and which queue it goes to: content in a
// group goes to that group's moderators, everything else to the instance's.
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { comments, groupMemberRoles, groupRoles, groups, posts, users, type Post, type ReportTargetKind } from '@/db/schema';
import { visiblePosts } from '@/lib/posts/visibility';

type Comment = typeof comments.$inferSelect;

export type TargetRef = { kind: ReportTargetKind; id: string };
export const targetKey = (ref: TargetRef) => `${ref.kind}:${ref.id}`;

export interface Target extends TargetRef {
  /** The person it is about: the author, or the profile's owner; null for a group. */
  personId: string | null;
  personHandle: string | null;
  /** The queue: the group whose moderators review it, or null for the instance's moderators. */
  queueGroupId: string | null;
  /** The group the content is in, or the group reported. */
  group: { id: string; name: string; slug: string } | null;
  post?: Post;
  comment?: Comment;
  removed: { reason: string | null } | null;
  /** What the moderators read: the words of a post or comment, a profile's name, a group's description. */
  text: string;
  link: string;
}

/** Every target named, as it is now, for the moderators: removed content included, deleted content absent from the map. */
export async function loadTargets(db: Executor, refs: TargetRef[]): Promise<Map<string, Target>> {
  const ids = (kind: ReportTargetKind) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
  const out = new Map<string, Target>();
  const [postIds, commentIds, userIds, groupIds] = [ids('post'), ids('comment'), ids('profile'), ids('group')];

  const commentRows = commentIds.length ? await db.select().from(comments).where(inArray(comments.id, commentIds)) : [];
  const allPostIds = [...new Set([...postIds, ...commentRows.map((c) => c.postId)])];
  const postRows = allPostIds.length
    ? await db
        .select({ post: posts, handle: users.handle, group: { id: groups.id, name: groups.name, slug: groups.slug } })
        .from(posts)
        .innerJoin(users, eq(users.id, posts.authorId))
        .leftJoin(groups, eq(groups.id, posts.groupId))
        .where(inArray(posts.id, allPostIds))
    : [];
  const postById = new Map(postRows.map((r) => [r.post.id, r]));
  for (const id of postIds) {
    const r = postById.get(id);
    if (!r) continue;
    out.set(targetKey({ kind: 'post', id }), {
      kind: 'post',
      id,
      personId: r.post.authorId,
      personHandle: r.handle,
      queueGroupId: r.post.groupId,
      group: r.post.groupId && r.group?.id ? r.group : null,
      post: r.post,
      removed: r.post.removedAt ? { reason: r.post.removedReason } : null,
      text: r.post.body,
      link: `/p/${id}`,
    });
  }
  if (commentRows.length) {
    const handles = new Map(
      (await db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.id, [...new Set(commentRows.map((c) => c.authorId))]))).map((u) => [u.id, u.handle]),
    );
    for (const c of commentRows) {
      const p = postById.get(c.postId);
      if (!p) continue;
      out.set(targetKey({ kind: 'comment', id: c.id }), {
        kind: 'comment',
        id: c.id,
        personId: c.authorId,
        personHandle: handles.get(c.authorId) ?? null,
        queueGroupId: p.post.groupId,
        group: p.post.groupId && p.group?.id ? p.group : null,
        post: p.post,
        comment: c,
        removed: c.removedAt ? { reason: c.removedReason } : p.post.removedAt ? { reason: p.post.removedReason } : null,
        text: c.body,
        link: `/p/${c.postId}`,
      });
    }
  }
  if (userIds.length) {
    for (const u of await db.select({ id: users.id, handle: users.handle, name: users.name }).from(users).where(inArray(users.id, userIds))) {
      out.set(targetKey({ kind: 'profile', id: u.id }), {
        kind: 'profile',
        id: u.id,
        personId: u.id,
        personHandle: u.handle,
        queueGroupId: null,
        group: null,
        removed: null,
        text: u.name ?? u.handle,
        link: `/u/${u.handle}`,
      });
    }
  }
  if (groupIds.length) {
    for (const g of await db.select({ id: groups.id, name: groups.name, slug: groups.slug, description: groups.description }).from(groups).where(inArray(groups.id, groupIds))) {
      out.set(targetKey({ kind: 'group', id: g.id }), {
        kind: 'group',
        id: g.id,
        personId: null,
        personHandle: null,
        queueGroupId: null,
        group: { id: g.id, name: g.name, slug: g.slug },
        removed: null,
        text: g.description || g.name,
        link: `/g/${g.slug}`,
      });
    }
  }
  return out;
}

export async function loadTarget(db: Executor, ref: TargetRef) {
  return (await loadTargets(db, [ref])).get(targetKey(ref)) ?? null;
}

/** The target as the reporter may see it: a post or comment only where visiblePosts lets them, nothing removed. */
export async function reportableTarget(db: Executor, viewerId: string, ref: TargetRef): Promise<Target | null> {
  const target = await loadTarget(db, ref);
  if (!target || target.removed) return null;
  if (target.post) {
    const [seen] = await db.select({ id: posts.id }).from(posts).where(and(eq(posts.id, target.post.id), visiblePosts(viewerId)));
    if (!seen) return null;
  }
  return target;
}

/** Whether the viewer wrote it, is it, or owns it: nobody reports themself. */
export async function isOwnTarget(db: Executor, viewerId: string, target: Target) {
  if (target.personId === viewerId) return true;
  if (target.kind !== 'group') return false;
  const [owner] = await db
    .select({ userId: groupMemberRoles.userId })
    .from(groupMemberRoles)
    .innerJoin(groupRoles, eq(groupRoles.id, groupMemberRoles.roleId))
    .where(and(eq(groupMemberRoles.groupId, target.id), eq(groupMemberRoles.userId, viewerId), eq(groupRoles.builtin, 'owner')));
  return Boolean(owner);
}
