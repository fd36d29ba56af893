import type { Metadata } from 'next';
import { PushDevice } from '@/components/notifications/push-device';
import { removePushDeviceAction, savePushKindsAction } from '@/lib/push/actions';
import { getPushSettings } from '@/lib/push/queries';
import { LiveRefresh } from '@/components/live/live-refresh';
import Link from 'next/link';
import { MailChoices } from '@/components/mail/mail-choices';
import { notificationText } from '@/components/notifications/notification-text';
import { ActionForm } from '@/components/ui/action-form';
import { Avatar } from '@/components/ui/avatar';
import { Emoji, EmojiText } from '@/components/ui/emoji';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';
import { cn } from '@/lib/cn';
import { getMailChoices } from '@/lib/mail/queries';
import { markAllReadAction, markReadAction, savePreferencesAction } from '@/lib/notifications/actions';
import { getPreferences, kindLabels, listNotifications, notificationKinds, type NotificationItem, type NotificationKind } from '@/lib/notifications/queries';
import { RelativeTime } from '@/components/ui/relative-time';

export const metadata: Metadata = { title: 'Notifications' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ kind?: string; before?: string }> };

function bucket(date: Date, now = new Date()) {
  const days = Math.floor((now.getTime() - date.getTime()) / 86_400_000);
  if (days < 1 && now.getDate() === date.getDate()) return 'Today';
  if (days < 2) return 'Yesterday';
  if (days < 7) return 'This week';
  return 'Earlier';
}

export default async function NotificationsPage({ searchParams }: Props) {
  const viewer = await requireUser('/notifications');
  const params = await searchParams;
  const kind = (notificationKinds as readonly string[]).includes(params.kind ?? '') ? (params.kind as NotificationKind) : undefined;
  const before = params.before && !Number.isNaN(Date.parse(params.before)) ? new Date(params.before) : undefined;
  const [{ items, nextBefore }, preferences, push, mailChoices] = await Promise.all([
    listNotifications(viewer, { kind, before }),
    getPreferences(viewer),
    getPushSettings(viewer),
    getMailChoices(viewer),
  ]);
  const groups = new Map<string, NotificationItem[]>();
  for (const item of items) groups.set(bucket(item.createdAt), [...(groups.get(bucket(item.createdAt)) ?? []), item]);

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Notifications</h1>
        <LiveRefresh kinds={['notification']} announce="New notifications arrived" />
        {items.some((i) => i.unread) && <ActionForm action={markAllReadAction} submit="Mark all as read" variant="secondary" size="sm" />}
      </div>
      <nav aria-label="Kinds of notifications" className="flex flex-wrap gap-2">
        {[undefined, ...notificationKinds].map((k) => (
          <Link
            key={k ?? 'all'}
            href={k ? `/notifications?kind=${k}` : '/notifications'}
            aria-current={kind === k ? 'page' : undefined}
            className={cn('rounded-full border border-line px-3 py-1 text-sm', kind === k && 'border-transparent bg-accent-soft text-accent')}
          >
            {k ? kindLabels[k] : 'All'}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState title="You’re all caught up">Replies, mentions, reactions, follows and milestones will show up here.</EmptyState>
      ) : (
        [...groups].map(([label, list]) => (
          <section key={label} aria-labelledby={`n-${label}`}>
            <h2 id={`n-${label}`} className="mb-2 text-sm font-semibold text-muted">
              {label}
            </h2>
            <ul className="flex flex-col divide-y divide-line rounded-xl border border-line bg-surface" aria-label={`${label}’s notifications`}>
              {list.map((n) => (
                <li key={n.ids[0]} className={cn('flex items-start gap-3 p-4', n.unread && 'bg-accent-soft/40')}>
                  {n.actors[0] ? <Avatar name={n.actors[0].name} handle={n.actors[0].handle} image={n.actors[0].image} size={36} /> : <Emoji emoji="🎉" label="" className="size-9" />}
                  <div className="min-w-0 flex-1">
                    <Link href={n.link} className="block break-words hover:underline">
                      {n.unread && <span className="sr-only">Unread: </span>}
                      <EmojiText text={notificationText(n)} />
                    </Link>
                    <p className="text-xs text-muted">
                      {kindLabels[n.kind]} · <RelativeTime date={n.createdAt} />
                    </p>
                  </div>
                  {n.unread && (
                    <ActionForm action={markReadAction} submit="Mark read" variant="ghost" size="sm">
                      {n.ids.map((id) => (
                        <input key={id} type="hidden" name="ids[]" value={id} />
                      ))}
                    </ActionForm>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      {nextBefore && (
        <Link href={`/notifications?${kind ? `kind=${kind}&` : ''}before=${nextBefore.toISOString()}`} className="self-center text-sm text-accent underline underline-offset-2">
          Older notifications
        </Link>
      )}
      <section aria-labelledby="prefs" className="rounded-2xl border border-line bg-surface p-5">
        <h2 id="prefs" className="text-lg font-semibold">
          What to notify me about
        </h2>
        <ActionForm action={savePreferencesAction} submit="Save choices" size="sm" className="mt-3" label="Notification choices">
          <fieldset className="grid basis-full grid-cols-1 gap-2 sm:grid-cols-2">
            <legend className="sr-only">Kinds of notifications</legend>
            {notificationKinds.map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="enabled[]" value={k} defaultChecked={preferences[k]} />
                {kindLabels[k]}
              </label>
            ))}
          </fieldset>
        </ActionForm>
        <p className="mt-4 text-sm text-muted">
          By email:{' '}
          <Link href="/settings/digest" className="text-accent underline underline-offset-2">
            Email digest
          </Link>{' '}
          — what is new since you were last here, daily or weekly. Off unless you ask for it.
        </p>
      </section>
      <section aria-labelledby="push" className="rounded-2xl border border-line bg-surface p-5">
        <h2 id="push" className="text-lg font-semibold">
          Push notifications
        </h2>
        {push.publicKey === null ? (
          <p className="mt-2 text-sm text-muted">Push notifications are not set up on this Hearth (its admin has not configured VAPID keys).</p>
        ) : (
          <div className="mt-2 flex flex-col gap-4">
            <p className="text-sm text-muted">
              Pushed to your devices only for the kinds you tick, and only as “New reply” and a link: no names and no words on a locked screen.
            </p>
            <PushDevice publicKey={push.publicKey} />
            {push.devices.length > 0 && (
              <ul className="flex flex-col divide-y divide-line rounded-xl border border-line" aria-label="Devices that get pushes">
                {push.devices.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                    <span>
                      {d.device} · since <time dateTime={d.createdAt.toISOString()}>{d.createdAt.toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' })}</time>
                      {d.lastPushedAt && <> · last push <RelativeTime date={d.lastPushedAt} /></>}
                    </span>
                    <ActionForm action={removePushDeviceAction} submit="Remove" variant="ghost" size="sm" label={`Stop pushes to ${d.device}`}>
                      <input type="hidden" name="id" value={d.id} />
                    </ActionForm>
                  </li>
                ))}
              </ul>
            )}
            <ActionForm action={savePushKindsAction} submit="Save push choices" size="sm" label="Push choices">
              <fieldset className="grid basis-full grid-cols-1 gap-2 sm:grid-cols-2">
                <legend className="sr-only">Kinds pushed to your devices</legend>
                {notificationKinds.map((k) => (
                  <label key={k} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="push[]" value={k} defaultChecked={push.kinds[k]} />
                    Push {kindLabels[k].toLowerCase()}
                  </label>
                ))}
              </fieldset>
            </ActionForm>
          </div>
        )}
      </section>
      <MailChoices choices={mailChoices} unconfirmedEmail={viewer.unconfirmedEmail} />
    </div>
  );
}
