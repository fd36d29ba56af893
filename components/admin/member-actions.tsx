'use client';

import { ActionForm } from '@/components/ui/action-form';
import { SelectField } from '@/components/ui/field';
import { setInstanceRoleAction, suspendMemberAction, unsuspendMemberAction } from '@/lib/admin/actions';

/** What staff may do to one member: suspend or lift it (admins and moderators), change the role (admins). */
export function MemberActions({
  member,
  canChangeRole,
  canSuspend,
}: {
  member: { id: string; handle: string; role: 'admin' | 'moderator' | null; suspended: boolean };
  canChangeRole: boolean;
  canSuspend: boolean;
}) {
  return (
    <div className="flex flex-col gap-3">
      {canSuspend &&
        (member.suspended ? (
          <ActionForm action={unsuspendMemberAction} submit="Lift suspension" variant="secondary" size="sm" label={`Lift the suspension of @${member.handle}`}>
            <input type="hidden" name="userId" value={member.id} />
            <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
              <span className="font-medium">Note (optional)</span>
              <input name="reason" maxLength={1000} className="h-8 rounded-lg border border-line bg-surface px-2 text-ink" />
            </label>
          </ActionForm>
        ) : (
          <ActionForm action={suspendMemberAction} submit="Suspend" variant="danger" size="sm" label={`Suspend @${member.handle}`}>
            <input type="hidden" name="userId" value={member.id} />
            <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
              <span className="font-medium">Reason for suspending @{member.handle}</span>
              <input name="reason" required maxLength={1000} className="h-8 rounded-lg border border-line bg-surface px-2 text-ink" />
            </label>
          </ActionForm>
        ))}
      {canChangeRole && (
        <ActionForm action={setInstanceRoleAction} submit="Change role" variant="secondary" size="sm" label={`Instance role of @${member.handle}`}>
          <input type="hidden" name="userId" value={member.id} />
          <SelectField label={`Role of @${member.handle}`} name="role" defaultValue={member.role ?? 'none'} className="min-w-40">
            <option value="none">Member</option>
            <option value="moderator">Moderator</option>
            <option value="admin">Admin</option>
          </SelectField>
        </ActionForm>
      )}
    </div>
  );
}
