// A group's settings: a table of contents over its tabs (components/groups/*-tab.tsx), each shown to those allowed.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditTab } from '@/components/groups/audit-tab';
import { BansTab } from '@/components/groups/bans-tab';
import { ChannelsTab } from '@/components/groups/channels-tab';
import { CheckerTab } from '@/components/groups/checker-tab';
import { GeneralTab } from '@/components/groups/general-tab';
import { InvitesTab } from '@/components/groups/invites-tab';
import { MembersTab } from '@/components/groups/members-tab';
import { RequestsTab } from '@/components/groups/requests-tab';
import { RolesTab } from '@/components/groups/roles-tab';
import { LiveWatch } from '@/components/live/live-provider';
import { LiveRefresh } from '@/components/live/live-refresh';
import { CelebrationSettings } from '@/components/milestones/celebration-settings';
import { ReportQueue } from '@/components/reports/report-queue';
import { requireUser } from '@/lib/auth/viewer';
import { cn } from '@/lib/cn';
import { checkPermissions, getGroupSettings } from '@/lib/groups/queries';
import { getCelebrationSetup } from '@/lib/milestones/celebrations';
import { getGroupReportQueue, openReportCount } from '@/lib/reports/queries';
import { queueStatusSchema } from '@/lib/reports/schemas';

export const metadata: Metadata = { title: 'Manage group' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ tab?: string; member?: string; channel?: string; status?: string }> };

export default async function GroupSettingsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { tab: requested, member, channel, status } = await searchParams;
  const viewer = await requireUser(`/g/${slug}/settings`);
  const s = await getGroupSettings(viewer, slug);
  if (!s) notFound();
  const reportCount = s.allowed.reports ? await openReportCount(viewer, s.group.id) : 0;
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
  // Only the open tab's own data is read.
  const celebrationSetup = tab === 'celebrations' ? await getCelebrationSetup(viewer, s.group.id) : null;
  const reportQueue = tab === 'reports' ? await getGroupReportQueue(viewer, s.group.id, queueStatusSchema.parse(status)) : null;
  const checkedMember = member ?? s.members[0]?.userId;
  const checkedChannel = channel ?? s.channels[0]?.id;
  const permissionCheck = tab === 'checker' && checkedMember ? await checkPermissions(s, checkedMember, checkedChannel) : null;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href={`/g/${slug}`} className="text-accent underline underline-offset-2">
          ← {s.group.name}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Manage {s.group.name}</h1>
      {/* Join requests and reports arriving or handled (by another moderator) show up here without a reload. */}
      {(s.allowed.requests || s.allowed.reports) && (
        <>
          <LiveWatch group={s.group.id} />
          <LiveRefresh kinds={['join_request', 'report']} announce="The requests or reports changed" />
        </>
      )}
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
        {tab === 'general' && <GeneralTab s={s} viewerName={viewer.name} />}
        {tab === 'channels' && <ChannelsTab s={s} />}
        {tab === 'roles' && <RolesTab s={s} />}
        {tab === 'members' && <MembersTab s={s} />}
        {tab === 'requests' && <RequestsTab s={s} />}
        {tab === 'invites' && <InvitesTab s={s} />}
        {tab === 'celebrations' && celebrationSetup && <CelebrationSettings groupId={s.group.id} setup={celebrationSetup} />}
        {tab === 'bans' && <BansTab s={s} />}
        {tab === 'checker' && <CheckerTab s={s} memberId={checkedMember} channelId={checkedChannel} slug={slug} result={permissionCheck} />}
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
