// The Channels tab of a group's settings: edit, reorder, archive and create channels.
import { ActionForm } from '@/components/ui/action-form';
import { archiveChannelAction, createChannelAction, moveChannelAction, updateChannelAction } from '@/lib/groups/channel-actions';
import type { GroupSettings } from '@/lib/groups/queries';
import { settingsInput as input } from './settings-input';

export function ChannelsTab({ s }: { s: GroupSettings }) {
  const postingRoles = s.roles.filter((r) => r.builtin !== 'owner');
  return (
    <div className="flex flex-col gap-4">
      <ul className="flex flex-col gap-3" aria-label="Channels">
        {s.channels.map((c, i) => (
          <li key={c.id} className="rounded-xl border border-line p-4" aria-label={`#${c.name}`}>
            <p className="font-semibold">
              #{c.name} {c.archivedAt && <span className="text-sm font-normal text-muted">(archived)</span>}
            </p>
            <div className="mt-2 flex flex-col gap-2">
              <ActionForm action={updateChannelAction} submit="Save channel" variant="secondary" size="sm" label={`Edit #${c.name}`}>
                <input type="hidden" name="channelId" value={c.id} />
                <label className="flex flex-col gap-1 text-sm">
                  Name
                  <input name="name" defaultValue={c.name} className={input} />
                </label>
                <label className="flex flex-1 flex-col gap-1 text-sm">
                  Description
                  <input name="description" defaultValue={c.description} className={input} />
                </label>
                <fieldset className="basis-full text-sm">
                  <legend className="font-medium">Who may post (none ticked: everyone whose roles allow posting)</legend>
                  <div className="mt-1 flex flex-wrap gap-3">
                    {postingRoles.map((r) => (
                      <label key={r.id} className="flex items-center gap-1">
                        <input type="checkbox" name="postRoleIds[]" value={r.id} defaultChecked={c.postRoleIds.includes(r.id)} />
                        {r.name}
                      </label>
                    ))}
                  </div>
                </fieldset>
              </ActionForm>
              <div className="flex flex-wrap gap-2">
                {i > 0 && (
                  <ActionForm action={moveChannelAction} submit="Move up" variant="ghost" size="sm">
                    <input type="hidden" name="channelId" value={c.id} />
                    <input type="hidden" name="direction" value="up" />
                  </ActionForm>
                )}
                {i < s.channels.length - 1 && (
                  <ActionForm action={moveChannelAction} submit="Move down" variant="ghost" size="sm">
                    <input type="hidden" name="channelId" value={c.id} />
                    <input type="hidden" name="direction" value="down" />
                  </ActionForm>
                )}
                <ActionForm action={archiveChannelAction} submit={c.archivedAt ? 'Reopen' : 'Archive'} variant="ghost" size="sm">
                  <input type="hidden" name="channelId" value={c.id} />
                  <input type="hidden" name="archived" value={String(!c.archivedAt)} />
                </ActionForm>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <ActionForm action={createChannelAction} submit="Create channel" label="Create a channel" resetOnSuccess className="rounded-xl border border-line p-4">
        <input type="hidden" name="groupId" value={s.group.id} />
        <label className="flex flex-col gap-1 text-sm">
          New channel name
          <input name="name" required maxLength={30} placeholder="show-and-tell" className={input} />
        </label>
        <label className="flex flex-1 flex-col gap-1 text-sm">
          Description
          <input name="description" maxLength={200} className={input} />
        </label>
      </ActionForm>
    </div>
  );
}
