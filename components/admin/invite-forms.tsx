'use client';

import { ActionForm } from '@/components/ui/action-form';
import { createInstanceInviteAction, revokeInstanceInviteAction } from '@/lib/admin/actions';

const input = 'h-10 rounded-lg border border-line bg-surface px-2 text-ink';

export function CreateInviteForm() {
  return (
    <ActionForm action={createInstanceInviteAction} submit="Create invite link" label="Create an invite link" resetOnSuccess>
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
        <span className="font-medium">Note (for admins)</span>
        <input name="note" maxLength={200} placeholder="Who it is for" className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Expires after</span>
        <select name="expiresInDays" defaultValue="7" className={input}>
          <option value="1">1 day</option>
          <option value="7">7 days</option>
          <option value="30">30 days</option>
          <option value="">Never</option>
        </select>
      </label>
      <label className="flex w-28 flex-col gap-1 text-sm">
        <span className="font-medium">Max uses</span>
        <input name="maxUses" type="number" min={1} max={1000} placeholder="No limit" className={input} />
      </label>
    </ActionForm>
  );
}

export function RevokeInviteForm({ inviteId, note }: { inviteId: string; note: string }) {
  return (
    <ActionForm action={revokeInstanceInviteAction} submit="Revoke" variant="secondary" size="sm" label={`Revoke the invite ${note || inviteId.slice(0, 6)}`}>
      <input type="hidden" name="inviteId" value={inviteId} />
    </ActionForm>
  );
}
