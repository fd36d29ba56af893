// Who may be told about a live event. An event carries ids only, and even those reach a stream only when its person
// may see what they point at: a notification goes to the person it is for; a comment or reaction on a post to the
// streams watching that post, if they may see it (and, for a comment, may see that comment: nothing from across a
// block); a new post to the streams watching its group or their feed, if they may see it (and, on the feed, it comes
// from someone they follow or a group they belong to); a celebration or congratulation to the streams on the feed or
// the group page that show that milestone's card; a join request or report to the streams of those who work that
// queue (a group role with Approve join requests / Review reports; instance admins and moderators for the instance's
// reports). Decided by the same SQL the pages read with (visiblePosts, visibleComments, celebratedTo, can()), at the
// moment the event is sent, for every stream watching at once: one query per event (two for a group queue), however
// many streams there are. Nothing is remembered between events.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { loadActors } from '@/lib/groups/context';
import { can, type Permission } from '@/lib/groups/permissions';
import { celebratedInGroupTo, celebratedTo, privateRules } from '@/lib/milestones/visibility';
import { visibleComments, visiblePosts } from '@/lib/posts/visibility';
import type { LiveEvent } from './bus';

/** What one stream watches, besides the person's own notifications (the page it is open on says). */
export interface LiveWatch {
  postId?: string;
  groupId?: string;
  feed?: boolean;
  /** The instance's report queue (/admin/reports). */
  reports?: boolean;
}

/** What a stream is sent: the event's kind and the ids it watched anyway. */
export interface LiveMessage {
  id: number;
  kind: LiveEvent['kind'];
  postId?: string;
  groupId?: string;
}

/** One stream to decide for: whose it is and what it watches. */
export interface Watcher {
  viewerId: string;
  watch: LiveWatch;
}

/** The viewer column of a batch: `v.id`, one row per person, from one parameter. */
const V = sql.raw('v.id');
const viewersOf = (ids: string[]) => sql`json_array_elements_text(${JSON.stringify(ids)}::json) as v(id)`;

/** For each distinct viewer, the named boolean columns of `columns` (SQL over v.id), in one query. */
async function perViewer<K extends string>(db: Executor, viewerIds: string[], columns: Record<K, SQL>, from: SQL = sql``): Promise<Map<string, Record<K, boolean>>> {
  const ids = [...new Set(viewerIds)];
  const result = new Map<string, Record<K, boolean>>();
  if (ids.length === 0) return result;
  const names = Object.keys(columns) as K[];
  const select = sql.join(
    names.map((name) => sql`(${columns[name]}) as ${sql.identifier(name)}`),
    sql`, `,
  );
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`select v.id as viewer_id, ${select} from ${viewersOf(ids)} ${from}`));
  for (const row of rows) {
    const flags = {} as Record<K, boolean>;
    for (const name of names) flags[name] = row[name] === true || row[name] === 't';
    result.set(String(row.viewer_id), flags);
  }
  return result;
}

/** The post exists and the viewer may see it (and `extra` holds), over `posts` under its own name. */
const postSeen = (postId: string, extra?: SQL) => sql`exists (select 1 from posts where posts.id = ${postId} and ${visiblePosts(V)}${extra ? sql` and ${extra}` : sql``})`;

/** From someone the viewer follows or in a group they belong to, and not their own. */
const fromTheirCircle = sql`"posts"."author_id" <> v.id and (
    exists (select 1 from follows f where f.follower_id = v.id and f.followee_id = "posts"."author_id")
    or exists (select 1 from group_members m where m.user_id = v.id and m.group_id = "posts"."group_id"))`;

/** Those of `viewerIds` whose role in the group grants `permission` (can(), as the queue pages ask it). */
async function permitted(db: Executor, groupId: string, viewerIds: string[], permission: Permission) {
  const actors = await loadActors(db, groupId, viewerIds);
  return new Set([...actors].filter(([, actor]) => can(actor, permission).allowed).map(([id]) => id));
}

/** For each watcher (in order), the message its stream is sent about `event`, or null. */
export async function messagesFor(db: Executor, event: LiveEvent, watchers: Watcher[]): Promise<(LiveMessage | null)[]> {
  const none = watchers.map(() => null);
  const base = { id: event.id, kind: event.kind };
  const idsOf = (list: Watcher[]) => list.map((w) => w.viewerId);
  switch (event.kind) {
    case 'notification':
      return watchers.map((w) => (event.userId && w.viewerId === event.userId ? base : null));

    case 'comment':
    case 'reaction': {
      const postId = event.postId;
      if (!postId) return none;
      const watching = watchers.filter((w) => w.watch.postId === postId);
      if (watching.length === 0) return none;
      // A comment: the comment itself must be one the viewer sees (none from across a block, either way).
      const commentSeen = event.kind === 'comment' && event.subjectId ? sql` and exists (select 1 from comments where comments.id = ${event.subjectId} and ${visibleComments(V)})` : sql``;
      const seen = await perViewer(db, idsOf(watching), { seen: sql`${postSeen(postId)}${commentSeen}` });
      return watchers.map((w) => (w.watch.postId === postId && seen.get(w.viewerId)?.seen ? { ...base, postId } : null));
    }

    case 'post': {
      const postId = event.postId;
      if (!postId) return none;
      const inGroup = (w: Watcher) => Boolean(w.watch.groupId && w.watch.groupId === event.groupId);
      const watching = watchers.filter((w) => inGroup(w) || w.watch.feed);
      if (watching.length === 0) return none;
      const seen = await perViewer(db, idsOf(watching), {
        group: postSeen(postId, sql`"posts"."author_id" <> v.id`),
        feed: postSeen(postId, fromTheirCircle),
      });
      return watchers.map((w) => {
        const flags = seen.get(w.viewerId);
        if (inGroup(w)) return flags?.group ? { ...base, groupId: event.groupId! } : null;
        if (w.watch.feed) return flags?.feed ? base : null;
        return null;
      });
    }

    case 'celebration':
    case 'congratulation': {
      // The milestone's card: on the feed of those it is celebrated to (and its own person's), on its group's page
      // for those the group page shows it to (the event names the milestone's group, for a congratulation too).
      const milestoneId = event.subjectId;
      if (!milestoneId) return none;
      const watching = watchers.filter((w) => w.watch.feed || w.watch.groupId);
      if (watching.length === 0) return none;
      const ownCard = sql`(milestones.user_id = v.id and milestones.rule not in (${sql.join(privateRules.map((r) => sql`${r}`), sql`, `)}))`;
      const seen = await perViewer(
        db,
        idsOf(watching),
        { feed: sql`${ownCard} or ${celebratedTo(V)}`, group: celebratedInGroupTo(V) },
        sql`join milestones on milestones.id = ${milestoneId}`,
      );
      const groupId = event.groupId;
      return watchers.map((w) => {
        const flags = seen.get(w.viewerId);
        if (!flags) return null;
        if (groupId && w.watch.groupId === groupId && flags.group) return { ...base, groupId };
        if (w.watch.feed && flags.feed) return base;
        return null;
      });
    }

    case 'join_request':
    case 'report': {
      if (event.kind === 'report' && !event.groupId) {
        // The instance's queue: its admins and moderators, on /admin/reports.
        const watching = watchers.filter((w) => w.watch.reports);
        if (watching.length === 0) return none;
        const staff = await perViewer(db, idsOf(watching), { staff: sql`exists (select 1 from users u where u.id = v.id and u.instance_role in ('admin', 'moderator'))` });
        return watchers.map((w) => (w.watch.reports && staff.get(w.viewerId)?.staff ? base : null));
      }
      const groupId = event.groupId;
      if (!groupId) return none;
      const watching = watchers.filter((w) => w.watch.groupId === groupId);
      if (watching.length === 0) return none;
      const allowed = await permitted(db, groupId, idsOf(watching), event.kind === 'report' ? 'review_reports' : 'approve_requests');
      return watchers.map((w) => (w.watch.groupId === groupId && allowed.has(w.viewerId) ? { ...base, groupId } : null));
    }

    default:
      return none;
  }
}

/** The message one stream is sent about `event`, or null (messagesFor for a single stream). */
export async function messageFor(db: Executor, viewerId: string, watch: LiveWatch, event: LiveEvent): Promise<LiveMessage | null> {
  const [message] = await messagesFor(db, event, [{ viewerId, watch }]);
  return message ?? null;
}
