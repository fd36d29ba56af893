import type { groupInvites } from '@/db/schema';

/** Why an invite link cannot be used, or null when it can. */
export function inviteProblem(invite: typeof groupInvites.$inferSelect | undefined, now = new Date()) {
  if (!invite) return 'That invite link does not exist.';
  if (invite.revokedAt) return 'That invite link was revoked.';
  if (invite.expiresAt && invite.expiresAt < now) return 'That invite link has expired.';
  if (invite.maxUses && invite.uses >= invite.maxUses) return 'That invite link has been used up.';
  return null;
}
