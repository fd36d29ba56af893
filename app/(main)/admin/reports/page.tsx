import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LiveWatch } from '@/components/live/live-provider';
import { LiveRefresh } from '@/components/live/live-refresh';
import { ReportQueue } from '@/components/reports/report-queue';
import { requireUser } from '@/lib/auth/viewer';
import { getInstanceReportQueue } from '@/lib/reports/queries';
import { queueStatusSchema } from '@/lib/reports/schemas';

export const metadata: Metadata = { title: 'Reports' };

type Props = { searchParams: Promise<{ status?: string }> };

/** The instance's report queue: profiles, groups, and posts outside groups. Instance admins and moderators only. */
export default async function InstanceReportsPage({ searchParams }: Props) {
  const viewer = await requireUser('/admin/reports');
  const queue = await getInstanceReportQueue(viewer, queueStatusSchema.parse((await searchParams).status));
  if (!queue) notFound();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Reports</h1>
      {/* New reports, and those another moderator handles, show up without a reload. */}
      <LiveWatch reports />
      <LiveRefresh kinds={['report']} announce="The report queue changed" />
      <ReportQueue
        queue={queue}
        hrefFor={(status) => `/admin/reports${status === 'resolved' ? '?status=resolved' : ''}`}
        explainer="Reports about profiles, groups themselves, and posts and comments outside groups. Reports about what is posted in a group go to that group’s moderators. You see how many people reported each thing and why — never who; every decision is written to the instance audit log, and the people who reported it are told the outcome."
      />
    </div>
  );
}
