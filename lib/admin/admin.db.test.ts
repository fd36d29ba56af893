// Instance administration, action by action: who may (the effect is there) and who may not (nothing changed).
// Settings and their audit, registration modes through the real sign-up actions, the approval flow, invites,
// suspensions and instance roles with the last admin kept.
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { instanceAuditLog, instanceInvites, outbox, pendingSignups, registrationApprovals, siteSettings, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { finishSignUpAction, signUpAction } from '@/lib/auth/actions';
import { authenticate, createAccount } from '@/lib/auth/users';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import {
  createInstanceInviteAction,
  decideRegistrationAction,
  revokeInstanceInviteAction,
  saveSiteSettingsAction,
  setInstanceRoleAction,
  suspendMemberAction,
  unsuspendMemberAction,
} from './actions';
import { lastAdminMessage, notAdminMessage, notModeratorMessage } from './manage';
import { awaitingApprovalMessage, invalidInviteMessage } from './registration';
import { getSiteSettings } from './site';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
const authjs = vi.hoisted(() => ({ signIn: [] as unknown[][] }));
vi.mock('@/lib/auth/config', () => ({
  signIn: async (...args: unknown[]) => void authjs.signIn.push(args),
  signOut: async () => {},
  auth: async () => null,
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'hearth.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.45' }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));

const password = 'a long enough password';
const unique = () => Math.random().toString(36).slice(2, 8);

async function person(role?: 'admin' | 'moderator' | null): Promise<Viewer & { email: string }> {
  const u = unique();
  const email = `p.${u}@example.org`;
  const created = await createAccount(db, { name: `P ${u}`, handle: `p_${u}`, email, password });
  if (!created.ok) throw new Error(created.message);
  if (role !== undefined) await db.update(users).set({ instanceRole: role }).where(eq(users.id, created.userId));
  return { id: created.userId, handle: `p_${u}`, name: `P ${u}`, image: null, email };
}

const settingsForm = (over: Record<string, string | string[]> = {}) => ({
  name: 'Riverside Makers',
  description: 'Makers by the river.',
  rules: ['Be kind.', 'No spam.'],
  contactEmail: 'team@riverside.example',
  mailLanguage: 'en',
  registrationMode: 'open',
  approvalQuestion: '',
  ...over,
});

async function setMode(mode: 'open' | 'approval' | 'invite' | 'closed', approvalQuestion = '') {
  await db
    .insert(siteSettings)
    .values({ id: 'site', name: 'Riverside Makers', registrationMode: mode, approvalQuestion, contactEmail: 'team@riverside.example' })
    .onConflictDoUpdate({ target: siteSettings.id, set: { registrationMode: mode, approvalQuestion, contactEmail: 'team@riverside.example' } });
}

const mailTo = (address: string) => db.select().from(outbox).where(eq(sql`lower(${outbox.toAddress})`, address.toLowerCase())).orderBy(desc(outbox.createdAt));
const linkToken = (body: string) => /\/sign-up\/confirm\?token=([\w-]+)/.exec(body)?.[1];
const auditOf = (action: string) => db.select().from(instanceAuditLog).where(eq(instanceAuditLog.action, action)).orderBy(desc(instanceAuditLog.createdAt));
const newcomer = (over: Record<string, string> = {}) => {
  const u = unique();
  return { name: 'Noor Haddad', handle: `noor_${u}`, email: `noor.${u}@example.org`, password, ...over };
};

let admin: Viewer & { email: string };
let moderator: Viewer & { email: string };
let member: Viewer & { email: string };

beforeAll(async () => {
  // The first account of the file's empty database is the admin by itself.
  admin = await person();
  const [row] = await db.select({ role: users.instanceRole }).from(users).where(eq(users.id, admin.id));
  expect(row.role).toBe('admin');
  moderator = await person('moderator');
  member = await person(null);
});

afterEach(async () => {
  authjs.signIn.length = 0;
  await setMode('open');
});

describe('saveSiteSettingsAction', () => {
  it('saves for an admin (an upsert on the one row) and writes what changed to the audit log', async () => {
    await db.delete(siteSettings);
    actAs(admin);
    const saved = await expectAllowed(() => call(saveSiteSettingsAction, settingsForm()), { changes: [siteSettings, instanceAuditLog] });
    expect(saved.success).toContain('site name');
    const settings = await getSiteSettings(db);
    expect(settings).toMatchObject({ name: 'Riverside Makers', rules: ['Be kind.', 'No spam.'], contactEmail: 'team@riverside.example', registrationMode: 'open' });
    const [row] = await db.select().from(siteSettings);
    expect(row.updatedById).toBe(admin.id);

    const again = await call(saveSiteSettingsAction, settingsForm({ registrationMode: 'approval', approvalQuestion: 'What brings you here?', rules: ['Be kind.', '', 'No spam.', 'Credit makers.'] }));
    expect(again.success).toBe('Saved. Changed: rules, registration mode, approval question.');
    expect(await db.select().from(siteSettings)).toHaveLength(1);
    expect((await getSiteSettings(db)).rules).toEqual(['Be kind.', 'No spam.', 'Credit makers.']);
    const [log] = await auditOf('update_settings');
    expect(log.actorId).toBe(admin.id);
    expect(log.details).toEqual({
      changed: {
        rules: { from: ['Be kind.', 'No spam.'], to: ['Be kind.', 'No spam.', 'Credit makers.'] },
        registrationMode: { from: 'open', to: 'approval' },
        approvalQuestion: { from: '', to: 'What brings you here?' },
      },
    });
  });

  it('asks for the approval question, and refuses moderators and members without changing anything', async () => {
    actAs(admin);
    await expectRefused(() => call(saveSiteSettingsAction, settingsForm({ registrationMode: 'approval', approvalQuestion: '' })), { error: 'Please fix the highlighted fields.', caller: admin });
    const noQuestion = await call(saveSiteSettingsAction, settingsForm({ registrationMode: 'approval', approvalQuestion: '' }));
    expect(noQuestion.fieldErrors?.approvalQuestion).toContain('Ask newcomers a question');
    for (const caller of [moderator, member]) {
      actAs(caller);
      await expectRefused(() => call(saveSiteSettingsAction, settingsForm({ name: 'Taken over' })), { error: notAdminMessage, caller });
    }
    expect((await getSiteSettings(db)).name).toBe('Riverside Makers');
  });
});

describe('registration modes', () => {
  it('closed: the sign-up refuses, with the contact address, and writes nothing', async () => {
    await setMode('closed');
    actAs(null);
    const input = newcomer();
    const answer = await call(signUpAction, input);
    expect(answer.error).toBe('Registration is closed on this instance. To ask for an account, write to team@riverside.example.');
    expect(await db.select().from(pendingSignups).where(eq(pendingSignups.email, input.email))).toEqual([]);
    expect(await mailTo(input.email)).toEqual([]);
  });

  it('closed after the link was sent: finishing creates no account', async () => {
    actAs(null);
    const input = newcomer();
    expect((await call(signUpAction, input)).success).toBeTruthy();
    const token = linkToken((await mailTo(input.email))[0].body)!;
    await setMode('closed');
    const finished = await call(finishSignUpAction, { token, password });
    expect(finished.error).toContain('Registration is closed');
    expect(await db.select().from(users).where(eq(users.email, input.email))).toEqual([]);
  });

  it('invite: needs a usable code; the code is used once per account, and an exhausted one refuses', async () => {
    await setMode('invite');
    actAs(admin);
    const created = await expectAllowed(() => call(createInstanceInviteAction, { note: 'for the workshop', maxUses: '1', expiresInDays: '7' }), { changes: [instanceInvites] });
    expect(created.success).toContain('Invite link created');
    const [invite] = await db.select().from(instanceInvites).where(eq(instanceInvites.note, 'for the workshop'));
    expect(invite).toMatchObject({ creatorId: admin.id, maxUses: 1, uses: 0 });
    expect(invite.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    actAs(null);
    const without = newcomer();
    expect((await call(signUpAction, without)).fieldErrors?.inviteCode).toContain('needs an invite link');
    expect((await call(signUpAction, { ...newcomer(), inviteCode: 'not-a-real-code' })).fieldErrors?.inviteCode).toBe(invalidInviteMessage);
    expect(await db.select().from(pendingSignups).where(eq(pendingSignups.email, without.email))).toEqual([]);

    const first = newcomer();
    const second = newcomer();
    expect((await call(signUpAction, { ...first, inviteCode: invite.id })).success).toBeTruthy();
    expect((await call(signUpAction, { ...second, inviteCode: invite.id })).success).toBeTruthy();
    await call(finishSignUpAction, { token: linkToken((await mailTo(first.email))[0].body)!, password });
    expect(await db.select().from(users).where(eq(users.email, first.email))).toHaveLength(1);
    expect((await db.select().from(instanceInvites).where(eq(instanceInvites.id, invite.id)))[0].uses).toBe(1);
    // Its one use is spent: the second link no longer makes an account.
    const late = await call(finishSignUpAction, { token: linkToken((await mailTo(second.email))[0].body)!, password });
    expect(late.error).toBe(invalidInviteMessage);
    expect(await db.select().from(users).where(eq(users.email, second.email))).toEqual([]);
    expect((await db.select().from(instanceInvites).where(eq(instanceInvites.id, invite.id)))[0].uses).toBe(1);
  });

  it('invite: a revoked link refuses; only admins create and revoke', async () => {
    await setMode('invite');
    actAs(moderator);
    await expectRefused(() => call(createInstanceInviteAction, { note: 'mod try' }), { error: notAdminMessage, caller: moderator });
    actAs(null);
    await expectRefused(() => call(createInstanceInviteAction, { note: 'nobody' }), { error: 'Your session has ended — please sign in again.' });
    actAs(admin);
    await call(createInstanceInviteAction, { note: 'to revoke' });
    const [invite] = await db.select().from(instanceInvites).where(eq(instanceInvites.note, 'to revoke'));
    actAs(member);
    await expectRefused(() => call(revokeInstanceInviteAction, { inviteId: invite.id }), { error: notAdminMessage, caller: member });
    actAs(moderator);
    await expectRefused(() => call(revokeInstanceInviteAction, { inviteId: invite.id }), { error: notAdminMessage, caller: moderator });
    actAs(admin);
    await expectRefused(() => call(revokeInstanceInviteAction, { inviteId: '' }), { error: 'Please fix the highlighted fields.', caller: admin });
    const revoked = await expectAllowed(() => call(revokeInstanceInviteAction, { inviteId: invite.id }), {
      changes: [instanceInvites, instanceAuditLog],
      effect: async () => expect((await db.select().from(instanceInvites).where(eq(instanceInvites.id, invite.id)))[0].revokedAt).toBeInstanceOf(Date),
    });
    expect(revoked.success).toContain('revoked');
    expect((await auditOf('revoke_invite'))[0].actorId).toBe(admin.id);
    await expectRefused(() => call(revokeInstanceInviteAction, { inviteId: invite.id }), { error: 'That invite is already revoked, or does not exist.', caller: admin });
    actAs(null);
    expect((await call(signUpAction, { ...newcomer(), inviteCode: invite.id })).fieldErrors?.inviteCode).toBe(invalidInviteMessage);
  });

  it('approval: the question is asked, the confirmed account waits, and sign-in says so only after the right password', async () => {
    await setMode('approval', 'What brings you here?');
    actAs(null);
    const input = newcomer();
    expect((await call(signUpAction, input)).fieldErrors?.approvalAnswer).toContain('Please answer the question');
    expect((await call(signUpAction, { ...input, approvalAnswer: 'I build canoes.' })).success).toBeTruthy();
    const finished = await call(finishSignUpAction, { token: linkToken((await mailTo(input.email))[0].body)!, password });
    expect(finished.success).toContain(awaitingApprovalMessage);
    expect(authjs.signIn).toEqual([]);
    const [account] = await db.select().from(users).where(eq(users.email, input.email));
    expect(await db.select().from(registrationApprovals).where(eq(registrationApprovals.userId, account.id))).toEqual([
      expect.objectContaining({ question: 'What brings you here?', answer: 'I build canoes.' }),
    ]);
    expect(await authenticate(db, { email: input.email, password: 'a wrong password' })).toBeNull();
    expect(await authenticate(db, { email: input.email, password })).toMatchObject({ id: account.id, awaitingApproval: true });

    // Members and moderators cannot decide.
    for (const caller of [member, moderator]) {
      actAs(caller);
      await expectRefused(() => call(decideRegistrationAction, { userId: account.id, decision: 'approve' }), { error: notAdminMessage, caller, others: [account.id, admin.id] });
    }
    expect(await db.select().from(registrationApprovals).where(eq(registrationApprovals.userId, account.id))).toHaveLength(1);

    actAs(admin);
    await expectRefused(() => call(decideRegistrationAction, { userId: account.id, decision: 'maybe' }), { error: 'Please fix the highlighted fields.', others: [account.id] });
    await expectRefused(() => call(decideRegistrationAction, { userId: member.id, decision: 'reject' }), { error: 'That registration was already decided.', others: [account.id, member.id] });
    const approved = await expectAllowed(() => call(decideRegistrationAction, { userId: account.id, decision: 'approve', reason: 'Welcome aboard' }), {
      changes: [registrationApprovals, outbox, instanceAuditLog],
    });
    expect(approved.success).toContain('Approved');
    expect(await db.select().from(registrationApprovals).where(eq(registrationApprovals.userId, account.id))).toEqual([]);
    expect(await authenticate(db, { email: input.email, password })).toMatchObject({ id: account.id, awaitingApproval: false });
    const [mail] = await mailTo(input.email);
    expect(mail).toMatchObject({ userId: account.id, kind: 'account', subject: 'Welcome to Riverside Makers: your account is approved' });
    expect(mail.body).toContain('https://hearth.example/sign-in');
    expect(mail.body).toContain('Welcome aboard');
    expect((await auditOf('approve_registration'))[0]).toMatchObject({ actorId: admin.id, targetUserId: account.id });
    await expectRefused(() => call(decideRegistrationAction, { userId: account.id, decision: 'approve' }), { error: 'That registration was already decided.', others: [account.id] });
  });

  it('approval: a rejection deletes the account and mails the reason', async () => {
    await setMode('approval', 'What brings you here?');
    actAs(null);
    const input = newcomer();
    await call(signUpAction, { ...input, approvalAnswer: 'spam' });
    await call(finishSignUpAction, { token: linkToken((await mailTo(input.email))[0].body)!, password });
    const [account] = await db.select().from(users).where(eq(users.email, input.email));
    actAs(admin);
    expect((await call(decideRegistrationAction, { userId: account.id, decision: 'reject', reason: 'Looks like spam' })).success).toContain('Rejected');
    expect(await db.select().from(users).where(eq(users.id, account.id))).toEqual([]);
    const [mail] = await mailTo(input.email);
    expect(mail).toMatchObject({ userId: null, kind: 'account', subject: 'Your registration at Riverside Makers was not approved' });
    expect(mail.body).toContain('Looks like spam');
    expect((await auditOf('reject_registration'))[0]).toMatchObject({ actorId: admin.id, targetUserId: null, details: { handle: input.handle, reason: 'Looks like spam' } });
  });

  it('open: as before, the account is made and signed in', async () => {
    actAs(null);
    const input = newcomer();
    await call(signUpAction, input);
    await call(finishSignUpAction, { token: linkToken((await mailTo(input.email))[0].body)!, password });
    expect(await db.select({ role: users.instanceRole }).from(users).where(eq(users.email, input.email))).toEqual([{ role: null }]);
    expect(authjs.signIn).toHaveLength(1);
  });
});

describe('suspendMemberAction and unsuspendMemberAction', () => {
  it('moderators and admins suspend with a reason and lift it; members cannot; admins cannot be suspended', async () => {
    const target = await person();
    actAs(member);
    await expectRefused(() => call(suspendMemberAction, { userId: target.id, reason: 'spam' }), { error: notModeratorMessage, caller: member, others: [target.id] });
    actAs(null);
    await expectRefused(() => call(suspendMemberAction, { userId: target.id, reason: 'spam' }), { error: 'Your session has ended — please sign in again.', others: [target.id] });

    actAs(moderator);
    expect((await call(suspendMemberAction, { userId: target.id, reason: '' })).fieldErrors?.reason).toContain('Say why');
    await expectRefused(() => call(suspendMemberAction, { userId: target.id, reason: '' }), { error: 'Please fix the highlighted fields.', others: [target.id] });
    await expectRefused(() => call(suspendMemberAction, { userId: moderator.id, reason: 'me' }), { error: 'You cannot suspend yourself.', others: [target.id] });
    await expectRefused(() => call(suspendMemberAction, { userId: 'nobody-here', reason: 'ghost' }), { error: 'That account no longer exists.', others: [target.id] });
    const suspended = await expectAllowed(() => call(suspendMemberAction, { userId: target.id, reason: 'Repeated spam in #general' }), { changes: [users, instanceAuditLog] });
    expect(suspended.success).toContain('Suspended');
    await expectRefused(() => call(suspendMemberAction, { userId: target.id, reason: 'Again' }), { error: 'That account is already suspended.', others: [target.id] });
    const [row] = await db.select().from(users).where(eq(users.id, target.id));
    expect(row).toMatchObject({ suspensionReason: 'Repeated spam in #general', suspendedById: moderator.id });
    expect(row.suspendedAt).toBeInstanceOf(Date);
    await expectRefused(() => call(suspendMemberAction, { userId: admin.id, reason: 'coup' }), { error: /Admins cannot be suspended/, others: [admin.id, target.id] });

    actAs(member);
    await expectRefused(() => call(unsuspendMemberAction, { userId: target.id, reason: 'friend' }), { error: notModeratorMessage, caller: member, others: [target.id] });
    actAs(moderator);
    await expectRefused(() => call(unsuspendMemberAction, { userId: member.id, reason: 'never was' }), { error: 'That account is not suspended.', others: [target.id, member.id] });
    actAs(admin);
    expect((await expectAllowed(() => call(unsuspendMemberAction, { userId: target.id, reason: 'Appeal accepted' }), { changes: [users] })).success).toBe('Suspension lifted.');
    expect((await db.select({ at: users.suspendedAt }).from(users).where(eq(users.id, target.id)))[0].at).toBeNull();
    const logs = await db.select().from(instanceAuditLog).where(eq(instanceAuditLog.targetUserId, target.id)).orderBy(instanceAuditLog.createdAt);
    expect(logs.map((l) => [l.action, l.actorId])).toEqual([
      ['suspend', moderator.id],
      ['unsuspend', admin.id],
    ]);
  });
});

describe('setInstanceRoleAction', () => {
  it('admins grant and revoke roles; moderators and members cannot; the last admin stays', async () => {
    const target = await person();
    for (const caller of [moderator, member]) {
      actAs(caller);
      await expectRefused(() => call(setInstanceRoleAction, { userId: target.id, role: 'admin' }), { error: notAdminMessage, caller, others: [target.id] });
    }
    actAs(admin);
    await expectRefused(() => call(setInstanceRoleAction, { userId: target.id, role: 'owner' }), { error: 'Please fix the highlighted fields.', others: [target.id] });

    actAs(admin);
    expect((await expectAllowed(() => call(setInstanceRoleAction, { userId: target.id, role: 'moderator' }), { changes: [users] })).success).toBe('They are an instance moderator now.');
    expect((await auditOf('grant_moderator'))[0]).toMatchObject({ actorId: admin.id, targetUserId: target.id, details: { from: 'member', to: 'moderator' } });
    // The one admin cannot step down, nor be demoted.
    const admins = await db.select({ id: users.id }).from(users).where(eq(users.instanceRole, 'admin'));
    expect(admins).toEqual([{ id: admin.id }]);
    await expectRefused(() => call(setInstanceRoleAction, { userId: admin.id, role: 'none' }), { error: lastAdminMessage, others: [target.id] });

    // With a second admin, either may step down — but two demotions at once still leave one.
    expect((await expectAllowed(() => call(setInstanceRoleAction, { userId: target.id, role: 'admin' }), { changes: [users] })).success).toBe('They are an instance admin now.');
    actAs(admin);
    const mine = call(setInstanceRoleAction, { userId: target.id, role: 'none' });
    actAs({ ...target });
    const theirs = call(setInstanceRoleAction, { userId: admin.id, role: 'none' });
    const outcomes = await Promise.all([mine, theirs]);
    expect(outcomes.filter((o) => o.success)).toHaveLength(1);
    const left = await db.select({ id: users.id }).from(users).where(and(eq(users.instanceRole, 'admin')));
    expect(left).toHaveLength(1);
  });
});
