'use server';

// Reporting, and the moderators' answers to reports. Every answer runs in one transaction: the caller's right is
// checked, the act done (by the same code as the buttons on posts and the Bans tab), the audit log written, every
// open report about the target closed, and each reporter told the outcome — never who acted.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { db, type Transaction } from '@/db/client';
import { comments, instanceAuditLog, posts, reports, users, type InstanceRole, type Report, type ReportOutcome } from '@/db/schema';
import { type ActionState, formValues, validatedActionWithUser } from '@/lib/action-state';
import type { Viewer } from '@/lib/auth/viewer';
import { canModerateInstance, instanceRoleOf } from '@/lib/admin/roles';
import { getSiteSettings } from '@/lib/admin/site';
import { suspendAccount } from '@/lib/admin/suspension';
import { banFromGroup } from '@/lib/groups/bans';
import { audit, demand, inGroup, refuse, Refusal, type GroupCtx } from '@/lib/groups/guard';
import { sendMail } from '@/lib/mail/outbox';
import { mailKindEnabled } from '@/lib/mail/preferences';
import { notify } from '@/lib/notifications/notify';
import { lockComments, removeCommentAsModerator, removePostAsModerator } from '@/lib/posts/moderation';
import { limitPerson, rules } from '@/lib/rate-limit';
import { outcomeText, type OutcomeData } from './outcome';
import { banReportedSchema, dismissSchema, lockReportedSchema, removeReportedSchema, reportSchema, suspendReportedSchema } from './schemas';
import { isOwnTarget, loadTarget, reportableTarget, type Target } from './targets';

export const reportAction = validatedActionWithUser(
  reportSchema,
  async (input, viewer, formData) => {
    const limited = await limitPerson(db, viewer.id, rules.report);
    if (!limited.allowed) return { error: limited.message, values: formValues(formData) };
    const target = await reportableTarget(db, viewer.id, { kind: input.targetKind, id: input.targetId });
    if (!target) return { error: 'That is gone, or you cannot see it any more.' };
    if (await isOwnTarget(db, viewer.id, target)) return { error: input.targetKind === 'profile' ? 'You cannot report yourself.' : input.targetKind === 'group' ? 'You cannot report a group you own.' : 'You cannot report what you wrote.' };
    // The partial unique index (one open report per reporter and target) makes a second report the first one.
    const added = await db
      .insert(reports)
      .values({ reporterId: viewer.id, targetKind: target.kind, targetId: target.id, targetUserId: target.personId, groupId: target.queueGroupId, reason: input.reason, note: input.note })
      .onConflictDoNothing()
      .returning({ id: reports.id });
    if (added.length === 0) return { success: 'You already reported this; we will tell you the outcome.' };
    if (target.queueGroupId) revalidatePath(`/g/${target.group?.slug}/settings`);
    else revalidatePath('/admin/reports');
    const who = target.queueGroupId ? `The moderators of ${target.group?.name}` : 'The people who run this community';
    return { success: `Thank you. ${who} will review it, and we will tell you the outcome — never who reported it.` };
  },
);

type Work = { tx: Transaction; viewer: Viewer; target: Target | null; ctx: GroupCtx | null; instanceRole: InstanceRole | null; open: Report[] };
type Resolution = { outcome: ReportOutcome; note: string | null; success: string; act?: (w: Work) => Promise<void>; tellReason?: boolean };

/** The open reports about a target in one queue, locked so two moderators cannot answer them both. */
async function openReports(tx: Transaction, queueGroupId: string | null, kind: Report['targetKind'], id: string) {
  return tx
    .select()
    .from(reports)
    .where(and(eq(reports.targetKind, kind), eq(reports.targetId, id), eq(reports.status, 'open'), queueGroupId ? eq(reports.groupId, queueGroupId) : isNull(reports.groupId)))
    .for('update');
}

/** Closes the reports and tells each reporter once what happened (in the app, and by mail unless they turned it off). */
async function closeReports(w: Work, resolution: Resolution) {
  const first = w.open[0];
  await w.tx
    .update(reports)
    .set({ status: 'resolved', outcome: resolution.outcome, resolutionNote: resolution.note, resolvedAt: new Date(), resolvedById: w.viewer.id })
    .where(inArray(reports.id, w.open.map((r) => r.id)));
  const notice: OutcomeData = { what: first.targetKind, outcome: resolution.outcome, ...(resolution.tellReason && resolution.note ? { reason: resolution.note } : {}), ...(w.ctx ? { group: w.ctx.group.name } : {}) };
  const reporters = [...new Set(w.open.map((r) => r.reporterId))];
  const addresses = await w.tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, reporters));
  for (const reporter of addresses) {
    // No actorId: the reporter is not told who acted.
    await notify(w.tx, { userId: reporter.id, kind: 'report_outcome', link: '/settings/privacy/reports', subjectId: first.targetId, data: notice });
    if (reporter.email && (await mailKindEnabled(w.tx, reporter.id, 'moderation'))) {
      await sendMail(w.tx, {
        userId: reporter.id,
        to: reporter.email,
        kind: 'moderation',
        subject: 'About what you reported',
        body: `${outcomeText(notice)}\n\nThank you for telling us. Your reports, and what became of them, are listed in Settings → Privacy → Reports.`,
      });
    }
  }
}

/** Answers the open reports about one target, in the queue the form came from: a group's, or the instance's. */
async function resolveReports(viewer: Viewer, input: { queue: string; targetKind: Report['targetKind']; targetId: string }, resolution: Resolution): Promise<ActionState> {
  const details = { target: `${input.targetKind}:${input.targetId}`, outcome: resolution.outcome, ...(resolution.note ? { note: resolution.note } : {}) };
  if (input.queue !== 'instance') {
    return inGroup(viewer, input.queue, async (ctx) => {
      demand(ctx, 'review_reports');
      const open = await openReports(ctx.tx, ctx.group.id, input.targetKind, input.targetId);
      if (open.length === 0) refuse('There are no open reports about this in this group’s queue — someone may have answered them already.');
      const target = await loadTarget(ctx.tx, { kind: input.targetKind, id: input.targetId });
      if (target && target.queueGroupId !== ctx.group.id) refuse('That is not in this group.');
      const w: Work = { tx: ctx.tx, viewer, target, ctx, instanceRole: await instanceRoleOf(ctx.tx, viewer.id), open };
      await resolution.act?.(w);
      await audit(ctx, 'report.resolve', target?.personId ?? open[0].targetUserId, { ...details, reports: open.length });
      await closeReports(w, resolution);
      return { success: resolution.success };
    });
  }
  try {
    const result = await db.transaction(async (tx) => {
      const instanceRole = await instanceRoleOf(tx, viewer.id);
      if (!canModerateInstance(instanceRole)) refuse('Only the people who run this community (instance admins and moderators) work this queue.');
      const open = await openReports(tx, null, input.targetKind, input.targetId);
      if (open.length === 0) refuse('There are no open reports about this in the queue — someone may have answered them already.');
      const target = await loadTarget(tx, { kind: input.targetKind, id: input.targetId });
      const w: Work = { tx, viewer, target, ctx: null, instanceRole, open };
      await resolution.act?.(w);
      await tx.insert(instanceAuditLog).values({ actorId: viewer.id, action: 'report.resolve', targetUserId: target?.personId ?? open[0].targetUserId, details: { ...details, reports: open.length } });
      await closeReports(w, resolution);
      return { success: resolution.success };
    });
    revalidatePath('/admin/reports');
    return result;
  } catch (error) {
    if (error instanceof Refusal) return { error: error.message };
    throw error;
  }
}

function present(w: Work): Target {
  if (!w.target) refuse('It has been deleted since it was reported: dismiss the reports instead.');
  return w.target;
}

export const dismissReportsAction = validatedActionWithUser(dismissSchema, (input, viewer) =>
  resolveReports(viewer, input, { outcome: 'dismissed', note: input.note || null, tellReason: true, success: 'Dismissed. The people who reported it are told it was reviewed and left up.' }),
);

export const removeReportedAction = validatedActionWithUser(removeReportedSchema, (input, viewer) =>
  resolveReports(viewer, input, {
    outcome: 'removed',
    note: input.reason,
    tellReason: true,
    success: 'Removed. The author can see why, and the people who reported it are told.',
    async act(w) {
      const target = present(w);
      if (!target.post) refuse(target.kind === 'profile' ? 'A profile cannot be removed: suspend the account instead.' : 'A group cannot be removed from here: suspend its owner’s account, or dismiss the reports.');
      if (target.removed) refuse('It is already removed.');
      if (w.ctx) {
        if (target.comment) await removeCommentAsModerator(w.ctx, target.post, target.comment, input.reason);
        else await removePostAsModerator(w.ctx, target.post, input.reason);
        return;
      }
      // Outside groups (a post on a profile), the instance's moderators remove it, in the community's name.
      const site = await getSiteSettings(w.tx);
      const subject = target.comment ?? target.post;
      const table = target.comment ? comments : posts;
      await w.tx.update(table).set({ removedAt: new Date(), removedReason: input.reason, removedBy: w.viewer.id }).where(eq(table.id, subject.id));
      await w.tx.insert(instanceAuditLog).values({ actorId: w.viewer.id, action: `${target.kind}.remove`, targetUserId: target.personId, details: { post: target.post.id, ...(target.comment ? { comment: target.comment.id } : {}), reason: input.reason } });
      if (target.personId) {
        await notify(w.tx, { userId: target.personId, kind: 'moderation', link: `/p/${target.post.id}`, subjectId: subject.id, data: { what: target.kind, reason: input.reason, group: site.name } });
      }
    },
  }),
);

export const lockReportedAction = validatedActionWithUser(lockReportedSchema, (input, viewer) =>
  resolveReports(viewer, input, {
    outcome: 'locked',
    note: null,
    success: 'Comments on the post are locked. The people who reported it are told.',
    async act(w) {
      const target = present(w);
      if (!target.post) refuse('Only a post’s comments can be locked.');
      if (target.post.commentsLocked) refuse('Comments on that post are already locked.');
      if (w.ctx) return lockComments(w.ctx, target.post, true);
      await w.tx.update(posts).set({ commentsLocked: true }).where(eq(posts.id, target.post.id));
      await w.tx.insert(instanceAuditLog).values({ actorId: w.viewer.id, action: 'post.lock', targetUserId: target.personId, details: { post: target.post.id } });
    },
  }),
);

export const banReportedAction = validatedActionWithUser(banReportedSchema, (input, viewer) =>
  resolveReports(viewer, input, {
    outcome: 'banned',
    note: input.reason,
    success: 'Banned from the group. The people who reported it are told.',
    async act(w) {
      if (!w.ctx) refuse('Banning from a group is for that group’s moderators: this queue can suspend the account instead.');
      const personId = w.target?.personId ?? w.open[0].targetUserId;
      if (!personId) refuse('There is no one to ban: the account is gone.');
      await banFromGroup(w.ctx, personId, input.reason, { via: 'report' });
    },
  }),
);

export const suspendReportedAction = validatedActionWithUser(suspendReportedSchema, (input, viewer) =>
  resolveReports(viewer, input, {
    outcome: 'suspended',
    note: input.reason,
    success: 'Account suspended. The people who reported it are told.',
    async act(w) {
      if (!canModerateInstance(w.instanceRole)) refuse('Only the people who run this community can suspend an account; a group’s moderators can ban from the group.');
      const personId = w.target?.personId ?? w.open[0].targetUserId;
      if (!personId) refuse(w.open[0].targetKind === 'group' ? 'A group is no one account: suspend its owner from their profile’s reports, or dismiss these.' : 'There is no one to suspend: the account is gone.');
      const outcome = await suspendAccount(w.tx, { actorId: w.viewer.id, actorRole: w.instanceRole!, userId: personId, reason: input.reason, via: { report: `${input.targetKind}:${input.targetId}` } });
      if (outcome === 'refused') refuse('You cannot suspend that account (yourself, an admin, or — unless you are an admin — a moderator).');
      if (outcome === 'missing') refuse('There is no one to suspend: the account is gone.');
      if (outcome === 'already') refuse('That account is already suspended: dismiss the reports instead.');
    },
  }),
);
