import 'server-only';
// The report queues, for the people who work them: a group's (roles with Review reports) and the instance's
// (instance admins and moderators). Reports are grouped by what they are about, with how many people reported it,
// their reasons and notes — never who they are.
import { and, asc, countDistinct, desc, eq, isNull } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { reports, users, type ReportOutcome, type ReportReason, type ReportStatus, type ReportTargetKind } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { canModerateInstance, instanceRoleOf } from '@/lib/admin/roles';
import { loadGroupActor } from '@/lib/groups/context';
import { can, type Actor } from '@/lib/groups/permissions';
import { reasonLabels } from './outcome';
import { isOwnTarget, loadTargets, reportableTarget, targetKey } from './targets';

export type QueueItem = {
  key: string;
  kind: ReportTargetKind;
  targetId: string;
  reporters: number;
  reasons: { reason: ReportReason; label: string; count: number }[];
  notes: string[];
  firstReportedAt: Date;
  resolved: { outcome: ReportOutcome | null; note: string | null; at: Date } | null;
  target: {
    state: 'present' | 'removed' | 'deleted';
    text: string;
    link: string | null;
    personHandle: string | null;
    groupName: string | null;
    removedReason: string | null;
    commentsLocked: boolean;
  };
  /** What the viewer may do here (the actions check again). */
  can: { remove: boolean; lock: boolean; ban: boolean; suspend: boolean };
};

export type Queue = { queue: string; status: ReportStatus; items: QueueItem[] };

const QUEUE_LIMIT = 500;

/** The reports of one queue (a group's id, or null for the instance), grouped by target. */
export async function reportQueue(
  dbx: Executor,
  queueGroupId: string | null,
  status: ReportStatus,
  powers: { actor: Actor | null; instanceModerator: boolean },
): Promise<QueueItem[]> {
  const rows = await dbx
    .select()
    .from(reports)
    .where(and(queueGroupId ? eq(reports.groupId, queueGroupId) : isNull(reports.groupId), eq(reports.status, status)))
    .orderBy(status === 'open' ? asc(reports.createdAt) : desc(reports.resolvedAt), asc(reports.id))
    .limit(QUEUE_LIMIT);
  const grouped = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = targetKey({ kind: r.targetKind, id: r.targetId });
    grouped.set(key, [...(grouped.get(key) ?? []), r]);
  }
  const targets = await loadTargets(dbx, [...grouped.values()].map((g) => ({ kind: g[0].targetKind, id: g[0].targetId })));
  const { actor, instanceModerator } = powers;
  const groupMay = (p: 'remove_content' | 'lock' | 'manage_members') => (actor ? can(actor, p).allowed : false);
  return [...grouped.entries()].map(([key, group]) => {
    const first = group[0];
    const t = targets.get(key);
    const reasons = new Map<ReportReason, number>();
    for (const r of group) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
    const latest = group.reduce((a, b) => ((a.resolvedAt ?? a.createdAt) >= (b.resolvedAt ?? b.createdAt) ? a : b));
    const state = !t ? 'deleted' : t.removed ? 'removed' : 'present';
    const content = first.targetKind === 'post' || first.targetKind === 'comment';
    const personId = t?.personId ?? first.targetUserId;
    return {
      key,
      kind: first.targetKind,
      targetId: first.targetId,
      reporters: new Set(group.map((r) => r.reporterId)).size,
      reasons: [...reasons.entries()].map(([reason, count]) => ({ reason, label: reasonLabels[reason], count })),
      notes: group.map((r) => r.note).filter(Boolean),
      firstReportedAt: group.reduce((a, r) => (r.createdAt < a ? r.createdAt : a), first.createdAt),
      resolved: status === 'resolved' ? { outcome: latest.outcome, note: latest.resolutionNote, at: latest.resolvedAt ?? latest.createdAt } : null,
      target: {
        state,
        text: t?.text ?? '',
        link: t?.link ?? null,
        personHandle: t?.personHandle ?? null,
        groupName: t?.group?.name ?? null,
        removedReason: t?.removed?.reason ?? null,
        commentsLocked: Boolean(t?.post?.commentsLocked),
      },
      can: {
        remove: state === 'present' && content && (queueGroupId ? groupMay('remove_content') : instanceModerator),
        lock: state === 'present' && content && !t?.post?.commentsLocked && (queueGroupId ? groupMay('lock') : instanceModerator),
        ban: Boolean(queueGroupId && personId && content && groupMay('manage_members')),
        suspend: Boolean(personId && instanceModerator),
      },
    } satisfies QueueItem;
  });
}

/** A group's queue, for roles with Review reports; null for anyone else (the page answers 404). */
export async function getGroupReportQueue(viewer: Viewer, groupId: string, status: ReportStatus): Promise<Queue | null> {
  const loaded = await loadGroupActor(db, { id: groupId }, viewer.id);
  if (!loaded || !can(loaded.actor, 'review_reports').allowed) return null;
  const instanceModerator = canModerateInstance(await instanceRoleOf(db, viewer.id));
  return { queue: groupId, status, items: await reportQueue(db, groupId, status, { actor: loaded.actor, instanceModerator }) };
}

/** The instance's queue, for instance admins and moderators; null for anyone else. */
export async function getInstanceReportQueue(viewer: Viewer, status: ReportStatus): Promise<Queue | null> {
  if (!canModerateInstance(await instanceRoleOf(db, viewer.id))) return null;
  return { queue: 'instance', status, items: await reportQueue(db, null, status, { actor: null, instanceModerator: true }) };
}

/**
 * How many things wait in a queue (distinct targets with open reports): the count beside "Reports". Zero for a
 * viewer who may not review that queue (a group's: Review reports; the instance's: its moderators).
 */
export async function openReportCount(viewer: Viewer, queueGroupId: string | null) {
  if (queueGroupId) {
    const loaded = await loadGroupActor(db, { id: queueGroupId }, viewer.id);
    if (!loaded || !can(loaded.actor, 'review_reports').allowed) return 0;
  } else if (!canModerateInstance(await instanceRoleOf(db, viewer.id))) return 0;
  const [row] = await db
    .select({ n: countDistinct(reports.targetId) })
    .from(reports)
    .where(and(queueGroupId ? eq(reports.groupId, queueGroupId) : isNull(reports.groupId), eq(reports.status, 'open')));
  return Number(row?.n ?? 0);
}

export type ReportPageTarget = { kind: ReportTargetKind; id: string; what: string; link: string };

/**
 * What the viewer may report, named as the report form names it ("this post by Ana"): only what they can see, never
 * their own; null otherwise (the page then answers 404, as the action would refuse it).
 */
export async function getReportTarget(viewer: Viewer, kind: ReportTargetKind, id: string): Promise<ReportPageTarget | null> {
  const target = await reportableTarget(db, viewer.id, { kind, id });
  if (!target || (await isOwnTarget(db, viewer.id, target))) return null;
  const [person] = target.personId ? await db.select({ name: users.name, handle: users.handle }).from(users).where(eq(users.id, target.personId)) : [];
  const name = person?.name ?? person?.handle ?? 'someone';
  const what =
    kind === 'post' ? `this post by ${name}`
    : kind === 'comment' ? `this comment by ${name}`
    : kind === 'profile' ? `${name}’s profile`
    : `the group ${target.group?.name ?? ''}`;
  return { kind, id, what, link: target.link };
}
