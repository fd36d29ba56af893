// Reports and the moderation queues, against the Server Actions themselves: where a report goes, that a second one
// is the first, how the queue groups them, and each moderator answer — its effect, its audit entry, the reporters'
// notice — with the refusals that must change nothing.
import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { channels, comments, groupAuditLog, groupBans, groupMemberRoles, groupMembers, groupRoles, instanceAuditLog, notifications, outbox, posts, reports, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { createGroupRecords } from '@/lib/groups/setup';
import { eraseAccountData, registry } from '@/lib/privacy/registry';
import { listNotifications } from '@/lib/notifications/queries';
import { notificationText } from '@/components/notifications/notification-text';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { banReportedAction, dismissReportsAction, lockReportedAction, removeReportedAction, reportAction, suspendReportedAction } from './actions';
import { getGroupReportQueue, getInstanceReportQueue, getReportTarget, openReportCount } from './queries';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

let n = 0;
async function person(label: string, instanceRole: 'admin' | 'moderator' | null = null): Promise<Viewer> {
  const handle = `${label.toLowerCase().slice(0, 12)}_${++n}_${Math.random().toString(36).slice(2, 6)}`;
  const [u] = await db.insert(users).values({ name: label, email: `${handle}@example.org`, handle, instanceRole }).returning();
  return { id: u.id, handle: u.handle, name: label, image: null };
}

/** A group with a moderator, an author and two reporters (members), a post and a comment by the author; a second group; a profile post. */
async function fixture(visibility: 'public' | 'invite' = 'public') {
  const p = {
    owner: await person('Owner'),
    moderator: await person('Moderator'),
    author: await person('Author'),
    alice: await person('Alice'),
    bob: await person('Bob'),
    member: await person('Member'),
    otherMod: await person('OtherMod'),
    outsider: await person('Outsider'),
  };
  const slug = `r-${++n}-${Math.random().toString(36).slice(2, 6)}`;
  return db.transaction(async (tx) => {
    const { group, roles } = await createGroupRecords(tx, { name: `Group ${slug}`, slug, description: 'Reports', topic: 'testing', visibility }, p.owner.id);
    const { group: other, roles: otherRoles } = await createGroupRecords(tx, { name: `Other ${slug}`, slug: `o-${slug}`, description: 'Other', topic: 'testing' }, p.owner.id);
    await tx.insert(groupMembers).values([p.moderator, p.author, p.alice, p.bob, p.member].map((u) => ({ groupId: group.id, userId: u.id })));
    await tx.insert(groupMembers).values({ groupId: other.id, userId: p.otherMod.id });
    await tx.insert(groupMemberRoles).values([
      { groupId: group.id, userId: p.moderator.id, roleId: roles.find((r) => r.builtin === 'moderator')!.id },
      { groupId: other.id, userId: p.otherMod.id, roleId: otherRoles.find((r) => r.builtin === 'moderator')!.id },
    ]);
    const [general] = await tx.select().from(channels).where(and(eq(channels.groupId, group.id), eq(channels.name, 'general')));
    const [post] = await tx.insert(posts).values({ authorId: p.author.id, groupId: group.id, channelId: general.id, body: 'Buy cheap watches at example.com' }).returning();
    const [comment] = await tx.insert(comments).values({ postId: post.id, authorId: p.author.id, body: 'You are all idiots' }).returning();
    const [profilePost] = await tx.insert(posts).values({ authorId: p.author.id, body: 'A post on my own profile' }).returning();
    return { p, group, other, post, comment, profilePost };
  });
}

function as(v: Viewer) {
  actAs(v);
}

async function reportsAbout(targetId: string) {
  return db.select().from(reports).where(eq(reports.targetId, targetId));
}

/** Everything a refused answer must leave as it was. */
async function snapshot(fx: Awaited<ReturnType<typeof fixture>>) {
  const [post] = await db.select().from(posts).where(eq(posts.id, fx.post.id));
  const [comment] = await db.select().from(comments).where(eq(comments.id, fx.comment.id));
  const [author] = await db.select({ suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, fx.p.author.id));
  const count$ = async (q: Promise<{ n: number }[]>) => Number((await q)[0].n);
  return {
    post: { removedAt: post.removedAt, commentsLocked: post.commentsLocked },
    comment: { removedAt: comment.removedAt },
    suspended: author.suspendedAt,
    open: (await db.select({ id: reports.id, status: reports.status }).from(reports).where(inArray(reports.targetId, [fx.post.id, fx.comment.id, fx.p.author.id, fx.profilePost.id]))).sort((a, b) => a.id.localeCompare(b.id)),
    bans: await count$(db.select({ n: count() }).from(groupBans).where(eq(groupBans.groupId, fx.group.id))),
    groupAudit: await count$(db.select({ n: count() }).from(groupAuditLog).where(eq(groupAuditLog.groupId, fx.group.id))),
    instanceAudit: await count$(db.select({ n: count() }).from(instanceAuditLog)),
    outcomes: await count$(db.select({ n: count() }).from(notifications).where(eq(notifications.kind, 'report_outcome'))),
  };
}

describe('reporting', () => {
  let fx: Awaited<ReturnType<typeof fixture>>;
  beforeAll(async () => {
    fx = await fixture();
  });

  it('sends reports about group content to the group, and the rest to the instance', async () => {
    as(fx.p.alice);
    expect((await expectAllowed(() => call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'spam' }), { changes: [reports] })).success).toMatch(/moderators of Group .* will review it/);
    expect((await call(reportAction, { targetKind: 'comment', targetId: fx.comment.id, reason: 'harassment', note: 'Insults everyone' })).success).toBeTruthy();
    expect((await expectAllowed(() => call(reportAction, { targetKind: 'post', targetId: fx.profilePost.id, reason: 'spam' }), { changes: [reports] })).success).toMatch(/people who run this community/);
    expect((await call(reportAction, { targetKind: 'profile', targetId: fx.p.author.id, reason: 'hate' })).success).toBeTruthy();
    expect((await call(reportAction, { targetKind: 'group', targetId: fx.other.id, reason: 'illegal' })).success).toBeTruthy();
    const rows = await db.select().from(reports).where(eq(reports.reporterId, fx.p.alice.id));
    const queueOf = (id: string) => rows.find((r) => r.targetId === id)!;
    expect(queueOf(fx.post.id)).toMatchObject({ groupId: fx.group.id, targetUserId: fx.p.author.id, reason: 'spam', status: 'open' });
    expect(queueOf(fx.comment.id)).toMatchObject({ groupId: fx.group.id, targetUserId: fx.p.author.id, note: 'Insults everyone' });
    expect(queueOf(fx.profilePost.id)).toMatchObject({ groupId: null, targetUserId: fx.p.author.id });
    expect(queueOf(fx.p.author.id)).toMatchObject({ groupId: null, targetKind: 'profile' });
    expect(queueOf(fx.other.id)).toMatchObject({ groupId: null, targetKind: 'group', targetUserId: null });
    expect(await openReportCount(fx.p.owner, fx.group.id)).toBe(2);
    // Only those who may review the queue learn how much waits in it.
    expect(await openReportCount(fx.p.outsider, fx.group.id)).toBe(0);
    expect(await openReportCount(fx.p.outsider, null)).toBe(0);
  });

  it('counts a second report of the same thing as the first', async () => {
    as(fx.p.alice);
    const again = await call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'hate', note: 'again' });
    expect(again).toEqual({ success: 'You already reported this; we will tell you the outcome.' });
    expect(await db.select().from(reports).where(and(eq(reports.targetId, fx.post.id), eq(reports.reporterId, fx.p.alice.id)))).toHaveLength(1);
  });

  it('refuses reports of oneself, one’s own content and one’s own group, and “other” without a note — writing nothing', async () => {
    const before = (await db.select({ n: count() }).from(reports))[0].n;
    as(fx.p.author);
    await expectRefused(() => call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'spam' }), { error: 'You cannot report what you wrote.', others: [fx.p.moderator.id, fx.p.owner.id] });
    await expectRefused(() => call(reportAction, { targetKind: 'profile', targetId: fx.p.author.id, reason: 'spam' }), { error: 'You cannot report yourself.', others: [fx.p.moderator.id, fx.p.owner.id] });
    as(fx.p.owner);
    await expectRefused(() => call(reportAction, { targetKind: 'group', targetId: fx.group.id, reason: 'spam' }), { error: 'You cannot report a group you own.', others: [fx.p.moderator.id, fx.p.author.id] });
    as(fx.p.bob);
    const other = await call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'other', note: '' });
    expect(other.fieldErrors?.note).toMatch(/needs a note/);
    await expectRefused(() => call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'other', note: '' }), { error: 'Please fix the highlighted fields.', others: [fx.p.moderator.id, fx.p.author.id] });
    await expectRefused(() => call(reportAction, { targetKind: 'post', targetId: 'no-such-post', reason: 'spam' }), { error: /gone, or you cannot see it/ });
    expect((await db.select({ n: count() }).from(reports))[0].n).toBe(before);
  });

  it('refuses a report of a post the reporter cannot see', async () => {
    const hidden = await fixture('invite');
    as(hidden.p.outsider);
    await expectRefused(() => call(reportAction, { targetKind: 'post', targetId: hidden.post.id, reason: 'spam' }), { error: /cannot see it/ });
    expect(await reportsAbout(hidden.post.id)).toHaveLength(0);
  });

  it('the report page (for browsers without JavaScript) names what may be reported, and nothing hidden or one’s own', async () => {
    const f = await fixture();
    const hidden = await fixture('invite');
    expect(await getReportTarget(f.p.alice, 'post', f.post.id)).toEqual({ kind: 'post', id: f.post.id, what: 'this post by Author', link: `/p/${f.post.id}` });
    expect(await getReportTarget(f.p.alice, 'comment', f.comment.id)).toMatchObject({ what: 'this comment by Author', link: `/p/${f.post.id}` });
    expect(await getReportTarget(f.p.alice, 'profile', f.p.author.id)).toMatchObject({ what: 'Author’s profile', link: `/u/${f.p.author.handle}` });
    expect(await getReportTarget(f.p.alice, 'group', f.group.id)).toMatchObject({ what: `the group ${f.group.name}` });
    // The same refusals as the action: one's own post, profile and group, and a post in a group one cannot see.
    expect(await getReportTarget(f.p.author, 'post', f.post.id)).toBeNull();
    expect(await getReportTarget(f.p.alice, 'profile', f.p.alice.id)).toBeNull();
    expect(await getReportTarget(f.p.owner, 'group', f.group.id)).toBeNull();
    expect(await getReportTarget(hidden.p.outsider, 'post', hidden.post.id)).toBeNull();
    expect(await getReportTarget(hidden.p.member, 'post', hidden.post.id)).toMatchObject({ what: 'this post by Author' });
  });
});

describe('the group queue', () => {
  let fx: Awaited<ReturnType<typeof fixture>>;
  beforeAll(async () => {
    fx = await fixture();
    as(fx.p.alice);
    await call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'spam', note: 'Same link in every group' });
    await call(reportAction, { targetKind: 'comment', targetId: fx.comment.id, reason: 'harassment' });
    as(fx.p.bob);
    await call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'other', note: 'Looks like a scam' });
  });

  it('groups reports by target with the count of reporters, reasons and notes, oldest first — for moderators only', async () => {
    const queue = await getGroupReportQueue(fx.p.moderator, fx.group.id, 'open');
    expect(queue?.items.map((i) => i.kind)).toEqual(['post', 'comment']);
    const [post, comment] = queue!.items;
    expect(post).toMatchObject({ targetId: fx.post.id, reporters: 2, notes: ['Same link in every group', 'Looks like a scam'] });
    expect(post.reasons.map((r) => [r.reason, r.count])).toEqual([['spam', 1], ['other', 1]]);
    expect(post.target).toMatchObject({ state: 'present', text: 'Buy cheap watches at example.com', personHandle: fx.p.author.handle });
    expect(post.can).toEqual({ remove: true, lock: true, ban: true, suspend: false });
    expect(comment).toMatchObject({ reporters: 1, notes: [] });
    // The reporters are nowhere in what the queue hands to the page.
    expect(JSON.stringify(queue)).not.toContain(fx.p.alice.id);
    expect(JSON.stringify(queue)).not.toContain(fx.p.bob.id);
    expect(await getGroupReportQueue(fx.p.member, fx.group.id, 'open')).toBeNull();
    expect(await getGroupReportQueue(fx.p.otherMod, fx.group.id, 'open')).toBeNull();
    expect(await getInstanceReportQueue(fx.p.moderator, 'open')).toBeNull();
  });

  it('refuses every answer from a member, a moderator of another group and a group moderator suspending — changing nothing', async () => {
    const before = await snapshot(fx);
    const input = { queue: fx.group.id, targetKind: 'post', targetId: fx.post.id };
    as(fx.p.member);
    await expectRefused(() => call(removeReportedAction, { ...input, reason: 'Spam' }), { error: /Review reports/ });
    await expectRefused(() => call(dismissReportsAction, input), { error: /Review reports/ });
    as(fx.p.otherMod);
    await expectRefused(() => call(removeReportedAction, { ...input, reason: 'Spam' }), { error: /Only members/ });
    await expectRefused(() => call(removeReportedAction, { ...input, queue: fx.other.id, reason: 'Spam' }), { error: /no open reports/ });
    as(fx.p.moderator);
    await expectRefused(() => call(suspendReportedAction, { ...input, reason: 'Spam everywhere' }), { error: /Only the people who run this community can suspend/ });
    await expectRefused(() => call(removeReportedAction, { ...input, queue: 'instance', reason: 'Spam' }), { error: /Only the people who run this community/ });
    expect((await call(removeReportedAction, { ...input, reason: '' })).fieldErrors?.reason).toMatch(/Say why/);
    expect(await snapshot(fx)).toEqual(before);
  });

  it('removes a reported post with a reason: the post, the audit log, every report closed, each reporter told without the moderator’s name', async () => {
    as(fx.p.moderator);
    const result = await call(removeReportedAction, { queue: fx.group.id, targetKind: 'post', targetId: fx.post.id, reason: 'Spam' });
    expect(result).toEqual({ success: 'Removed. The author can see why, and the people who reported it are told.' });
    const [post] = await db.select().from(posts).where(eq(posts.id, fx.post.id));
    expect(post).toMatchObject({ removedReason: 'Spam', removedBy: fx.p.moderator.id });
    expect(post.removedAt).not.toBeNull();
    const auditRows = await db.select().from(groupAuditLog).where(eq(groupAuditLog.groupId, fx.group.id));
    expect(auditRows.map((a) => a.action).sort()).toEqual(['post.remove', 'report.resolve']);
    expect(auditRows.find((a) => a.action === 'report.resolve')).toMatchObject({ actorId: fx.p.moderator.id, targetUserId: fx.p.author.id, details: { outcome: 'removed', reports: 2 } });
    const closed = await reportsAbout(fx.post.id);
    expect(closed.map((r) => [r.status, r.outcome, r.resolutionNote, r.resolvedById])).toEqual([
      ['resolved', 'removed', 'Spam', fx.p.moderator.id],
      ['resolved', 'removed', 'Spam', fx.p.moderator.id],
    ]);
    for (const reporter of [fx.p.alice, fx.p.bob]) {
      const told = await db.select().from(notifications).where(and(eq(notifications.userId, reporter.id), eq(notifications.kind, 'report_outcome')));
      expect(told).toHaveLength(1);
      expect(told[0].actorId).toBeNull();
      const { items } = await listNotifications(reporter, { kind: 'report_outcome' });
      expect(notificationText(items[0])).toBe('The post you reported was removed: “Spam”');
      const mail = await db.select().from(outbox).where(and(eq(outbox.userId, reporter.id), eq(outbox.kind, 'moderation')));
      expect(mail).toHaveLength(1);
      expect(mail[0].body).toContain('The post you reported was removed: “Spam”');
      expect(mail[0].body).not.toContain(fx.p.moderator.handle);
    }
    // The author is told the removal, as before; the queue is empty; a second answer finds nothing to answer.
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, fx.p.author.id), eq(notifications.kind, 'moderation')))).toHaveLength(1);
    expect((await getGroupReportQueue(fx.p.moderator, fx.group.id, 'open'))!.items.map((i) => i.kind)).toEqual(['comment']);
    const resolved = await getGroupReportQueue(fx.p.moderator, fx.group.id, 'resolved');
    expect(resolved!.items[0]).toMatchObject({ kind: 'post', reporters: 2, resolved: { outcome: 'removed', note: 'Spam' }, target: { state: 'removed', removedReason: 'Spam' } });
    await expectRefused(() => call(dismissReportsAction, { queue: fx.group.id, targetKind: 'post', targetId: fx.post.id }), { error: /no open reports/ });
  });

  it('dismisses with a note, and the reporter hears it was left up', async () => {
    as(fx.p.moderator);
    expect((await expectAllowed(() => call(dismissReportsAction, { queue: fx.group.id, targetKind: 'comment', targetId: fx.comment.id, note: 'Heated, but within our rules' }), { changes: [reports] })).success).toMatch(/Dismissed/);
    const [comment] = await db.select().from(comments).where(eq(comments.id, fx.comment.id));
    expect(comment.removedAt).toBeNull();
    expect((await reportsAbout(fx.comment.id))[0]).toMatchObject({ status: 'resolved', outcome: 'dismissed' });
    const { items } = await listNotifications(fx.p.alice, { kind: 'report_outcome' });
    expect(items.map(notificationText)).toContain('The comment you reported was reviewed and left up: “Heated, but within our rules”');
    expect(await db.select().from(groupAuditLog).where(and(eq(groupAuditLog.groupId, fx.group.id), eq(groupAuditLog.action, 'report.resolve')))).toHaveLength(2);
  });
});

describe('locking, banning and suspending from the queues', () => {
  it('locks comments on a reported post', async () => {
    const fx = await fixture();
    as(fx.p.alice);
    await call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'harassment' });
    await call(reportAction, { targetKind: 'comment', targetId: fx.comment.id, reason: 'harassment' });
    const lockPost = () => call(lockReportedAction, { queue: fx.group.id, targetKind: 'post', targetId: fx.post.id });
    // A member of the group, another group's moderator, and a group moderator in the instance queue may not.
    as(fx.p.member);
    await expectRefused(lockPost, { caller: fx.p.member, others: [fx.p.alice.id, fx.p.author.id] });
    as(fx.p.otherMod);
    await expectRefused(lockPost, { caller: fx.p.otherMod, others: [fx.p.alice.id, fx.p.author.id] });
    as(fx.p.moderator);
    await expectRefused(() => call(lockReportedAction, { queue: 'instance', targetKind: 'post', targetId: fx.post.id }), { others: [fx.p.alice.id, fx.p.author.id] });
    await expectRefused(() => call(lockReportedAction, { queue: fx.group.id, targetKind: 'post', targetId: 'x' }), { others: [fx.p.alice.id] });
    expect((await expectAllowed(() => call(lockReportedAction, { queue: fx.group.id, targetKind: 'post', targetId: fx.post.id }), { changes: [reports, posts, groupAuditLog, notifications] })).success).toMatch(/locked/);
    expect((await db.select().from(posts).where(eq(posts.id, fx.post.id)))[0].commentsLocked).toBe(true);
    expect((await reportsAbout(fx.comment.id))[0], 'the comment’s report stays open').toMatchObject({ status: 'open' });
    // The comment's report is under the same post: its thread is locked already, and the post's reports are answered.
    await expectRefused(() => call(lockReportedAction, { queue: fx.group.id, targetKind: 'comment', targetId: fx.comment.id }), { error: 'Comments on that post are already locked.', others: [fx.p.alice.id, fx.p.author.id] });
    await expectRefused(lockPost, { error: /no open reports/, others: [fx.p.alice.id, fx.p.author.id] });
    actAs(null);
    await expectRefused(lockPost, { error: 'Your session has ended — please sign in again.', others: [fx.p.alice.id, fx.p.author.id] });
    expect((await db.select().from(groupAuditLog).where(eq(groupAuditLog.groupId, fx.group.id))).map((a) => a.action).sort()).toEqual(['post.lock', 'report.resolve']);
    const { items } = await listNotifications(fx.p.alice, { kind: 'report_outcome' });
    expect(notificationText(items[0])).toBe('The post you reported was reviewed: comments on the post are now locked.');
  });

  it('bans the author from the group, from the group queue only', async () => {
    const fx = await fixture();
    as(fx.p.alice);
    await call(reportAction, { targetKind: 'comment', targetId: fx.comment.id, reason: 'harassment' });
    await call(reportAction, { targetKind: 'post', targetId: fx.profilePost.id, reason: 'spam' });
    const admin = await person('Admin', 'admin');
    as(admin);
    await expectRefused(() => call(banReportedAction, { queue: 'instance', targetKind: 'post', targetId: fx.profilePost.id, reason: 'Spam' }), { error: /Banning from a group is for that group’s moderators/ });
    as(fx.p.moderator);
    expect((await expectAllowed(() => call(banReportedAction, { queue: fx.group.id, targetKind: 'comment', targetId: fx.comment.id, reason: 'Insults' }), { changes: [groupBans] })).success).toMatch(/Banned/);
    expect(await db.select().from(groupBans).where(and(eq(groupBans.groupId, fx.group.id), eq(groupBans.userId, fx.p.author.id)))).toEqual([expect.objectContaining({ reason: 'Insults', bannedBy: fx.p.moderator.id })]);
    expect(await db.select().from(groupMembers).where(and(eq(groupMembers.groupId, fx.group.id), eq(groupMembers.userId, fx.p.author.id)))).toHaveLength(0);
    const actions = (await db.select().from(groupAuditLog).where(eq(groupAuditLog.groupId, fx.group.id))).map((a) => a.action).sort();
    expect(actions).toEqual(['member.ban', 'report.resolve']);
    expect((await reportsAbout(fx.comment.id))[0]).toMatchObject({ status: 'resolved', outcome: 'banned' });
  });

  it('refuses a ban of someone who outranks the moderator', async () => {
    const fx = await fixture();
    const [admin] = await db.select().from(groupRoles).where(and(eq(groupRoles.groupId, fx.group.id), eq(groupRoles.builtin, 'admin')));
    await db.insert(groupMemberRoles).values({ groupId: fx.group.id, userId: fx.p.author.id, roleId: admin.id });
    as(fx.p.alice);
    await call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'spam' });
    const before = await snapshot(fx);
    as(fx.p.moderator);
    await expectRefused(() => call(banReportedAction, { queue: fx.group.id, targetKind: 'post', targetId: fx.post.id, reason: 'Spam' }), { error: /at or above your highest role/ });
    await expectRefused(() => call(removeReportedAction, { queue: fx.group.id, targetKind: 'post', targetId: fx.post.id, reason: 'Spam' }), { error: /at or above your highest role/ });
    expect(await snapshot(fx)).toEqual(before);
  });

  it('lets instance moderators work the instance queue: remove a profile post, suspend a reported profile; others are refused', async () => {
    const fx = await fixture();
    as(fx.p.alice);
    await call(reportAction, { targetKind: 'post', targetId: fx.profilePost.id, reason: 'spam' });
    await call(reportAction, { targetKind: 'profile', targetId: fx.p.author.id, reason: 'hate', note: 'Hateful bio' });
    as(fx.p.bob);
    await call(reportAction, { targetKind: 'profile', targetId: fx.p.author.id, reason: 'hate' });
    const before = await snapshot(fx);
    as(fx.p.moderator); // a group moderator, not an instance one
    await expectRefused(() => call(suspendReportedAction, { queue: 'instance', targetKind: 'profile', targetId: fx.p.author.id, reason: 'Hate' }), { error: /Only the people who run this community/ });
    await expectRefused(() => call(dismissReportsAction, { queue: 'instance', targetKind: 'profile', targetId: fx.p.author.id }), { error: /Only the people who run this community/ });
    expect(await snapshot(fx)).toEqual(before);

    const mod = await person('InstanceMod', 'moderator');
    const queue = await getInstanceReportQueue(mod, 'open');
    const mine = queue!.items.filter((i) => [fx.profilePost.id, fx.p.author.id].includes(i.targetId));
    expect(mine.map((i) => [i.kind, i.reporters])).toEqual([['post', 1], ['profile', 2]]);
    expect(mine[1]).toMatchObject({ notes: ['Hateful bio'], can: { remove: false, lock: false, ban: false, suspend: true } });

    as(mod);
    await expectRefused(() => call(removeReportedAction, { queue: 'instance', targetKind: 'profile', targetId: fx.p.author.id, reason: 'Hate' }), { error: /A profile cannot be removed/ });
    expect((await expectAllowed(() => call(removeReportedAction, { queue: 'instance', targetKind: 'post', targetId: fx.profilePost.id, reason: 'Spam' }), { changes: [reports] })).success).toMatch(/Removed/);
    expect((await db.select().from(posts).where(eq(posts.id, fx.profilePost.id)))[0]).toMatchObject({ removedReason: 'Spam', removedBy: mod.id });
    expect((await expectAllowed(() => call(suspendReportedAction, { queue: 'instance', targetKind: 'profile', targetId: fx.p.author.id, reason: 'Hate speech in the bio' }), { changes: [users] })).success).toMatch(/suspended/);
    const [author] = await db.select().from(users).where(eq(users.id, fx.p.author.id));
    expect(author).toMatchObject({ suspensionReason: 'Hate speech in the bio', suspendedById: mod.id });
    const log = await db.select().from(instanceAuditLog).where(eq(instanceAuditLog.actorId, mod.id));
    expect(log.map((l) => l.action).sort()).toEqual(['post.remove', 'report.resolve', 'report.resolve', 'suspend']);
    expect((await reportsAbout(fx.p.author.id)).map((r) => r.outcome)).toEqual(['suspended', 'suspended']);
    const { items } = await listNotifications(fx.p.bob, { kind: 'report_outcome' });
    // The suspension's reason is the suspended person's to read, not the reporters'.
    expect(notificationText(items[0])).toBe('The profile you reported was reviewed: the account was suspended.');
  });
});

describe('deleted targets and erasure', () => {
  it('keeps reports of a post its author deleted, shows it as deleted, and lets them be dismissed but not acted on', async () => {
    const fx = await fixture();
    as(fx.p.alice);
    await call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'spam' });
    await db.delete(posts).where(eq(posts.id, fx.post.id));
    const queue = await getGroupReportQueue(fx.p.moderator, fx.group.id, 'open');
    expect(queue!.items[0]).toMatchObject({ targetId: fx.post.id, target: { state: 'deleted', text: '' }, can: { remove: false, lock: false, ban: true, suspend: false } });
    as(fx.p.moderator);
    await expectRefused(() => call(removeReportedAction, { queue: fx.group.id, targetKind: 'post', targetId: fx.post.id, reason: 'Spam' }), { error: /deleted since it was reported/ });
    expect((await expectAllowed(() => call(dismissReportsAction, { queue: fx.group.id, targetKind: 'post', targetId: fx.post.id }), { changes: [reports] })).success).toMatch(/Dismissed/);
  });

  it('lists and exports a person’s own reports (not who handled them), never reports about them', async () => {
    const fx = await fixture();
    as(fx.p.alice);
    await call(reportAction, { targetKind: 'profile', targetId: fx.p.author.id, reason: 'hate', note: 'Hateful bio' });
    const entry = registry.find((e) => e.table === 'reports')!;
    expect(await entry.count(db, fx.p.alice.id)).toBe(1);
    const exported = await entry.export(db, fx.p.alice.id);
    expect(exported).toEqual([expect.objectContaining({ targetKind: 'profile', reason: 'hate', note: 'Hateful bio', status: 'open' })]);
    expect(exported[0]).not.toHaveProperty('resolvedById');
    expect(await entry.count(db, fx.p.author.id)).toBe(0);
  });

  it('erases the reports a person made, unlinks reports about them (closing those of their profile), and a moderator’s name', async () => {
    const fx = await fixture();
    as(fx.p.alice);
    await call(reportAction, { targetKind: 'profile', targetId: fx.p.author.id, reason: 'hate' });
    await call(reportAction, { targetKind: 'post', targetId: fx.post.id, reason: 'spam' });
    as(fx.p.bob);
    await call(reportAction, { targetKind: 'comment', targetId: fx.comment.id, reason: 'spam' });
    as(fx.p.moderator);
    await call(dismissReportsAction, { queue: fx.group.id, targetKind: 'comment', targetId: fx.comment.id });

    await db.transaction((tx) => eraseAccountData(tx, fx.p.moderator.id, { keepContent: false }));
    expect((await reportsAbout(fx.comment.id))[0]).toMatchObject({ status: 'resolved', resolvedById: null });

    await db.transaction((tx) => eraseAccountData(tx, fx.p.author.id, { keepContent: true }));
    expect(await reportsAbout(fx.p.author.id)).toEqual([expect.objectContaining({ status: 'resolved', outcome: 'gone', targetUserId: null })]);
    expect((await reportsAbout(fx.post.id))[0]).toMatchObject({ status: 'open', targetUserId: null });

    await db.transaction((tx) => eraseAccountData(tx, fx.p.alice.id, { keepContent: false }));
    expect(await db.select().from(reports).where(eq(reports.reporterId, fx.p.alice.id))).toHaveLength(0);
    expect(await reportsAbout(fx.p.author.id)).toHaveLength(0);
  });
});

describe('the Review reports permission', () => {
  it('is given by the migration’s backfill to existing groups’ Owner, Admin and Moderator roles, once, and to no one else', async () => {
    const fx = await fixture();
    // A group from before reports: its roles lack the flag.
    await db.update(groupRoles).set({ permissions: sql`array_remove(${groupRoles.permissions}, 'review_reports')` }).where(eq(groupRoles.groupId, fx.group.id));
    const dir = path.join(process.cwd(), 'db/migrations');
    const migration = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).find((text) => text.includes("array_append(\"permissions\", 'review_reports')"));
    const backfill = migration!.split('--> statement-breakpoint').map((s) => s.trim()).find((s) => s.includes('review_reports'))!;
    await db.execute(sql.raw(backfill));
    await db.execute(sql.raw(backfill));
    const roles = await db.select().from(groupRoles).where(eq(groupRoles.groupId, fx.group.id));
    const holds = (b: string) => roles.find((r) => r.builtin === b)!.permissions.filter((p) => p === 'review_reports').length;
    expect([holds('owner'), holds('admin'), holds('moderator'), holds('member')]).toEqual([1, 1, 1, 0]);
    expect(await getGroupReportQueue(fx.p.moderator, fx.group.id, 'open')).not.toBeNull();
  });
});
