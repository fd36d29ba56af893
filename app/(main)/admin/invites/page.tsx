import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { CreateInviteForm, RevokeInviteForm } from '@/components/admin/invite-forms';
import { EmptyState } from '@/components/ui/empty-state';
import { getInstanceInvites } from '@/lib/admin/queries';
import { originOf } from '@/lib/auth/origin';

export const metadata: Metadata = { title: 'Invites' };

const date = (d: Date) => d.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export default async function AdminInvitesPage() {
  const invites = await getInstanceInvites();
  const origin = originOf(await headers()) ?? '';
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Invites</h1>
      <p className="text-muted">
        Invite links let people sign up while registration is “Invite only”. Each account made with a link uses it once. Send a link to whoever you
        invite; revoke it when it should stop working.
      </p>
      <CreateInviteForm />
      {invites.length === 0 ? (
        <EmptyState title="No invite links yet">Create one above.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Invite links">
          {invites.map((invite) => (
            <li key={invite.id} className="rounded-2xl border border-line bg-surface p-4">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-semibold">{invite.note || 'Invite link'}</span>
                <span className="rounded-full bg-raised px-2 py-0.5 text-xs font-medium">{invite.state}</span>
                <span className="text-sm text-muted">
                  Used {invite.uses}
                  {invite.maxUses !== null ? ` of ${invite.maxUses}` : ''} · {invite.expiresAt ? `expires ${date(invite.expiresAt)}` : 'never expires'} · made{' '}
                  {date(invite.createdAt)}
                  {invite.creatorHandle ? ` by @${invite.creatorHandle}` : ''}
                </span>
              </div>
              {invite.state === 'active' && (
                <div className="mt-2 flex flex-wrap items-end gap-2">
                  <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
                    <span className="font-medium">Link</span>
                    <input readOnly value={`${origin}/sign-up?invite=${invite.id}`} className="h-8 rounded-lg border border-line bg-page px-2 font-mono text-xs text-ink" />
                  </label>
                  <RevokeInviteForm inviteId={invite.id} note={invite.note} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
