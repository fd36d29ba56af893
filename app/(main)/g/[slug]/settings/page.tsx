import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GroupSettingsForm } from '@/components/groups/settings-form';
import { CelebrationSettings } from '@/components/milestones/celebration-settings';
import { ActionForm } from '@/components/ui/action-form';
import { ImageFileInput } from '@/components/ui/image-file-input';
import { requireUser } from '@/lib/auth/viewer';
import { cn } from '@/lib/cn';
import { timeAgo } from '@/lib/format';
import {
  banMemberAction,
  createInviteAction,
  decideJoinRequestAction,
  removeGroupImageAction,
  removeMemberAction,
  revokeInviteAction,
  transferOwnershipAction,
  unbanMemberAction,
  uploadGroupImageAction,
} from '@/lib/groups/actions';
import { mediaVariantUrl } from '@/lib/media/urls';
import { archiveChannelAction, createChannelAction, moveChannelAction, updateChannelAction } from '@/lib/groups/channel-actions';
import { permissionFlags, permissionLabels, roleTemplates } from '@/lib/groups/permissions';
import { checkPermissions, getGroupSettings, type GroupSettings } from '@/lib/groups/queries';
import { getCelebrationSetup } from '@/lib/milestones/celebrations';
import { ReportQueue } from '@/components/reports/report-queue';
import { getGroupReportQueue, openReportCount } from '@/lib/reports/queries';
import { queueStatusSchema } from '@/lib/reports/schemas';
import { assignRoleAction, createRoleAction, deleteRoleAction, unassignRoleAction, updateRoleAction } from '@/lib/groups/role-actions';

export const metadata: Metadata = { title: 'Manage group' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ tab?: string; member?: string; channel?: string; status?: string }> };

const input = 'h-9 rounded-lg border border-line bg-surface px-2 text-sm';

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

function GroupImages({ s }: { s: GroupSettings }) {
  const images = [
    { kind: 'group_icon', label: 'Icon', current: s.images.iconUrl, size: '128', hint: 'Square; shown at 48 to 256 pixels.' },
    { kind: 'group_banner', label: 'Banner', current: s.images.bannerUrl, size: '768', hint: 'Wide (3:1); without one, the accent colour makes a gradient.' },
  ] as const;
  return (
    <section aria-labelledby="images" className="flex flex-col gap-4">
      <h2 id="images" className="font-semibold">
        Icon and banner
      </h2>
      {images.map((img) => (
        <div key={img.kind} className="flex flex-col gap-2 rounded-xl border border-line p-4">
          {img.current && (
            // eslint-disable-next-line @next/next/no-img-element -- our own media route
            <img src={mediaVariantUrl(img.current, img.size)} alt={`Current ${img.label.toLowerCase()}`} className={img.kind === 'group_icon' ? 'size-16 rounded-xl' : 'aspect-[3/1] w-full rounded-lg object-cover'} />
          )}
          <ActionForm action={uploadGroupImageAction} submit={`Upload ${img.label.toLowerCase()}`} size="sm" label={`Upload ${img.label.toLowerCase()}`}>
            <input type="hidden" name="groupId" value={s.group.id} />
            <input type="hidden" name="kind" value={img.kind} />
            <ImageFileInput name="file" required label={`${img.label} image`} hint={`${img.hint} PNG, JPEG, WebP or GIF up to 5 MB; metadata is removed.`} />
          </ActionForm>
          {img.current && (
            <ActionForm action={removeGroupImageAction} submit={`Remove ${img.label.toLowerCase()}`} variant="ghost" size="sm">
              <input type="hidden" name="groupId" value={s.group.id} />
              <input type="hidden" name="kind" value={img.kind} />
            </ActionForm>
          )}
        </div>
      ))}
    </section>
  );
}

function RolesTab({ s }: { s: GroupSettings }) {
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

function MembersTab({ s }: { s: GroupSettings }) {
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

function ChannelsTab({ s }: { s: GroupSettings }) {
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

function InvitesTab({ s }: { s: GroupSettings }) {
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

function RequestsTab({ s }: { s: GroupSettings }) {
  if (s.requests.length === 0) return <p className="text-sm text-muted">No one is waiting to join.</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Join requests">
      {s.requests.map((r) => (
        <li key={r.id} className="rounded-xl border border-line p-4">
          <p className="font-semibold">
            {r.name} <span className="font-normal text-muted">@{r.handle}</span>
          </p>
          <dl className="mt-2 text-sm">
            {s.group.joinQuestions.map((q, i) => (
              <div key={i} className="mt-1">
                <dt className="font-medium">{q}</dt>
                <dd className="text-muted">{r.answers[i] || '—'}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-3 flex gap-2">
            <ActionForm action={decideJoinRequestAction} submit="Approve" size="sm">
              <input type="hidden" name="requestId" value={r.id} />
              <input type="hidden" name="decision" value="approve" />
            </ActionForm>
            <ActionForm action={decideJoinRequestAction} submit="Decline" variant="secondary" size="sm">
              <input type="hidden" name="requestId" value={r.id} />
              <input type="hidden" name="decision" value="deny" />
            </ActionForm>
          </div>
        </li>
      ))}
    </ul>
  );
}

function BansTab({ s }: { s: GroupSettings }) {
  if (s.bans.length === 0) return <p className="text-sm text-muted">Nobody is banned.</p>;
  return (
    <ul className="flex flex-col gap-2" aria-label="Bans">
      {s.bans.map((b) => (
        <li key={b.userId} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line p-3 text-sm">
          <span>
            <strong>{b.name}</strong> @{b.handle} — “{b.reason}”, {timeAgo(new Date(b.createdAt))}
          </span>
          <ActionForm action={unbanMemberAction} submit={`Unban ${b.name}`} variant="ghost" size="sm">
            <input type="hidden" name="groupId" value={s.group.id} />
            <input type="hidden" name="userId" value={b.userId} />
          </ActionForm>
        </li>
      ))}
    </ul>
  );
}

async function CheckerTab({ s, memberId, channelId, slug }: { s: GroupSettings; memberId?: string; channelId?: string; slug: string }) {
  const result = memberId ? await checkPermissions(s, memberId, channelId) : null;
  return (
    <div className="flex flex-col gap-4">
      <form method="get" action={`/g/${slug}/settings`} className="flex flex-wrap items-end gap-3" aria-label="Check permissions">
        <input type="hidden" name="tab" value="checker" />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Member
          <select name="member" defaultValue={memberId} className={input}>
            {s.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name} (@{m.handle})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Channel
          <select name="channel" defaultValue={channelId} className={input}>
            {s.channels.map((c) => (
              <option key={c.id} value={c.id}>
                #{c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="h-9 rounded-lg border border-line px-3 text-sm">
          Check
        </button>
      </form>
      {result && (
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-medium">
            What {result.member.name} can do{result.channel ? ` in #${result.channel.name}` : ''}
          </caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1">Permission</th>
              <th scope="col">Allowed</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {result.results.map((r) => (
              <tr key={r.permission} className="border-b border-line">
                <th scope="row" className="py-1 font-normal">{r.label}</th>
                <td className={r.allowed ? 'text-success' : 'text-danger'}>{r.allowed ? 'Yes' : 'No'}</td>
                <td className="text-muted">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function AuditTab({ s }: { s: GroupSettings }) {
  if (s.audit.length === 0) return <p className="text-sm text-muted">Nothing has happened yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Audit log</caption>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-1">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">To whom</th>
        </tr>
      </thead>
      <tbody>
        {s.audit.map((a) => (
          <tr key={a.id} className="border-b border-line align-top">
            <td className="py-1 text-muted">{timeAgo(new Date(a.createdAt))}</td>
            <td>{a.actorHandle ? `@${a.actorHandle}` : 'someone'}</td>
            <td>
              {a.action}
              {Object.keys(a.details).length > 0 && <span className="block text-xs text-muted">{JSON.stringify(a.details)}</span>}
            </td>
            <td>{a.targetHandle ? `@${a.targetHandle}` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function GroupSettingsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { tab: requested, member, channel, status } = await searchParams;
  const viewer = await requireUser(`/g/${slug}/settings`);
  const s = await getGroupSettings(viewer, slug);
  if (!s) notFound();
  const reportCount = s.allowed.reports ? await openReportCount(s.group.id) : 0;
  const tabs = [
    { id: 'general', label: 'General', show: s.allowed.settings },
    { id: 'channels', label: 'Channels', show: s.allowed.channels },
    { id: 'roles', label: 'Roles', show: s.allowed.roles },
    { id: 'members', label: 'Members', show: s.allowed.members || s.allowed.roles },
    { id: 'requests', label: `Requests${s.requests.length ? ` (${s.requests.length})` : ''}`, show: s.allowed.requests },
    { id: 'invites', label: 'Invites', show: s.allowed.invites },
    { id: 'celebrations', label: 'Celebrations', show: s.allowed.celebrations },
    { id: 'bans', label: 'Bans', show: s.allowed.members },
    { id: 'checker', label: 'Permission checker', show: s.allowed.roles || s.allowed.settings },
    { id: 'audit', label: 'Audit log', show: s.allowed.audit },
    { id: 'reports', label: `Reports${reportCount ? ` (${reportCount})` : ''}`, show: s.allowed.reports },
  ].filter((t) => t.show);
  const tab = tabs.find((t) => t.id === requested)?.id ?? tabs[0].id;
  const celebrationSetup = tab === 'celebrations' ? await getCelebrationSetup(viewer, s.group.id) : null;
  const reportQueue = tab === 'reports' ? await getGroupReportQueue(viewer, s.group.id, queueStatusSchema.parse(status)) : null;
  const memberCount = s.members.length;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href={`/g/${slug}`} className="text-accent hover:underline">
          ← {s.group.name}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Manage {s.group.name}</h1>
      <nav aria-label="Settings sections" className="my-4 flex flex-wrap gap-2">
        {tabs.map((t) => (
          <Link
            key={t.id}
            href={`/g/${slug}/settings?tab=${t.id}`}
            aria-current={t.id === tab ? 'page' : undefined}
            className={cn('rounded-full border border-line px-3 py-1 text-sm', t.id === tab && 'border-transparent bg-accent-soft text-accent')}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <section aria-label={tabs.find((t) => t.id === tab)!.label} className="rounded-2xl border border-line bg-surface p-5">
        {tab === 'general' && (
          <div className="flex flex-col gap-8">
            <GroupImages s={s} />
            <GroupSettingsForm group={s.group} viewerName={viewer.name} memberCount={memberCount} />
          </div>
        )}
        {tab === 'channels' && <ChannelsTab s={s} />}
        {tab === 'roles' && <RolesTab s={s} />}
        {tab === 'members' && <MembersTab s={s} />}
        {tab === 'requests' && <RequestsTab s={s} />}
        {tab === 'invites' && <InvitesTab s={s} />}
        {tab === 'celebrations' && celebrationSetup && <CelebrationSettings groupId={s.group.id} setup={celebrationSetup} />}
        {tab === 'bans' && <BansTab s={s} />}
        {tab === 'checker' && <CheckerTab s={s} memberId={member ?? s.members[0]?.userId} channelId={channel ?? s.channels[0]?.id} slug={slug} />}
        {tab === 'audit' && <AuditTab s={s} />}
        {tab === 'reports' && reportQueue && (
          <ReportQueue
            queue={reportQueue}
            hrefFor={(st) => `/g/${slug}/settings?tab=reports${st === 'resolved' ? '&status=resolved' : ''}`}
            explainer={`Reports about posts and comments in ${s.group.name}. You see how many people reported each thing and why — never who. Whatever you decide is written to the audit log, and the people who reported it are told the outcome (not who acted).`}
          />
        )}
      </section>
    </div>
  );
}
