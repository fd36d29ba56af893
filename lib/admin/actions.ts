'use server';

// /admin's Server Actions. Each reads the caller's instance role inside its own transaction (a role taken away a
// moment ago counts), refuses with a message, and writes the instance audit log through lib/admin.
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db, type Transaction } from '@/db/client';
import { validatedActionWithUser, type ActionState } from '@/lib/action-state';
import { originOf } from '@/lib/auth/origin';
import { createInstanceInvite, inviteSchema, lastAdminMessage, notAdminMessage, notModeratorMessage, revokeInstanceInvite, saveSiteSettings, setInstanceRole, siteSettingsSchema } from './manage';
import { decideRegistration } from './registration';
import { canAdministerInstance, canModerateInstance, instanceRoleOf } from './roles';
import { suspendAccount, unsuspendAccount } from './suspension';

/** Refusals roll the transaction back: nothing an action wrote before it is kept. */
class Refused extends Error {}

async function inAdminTransaction(level: 'administer' | 'moderate', viewerId: string, work: (tx: Transaction, role: 'admin' | 'moderator') => Promise<ActionState>): Promise<ActionState> {
  try {
    return await db.transaction(async (tx) => {
      const role = await instanceRoleOf(tx, viewerId);
      const allowed = level === 'administer' ? canAdministerInstance(role) : canModerateInstance(role);
      if (!allowed || !role) return { error: level === 'administer' ? notAdminMessage : notModeratorMessage };
      const result = await work(tx, role);
      if (result.error) throw new Refused(result.error);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return { error: error.message };
    throw error;
  }
}

export const saveSiteSettingsAction = validatedActionWithUser(siteSettingsSchema, async (input, viewer) => {
  const result = await inAdminTransaction('administer', viewer.id, async (tx) => {
    const { changed } = await saveSiteSettings(tx, viewer.id, input);
    return { success: changed.length ? `Saved. Changed: ${changed.map((c) => settingLabels[c] ?? c).join(', ')}.` : 'Nothing to save: the settings are unchanged.' };
  });
  if (!result.error) revalidatePath('/', 'layout');
  return result;
});

const settingLabels: Record<string, string> = {
  name: 'site name',
  description: 'description',
  rules: 'rules',
  contactEmail: 'contact address',
  mailLanguage: 'mail language',
  registrationMode: 'registration mode',
  approvalQuestion: 'approval question',
};

export const createInstanceInviteAction = validatedActionWithUser(inviteSchema, async (input, viewer) => {
  const result = await inAdminTransaction('administer', viewer.id, async (tx) => {
    await createInstanceInvite(tx, viewer.id, input);
    return { success: 'Invite link created: copy it from the list below.' };
  });
  if (!result.error) revalidatePath('/admin/invites');
  return result;
});

const inviteIdSchema = z.object({ inviteId: z.string().trim().min(1).max(100) });

export const revokeInstanceInviteAction = validatedActionWithUser(inviteIdSchema, async ({ inviteId }, viewer) => {
  const result = await inAdminTransaction('administer', viewer.id, async (tx) =>
    (await revokeInstanceInvite(tx, viewer.id, inviteId)) ? { success: 'Invite revoked: the link no longer works.' } : { error: 'That invite is already revoked, or does not exist.' },
  );
  if (!result.error) revalidatePath('/admin/invites');
  return result;
});

const decisionSchema = z.object({
  userId: z.string().trim().min(1).max(100),
  decision: z.enum(['approve', 'reject'], 'Choose approve or reject.'),
  reason: z.string().trim().max(500, 'Reasons are at most 500 characters.').default(''),
});

export const decideRegistrationAction = validatedActionWithUser(decisionSchema, async (input, viewer) => {
  const origin = originOf(await headers()) ?? 'http://localhost:3000';
  const result = await inAdminTransaction('administer', viewer.id, async (tx) => {
    const outcome = await decideRegistration(tx, { actorId: viewer.id, userId: input.userId, approve: input.decision === 'approve', reason: input.reason, origin });
    if (outcome === 'missing') return { error: 'That registration was already decided.' };
    return { success: outcome === 'approved' ? 'Approved: they can sign in now, and we emailed them.' : 'Rejected: the account was deleted, and we emailed them.' };
  });
  if (!result.error) revalidatePath('/admin/registrations');
  return result;
});

const suspendSchema = z.object({
  userId: z.string().trim().min(1).max(100),
  reason: z.string().trim().min(1, 'Say why: the person reads this reason.').max(1000, 'Reasons are at most 1,000 characters.'),
});

export const suspendMemberAction = validatedActionWithUser(suspendSchema, async (input, viewer) => {
  const result = await inAdminTransaction('moderate', viewer.id, async (tx, role) => {
    const outcome = await suspendAccount(tx, { actorId: viewer.id, actorRole: role, userId: input.userId, reason: input.reason });
    if (outcome === 'missing') return { error: 'That account no longer exists.' };
    if (outcome === 'already') return { error: 'That account is already suspended.' };
    if (outcome === 'refused')
      return { error: input.userId === viewer.id ? 'You cannot suspend yourself.' : 'Admins cannot be suspended, and moderators only by an admin: change their role first.' };
    return { success: 'Suspended. They can still sign in to read why, download their data or delete their account.' };
  });
  if (!result.error) revalidatePath('/admin/members');
  return result;
});

const unsuspendSchema = z.object({
  userId: z.string().trim().min(1).max(100),
  reason: z.string().trim().max(1000, 'Reasons are at most 1,000 characters.').default(''),
});

export const unsuspendMemberAction = validatedActionWithUser(unsuspendSchema, async (input, viewer) => {
  const result = await inAdminTransaction('moderate', viewer.id, async (tx) =>
    (await unsuspendAccount(tx, { actorId: viewer.id, userId: input.userId, reason: input.reason }))
      ? { success: 'Suspension lifted.' }
      : { error: 'That account is not suspended.' },
  );
  if (!result.error) revalidatePath('/admin/members');
  return result;
});

const roleSchema = z.object({
  userId: z.string().trim().min(1).max(100),
  role: z.enum(['admin', 'moderator', 'none'], 'Choose admin, moderator or member.'),
});

export const setInstanceRoleAction = validatedActionWithUser(roleSchema, async (input, viewer) => {
  const result = await inAdminTransaction('administer', viewer.id, async (tx) => {
    const outcome = await setInstanceRole(tx, { actorId: viewer.id, userId: input.userId, role: input.role });
    if (outcome === 'missing') return { error: 'That account no longer exists.' };
    if (outcome === 'last-admin') return { error: lastAdminMessage };
    if (outcome === 'unchanged') return { success: 'Nothing changed: they already have that role.' };
    return { success: input.role === 'none' ? 'They are a member again, without an instance role.' : `They are an instance ${input.role} now.` };
  });
  if (!result.error) revalidatePath('/admin/members');
  return result;
});
