// Who may be told about a live event. An event carries ids only, and even those reach a stream only when its person
// may see what they point at: a notification goes to the person it is for; a comment or reaction on a post to the
// streams watching that post, if they may see it; a new post to the streams watching its group or their feed, if
// they may see it (and, on the feed, it comes from someone they follow or a group they belong to); a join request
// to the group's people who may approve it. Decided by the same SQL the pages read with (visiblePosts, can()), per
// event, at the moment it is sent: nothing is remembered between events.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { posts } from '@/db/schema';
import { loadGroupActor } from '@/lib/groups/context';
import { can } from '@/lib/groups/permissions';
import { visiblePosts } from '@/lib/posts/visibility';
import type { LiveEvent } from './bus';

/** What one stream watches, besides the person's own notifications (the page it is open on says). */
export interface LiveWatch {
  postId?: string;
  groupId?: string;
  feed?: boolean;
}

/** What a stream is sent: the event's kind and the ids it watched anyway. */
export interface LiveMessage {
  id: number;
  kind: LiveEvent['kind'];
  postId?: string;
  groupId?: string;
}

async function postVisible(db: Executor, viewerId: string, postId: string, extra?: ReturnType<typeof sql>) {
  const [row] = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, postId), visiblePosts(viewerId), extra))
    .limit(1);
  return Boolean(row);
}

/** From someone the viewer follows or in a group they belong to, and not their own. */
const fromTheirCircle = (viewerId: string) =>
  sql`"posts"."author_id" <> ${viewerId} and (
    exists (select 1 from follows f where f.follower_id = ${viewerId} and f.followee_id = "posts"."author_id")
    or exists (select 1 from group_members m where m.user_id = ${viewerId} and m.group_id = "posts"."group_id"))`;

export async function messageFor(db: Executor, viewerId: string, watch: LiveWatch, event: LiveEvent): Promise<LiveMessage | null> {
  switch (event.kind) {
    case 'notification':
      return event.userId === viewerId ? { id: event.id, kind: event.kind } : null;
    case 'comment':
    case 'reaction':
      if (!event.postId || watch.postId !== event.postId) return null;
      return (await postVisible(db, viewerId, event.postId)) ? { id: event.id, kind: event.kind, postId: event.postId } : null;
    case 'post': {
      if (!event.postId) return null;
      if (watch.groupId && watch.groupId === event.groupId) {
        return (await postVisible(db, viewerId, event.postId, sql`"posts"."author_id" <> ${viewerId}`)) ? { id: event.id, kind: event.kind, groupId: event.groupId } : null;
      }
      if (watch.feed) return (await postVisible(db, viewerId, event.postId, fromTheirCircle(viewerId))) ? { id: event.id, kind: event.kind } : null;
      return null;
    }
    case 'join_request': {
      if (!event.groupId || watch.groupId !== event.groupId) return null;
      const loaded = await loadGroupActor(db, { id: event.groupId }, viewerId);
      if (!loaded) return null;
      return can(loaded.actor, 'approve_requests', { groupVisibility: loaded.group.visibility }).allowed ? { id: event.id, kind: event.kind, groupId: event.groupId } : null;
    }
    default:
      return null;
  }
}
