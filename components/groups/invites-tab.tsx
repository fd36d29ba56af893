// The Invites tab of a group's settings: make invite links and revoke active ones.
import { ActionForm } from '@/components/ui/action-form';
import { createInviteAction, revokeInviteAction } from '@/lib/groups/actions';
import type { GroupSettings } from '@/lib/groups/queries';
import { settingsInput as input } from './settings-input';

export function InvitesTab({ s }: { s: GroupSettings }) {
  return (
    <div className="flex flex-col gap-4">
      <ActionForm action={createInviteAction} submit="Create invite link" label="Create an invite link" className="rounded-xl border border-line p-4">
        <input type="hidden" name="groupId" value={s.group.id} />
        <label className="flex flex-col gap-1 text-sm">
          Expires after
          <select name="expiresInHours" defaultValue="168" className={input}>
            <option value="1">1 hour</option>
            <option value="24">1 day</option>
            <option value="168">7 days</option>
            <option value="720">30 days</option>
            <option value="0">Never</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Maximum uses
          <select name="maxUses" defaultValue="0" className={input}>
            <option value="1">1</option>
            <option value="5">5</option>
            <option value="25">25</option>
            <option value="100">100</option>
            <option value="0">No limit</option>
          </select>
        </label>
      </ActionForm>
      <ul className="flex flex-col gap-2" aria-label="Invite links">
        {s.invites.map((inv) => {
          const state = inv.revokedAt ? 'revoked' : inv.expiresAt && inv.expiresAt < new Date() ? 'expired' : inv.maxUses && inv.uses >= inv.maxUses ? 'used up' : 'active';
          return (
            <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line p-3 text-sm">
              <span>
                <code className="break-all">/invite/{inv.id}</code> · {state} · used {inv.uses}
                {inv.maxUses ? ` of ${inv.maxUses}` : ''} · by @{inv.creatorHandle ?? 'someone'}
                {inv.expiresAt && state === 'active' ? ` · expires ${inv.expiresAt.toLocaleString('en-GB')}` : ''}
              </span>
              {state === 'active' && (
                <ActionForm action={revokeInviteAction} submit="Revoke" variant="ghost" size="sm">
                  <input type="hidden" name="inviteId" value={inv.id} />
                </ActionForm>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
