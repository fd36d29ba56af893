// The Members tab of a group's settings: roles given and taken, removal, bans and ownership, per member.
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { timeAgo } from '@/lib/format';
import { banMemberAction, removeMemberAction, transferOwnershipAction } from '@/lib/groups/actions';
import type { GroupSettings } from '@/lib/groups/queries';
import { assignRoleAction, unassignRoleAction } from '@/lib/groups/role-actions';
import { settingsInput as input } from './settings-input';

export function MembersTab({ s }: { s: GroupSettings }) {
  const assignable = s.roles.filter((r) => !r.builtin || (r.builtin !== 'owner' && r.builtin !== 'member'));
  return (
    <ul className="flex flex-col gap-3" aria-label="Members">
      {s.members.map((m) => (
        <li key={m.userId} className="rounded-xl border border-line p-4" aria-label={m.name}>
          <p className="flex flex-wrap items-center gap-2">
            <Link href={`/u/${m.handle}`} className="font-semibold hover:underline">
              {m.name}
            </Link>
            <span className="text-sm text-muted">@{m.handle}</span>
            {m.roles.map((r) => (
              <span key={r.id} className="rounded px-1.5 py-0.5 text-xs font-medium text-white" style={{ backgroundColor: r.color ?? '#6b7280' }}>
                {r.name}
              </span>
            ))}
            <span className="text-xs text-muted">joined {timeAgo(m.joinedAt)}</span>
          </p>
          {(m.canActOn || (s.allowed.roles && !m.isSelf)) && (
            <div className="mt-3 flex flex-col gap-2">
              {s.allowed.roles && (
                <ActionForm action={assignRoleAction} submit="Give role" variant="secondary" size="sm" label={`Give ${m.name} a role`}>
                  <input type="hidden" name="groupId" value={s.group.id} />
                  <input type="hidden" name="userId" value={m.userId} />
                  <label className="flex flex-col gap-1 text-sm">
                    Role for {m.name}
                    <select name="roleId" className={input}>
                      {assignable.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.name}
                        </option>
                      ))}
                    </select>
                  </label>
                </ActionForm>
              )}
              {s.allowed.roles &&
                m.roles
                  .filter((r) => r.builtin !== 'owner')
                  .map((r) => (
                    <ActionForm key={r.id} action={unassignRoleAction} submit={`Take away ${r.name}`} variant="ghost" size="sm">
                      <input type="hidden" name="groupId" value={s.group.id} />
                      <input type="hidden" name="userId" value={m.userId} />
                      <input type="hidden" name="roleId" value={r.id} />
                    </ActionForm>
                  ))}
              {m.canActOn && (
                <>
                  <ActionForm action={removeMemberAction} submit={`Remove ${m.name}`} variant="ghost" size="sm">
                    <input type="hidden" name="groupId" value={s.group.id} />
                    <input type="hidden" name="userId" value={m.userId} />
                  </ActionForm>
                  <ActionForm action={banMemberAction} submit={`Ban ${m.name}`} variant="danger" size="sm" label={`Ban ${m.name}`}>
                    <input type="hidden" name="groupId" value={s.group.id} />
                    <input type="hidden" name="userId" value={m.userId} />
                    <input name="reason" required minLength={3} maxLength={500} placeholder="Reason (they are told)" aria-label="Reason for the ban" className={input} />
                  </ActionForm>
                </>
              )}
              {s.allowed.transfer && !m.isSelf && (
                <ActionForm action={transferOwnershipAction} submit={`Make ${m.name} the owner`} variant="ghost" size="sm">
                  <input type="hidden" name="groupId" value={s.group.id} />
                  <input type="hidden" name="userId" value={m.userId} />
                </ActionForm>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
