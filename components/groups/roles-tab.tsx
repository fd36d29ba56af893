// The Roles tab of a group's settings: each role with its permissions, and new roles from templates or from scratch.
import { ActionForm } from '@/components/ui/action-form';
import { cn } from '@/lib/cn';
import { permissionFlags, permissionLabels, roleTemplates } from '@/lib/groups/permissions';
import type { GroupSettings } from '@/lib/groups/queries';
import { createRoleAction, deleteRoleAction, updateRoleAction } from '@/lib/groups/role-actions';
import { settingsInput as input } from './settings-input';

function PermissionBoxes({ selected, name = 'permissions' }: { selected: readonly string[]; name?: string }) {
  return (
    <fieldset className="grid basis-full grid-cols-1 gap-1 sm:grid-cols-2">
      <legend className="mb-1 text-sm font-medium">Permissions</legend>
      {permissionFlags.map((p) => (
        <label key={p} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={`${name}[]`} value={p} defaultChecked={selected.includes(p)} />
          {permissionLabels[p]}
        </label>
      ))}
    </fieldset>
  );
}

export function RolesTab({ s }: { s: GroupSettings }) {
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-muted">Roles higher in the list outrank lower ones: nobody edits, assigns or acts on a role at or above their own highest.</p>
      <ul className="flex flex-col gap-3" aria-label="Roles">
        {s.roles.map((role) => (
          <li key={role.id} className="rounded-xl border border-line p-4">
            <h3 className="flex items-center gap-2 font-semibold">
              <span aria-hidden="true" className="size-3 rounded-full" style={{ backgroundColor: role.color }} />
              {role.name}
              <span className="text-xs font-normal text-muted">
                {role.builtin ? 'built-in' : 'custom'} · {role.memberCount} {role.memberCount === 1 ? 'member' : 'members'}
              </span>
            </h3>
            {role.builtin === 'owner' ? (
              <p className="mt-1 text-sm text-muted">The owner has every permission, always.</p>
            ) : role.editable ? (
              <div className="mt-3 flex flex-col gap-3">
                <ActionForm action={updateRoleAction} submit={`Save ${role.name}`} variant="secondary" size="sm" label={`Edit role ${role.name}`}>
                  <input type="hidden" name="roleId" value={role.id} />
                  {role.builtin ? <input type="hidden" name="name" value={role.name} /> : (
                    <label className="flex flex-col gap-1 text-sm">
                      Name
                      <input name="name" defaultValue={role.name} className={input} />
                    </label>
                  )}
                  <label className="flex flex-col gap-1 text-sm">
                    Colour
                    <input name="color" defaultValue={role.color} className={cn(input, 'w-28 font-mono')} />
                  </label>
                  <PermissionBoxes selected={role.permissions} />
                </ActionForm>
                {!role.builtin && (
                  <ActionForm action={deleteRoleAction} submit={`Delete ${role.name}`} variant="ghost" size="sm">
                    <input type="hidden" name="roleId" value={role.id} />
                  </ActionForm>
                )}
              </div>
            ) : (
              <p className="mt-1 text-sm text-muted">{role.permissions.map((p) => permissionLabels[p as keyof typeof permissionLabels] ?? p).join(', ') || 'No permissions'}</p>
            )}
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-role" className="rounded-xl border border-line p-4">
        <h3 id="new-role" className="font-semibold">
          New role
        </h3>
        <p className="mt-1 text-sm text-muted">Start from a template…</p>
        <ul className="mt-2 flex flex-col gap-2">
          {roleTemplates.map((t) => (
            <li key={t.name}>
              <ActionForm action={createRoleAction} submit={`Create “${t.name}”`} variant="secondary" size="sm" label={`Create role from template ${t.name}`}>
                <input type="hidden" name="groupId" value={s.group.id} />
                <input type="hidden" name="name" value={t.name} />
                <input type="hidden" name="color" value={t.color} />
                {t.permissions.map((p) => (
                  <input key={p} type="hidden" name="permissions[]" value={p} />
                ))}
                <span className="self-center text-sm text-muted">{t.description}</span>
              </ActionForm>
            </li>
          ))}
        </ul>
        <p className="mt-4 text-sm text-muted">…or make your own.</p>
        <ActionForm action={createRoleAction} submit="Create role" label="Create a custom role" resetOnSuccess>
          <input type="hidden" name="groupId" value={s.group.id} />
          <label className="flex flex-col gap-1 text-sm">
            Role name
            <input name="name" required maxLength={40} className={input} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Colour
            <input name="color" defaultValue="#1f5fa8" className={cn(input, 'w-28 font-mono')} />
          </label>
          <PermissionBoxes selected={['post', 'comment', 'react']} />
        </ActionForm>
      </section>
    </div>
  );
}
