// The instance's admin work, each inside the caller's transaction and written to the instance audit log: site
// settings, instance roles (never leaving the instance without an admin), and invite links. Callers authorize
// (canAdministerInstance) first; the admin:grant script calls setInstanceRole directly, as the operator.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { instanceAuditLog, instanceInvites, registrationModes, siteSettings, users, type InstanceRole } from '@/db/schema';
import { forgetPerson } from '@/lib/cache/person-cache';
import { newInviteCode } from './registration';
import { getSiteSettings, type SiteSettings } from './site';

export const notAdminMessage = 'Only the instance’s admins can do this.';
export const notModeratorMessage = 'Only the instance’s admins and moderators can do this.';

export const siteSettingsSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the site a name.').max(60, 'Names are at most 60 characters.'),
    description: z.string().trim().max(500, 'Descriptions are at most 500 characters.').default(''),
    // The settings form sends one rule per line; an array (rules[]) works too.
    rules: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(/\r?\n/) : (v ?? [])),
      z
        .array(z.string().trim().max(300, 'Each rule is at most 300 characters.'))
        .transform((rules) => rules.filter(Boolean))
        .pipe(z.array(z.string()).max(20, 'At most 20 rules.')),
    ),
    contactEmail: z.union([z.literal(''), z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid contact address, like team@example.org.'))]).default(''),
    mailLanguage: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en, de or pt-BR.')
      .default('en'),
    registrationMode: z.enum(registrationModes, 'Choose how people join.'),
    approvalQuestion: z.string().trim().max(300, 'The question is at most 300 characters.').default(''),
  })
  .refine((s) => s.registrationMode !== 'approval' || s.approvalQuestion.length > 0, {
    path: ['approvalQuestion'],
    message: 'Ask newcomers a question when accounts need approval (for example: “What brings you here?”).',
  });

export type SiteSettingsInput = z.infer<typeof siteSettingsSchema>;

/** Saves the settings (one row, id 'site') and writes which fields changed, from what to what, to the audit log. */
export async function saveSiteSettings(tx: Transaction, actorId: string, input: SiteSettingsInput) {
  // The row lock (or, before the first save, the upsert) serializes two admins saving at once.
  await tx.select({ id: siteSettings.id }).from(siteSettings).where(eq(siteSettings.id, 'site')).for('update');
  const before = await getSiteSettings(tx);
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(input) as (keyof SiteSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(input[key])) changed[key] = { from: before[key], to: input[key] };
  }
  if (Object.keys(changed).length === 0) return { changed: [] as string[] };
  const row = { ...input, updatedById: actorId, updatedAt: new Date() };
  await tx.insert(siteSettings).values({ id: 'site', ...row }).onConflictDoUpdate({ target: siteSettings.id, set: row });
  await tx.insert(instanceAuditLog).values({ actorId, action: 'update_settings', details: { changed } });
  return { changed: Object.keys(changed) };
}

export type RoleChange = 'admin' | 'moderator' | 'none';
export type RoleOutcome = 'changed' | 'unchanged' | 'missing' | 'last-admin';

export const lastAdminMessage = 'This is the instance’s last admin. Make someone else an admin first, so the instance is never left without one.';

/**
 * Gives or takes an instance role. The admins' rows are locked first, so two admins demoting each other at once
 * cannot leave the instance with none: the second sees the first's change and is refused.
 */
export async function setInstanceRole(tx: Transaction, input: { actorId: string | null; userId: string; role: RoleChange; via?: string }): Promise<RoleOutcome> {
  const admins = await tx.select({ id: users.id }).from(users).where(eq(users.instanceRole, 'admin')).orderBy(users.id).for('update');
  const [target] = await tx.select({ id: users.id, role: users.instanceRole }).from(users).where(eq(users.id, input.userId)).for('update');
  if (!target) return 'missing';
  const next: InstanceRole | null = input.role === 'none' ? null : input.role;
  if (target.role === next) return 'unchanged';
  if (target.role === 'admin' && admins.length <= 1) return 'last-admin';
  await tx.update(users).set({ instanceRole: next }).where(eq(users.id, input.userId));
  await tx.insert(instanceAuditLog).values({
    actorId: input.actorId,
    action: next ? `grant_${next}` : `revoke_${target.role}`,
    targetUserId: input.userId,
    details: { from: target.role ?? 'member', to: next ?? 'member', ...(input.via ? { via: input.via } : {}) },
  });
  await forgetPerson(tx, input.userId);
  return 'changed';
}

export const inviteSchema = z.object({
  note: z.string().trim().max(200, 'Notes are at most 200 characters.').default(''),
  expiresInDays: z.union([z.literal(''), z.coerce.number().int().min(1, 'At least one day.').max(365, 'At most a year.')]).default(''),
  maxUses: z.union([z.literal(''), z.coerce.number().int().min(1, 'At least one use.').max(1000, 'At most 1,000 uses.')]).default(''),
});

export async function createInstanceInvite(tx: Transaction, actorId: string, input: z.infer<typeof inviteSchema>, now = new Date()) {
  const code = newInviteCode();
  const expiresAt = input.expiresInDays === '' ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000);
  const maxUses = input.maxUses === '' ? null : input.maxUses;
  await tx.insert(instanceInvites).values({ id: code, creatorId: actorId, note: input.note, expiresAt, maxUses });
  await tx.insert(instanceAuditLog).values({ actorId, action: 'create_invite', details: { invite: code.slice(0, 6), note: input.note, expiresAt, maxUses } });
  return code;
}

export async function revokeInstanceInvite(tx: Transaction, actorId: string, code: string) {
  const revoked = await tx
    .update(instanceInvites)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(instanceInvites.id, code), isNull(instanceInvites.revokedAt)))
    .returning({ id: instanceInvites.id });
  if (revoked.length === 0) return false;
  await tx.insert(instanceAuditLog).values({ actorId, action: 'revoke_invite', details: { invite: code.slice(0, 6) } });
  return true;
}
