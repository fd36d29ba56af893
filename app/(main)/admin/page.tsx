import type { Metadata } from 'next';
import Link from 'next/link';
import { BarChart } from '@/components/admin/bar-chart';
import { Stat } from '@/components/admin/stat';
import { getInstanceHealth } from '@/lib/admin/queries';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function AdminDashboardPage() {
  const health = await getInstanceHealth();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Dashboard</h1>
      <section aria-labelledby="health">
        <h2 id="health" className="mb-3 text-lg font-semibold">
          Health
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <Stat label="Members" value={health.members} />
          <Stat label="Active this week" value={health.activeThisWeek} note="Signed in or used Hearth in the last 7 days" />
          <Stat label="Posts today" value={health.postsToday} note="Since midnight UTC" />
          <Stat label="Mail waiting" value={health.queuedMail} note="Queued or being sent" />
          <Stat label="Mail failed" value={health.failedMail} warn={health.failedMail > 0} note={health.failedMail > 0 ? 'Check the mail server settings and the log' : 'None'} />
          <Stat label="Failed jobs" value={health.failedJobs} warn={health.failedJobs > 0} note="Background jobs that failed or were abandoned" />
        </dl>
        {health.waitingRegistrations > 0 && (
          <p className="mt-3 text-sm">
            <Link href="/admin/registrations" className="font-medium text-accent underline">
              {health.waitingRegistrations === 1 ? '1 registration waits' : `${health.waitingRegistrations} registrations wait`} for approval
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="trends" className="grid gap-4 md:grid-cols-2">
        <h2 id="trends" className="sr-only">
          The last 30 days
        </h2>
        <BarChart title="Sign-ups per day" unit="sign-ups" data={health.signUps} />
        <BarChart title="Posts per day" unit="posts" data={health.postsPerDay} />
      </section>
    </div>
  );
}
