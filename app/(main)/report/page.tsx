import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReportForm } from '@/components/reports/report-control';
import { requireUser } from '@/lib/auth/viewer';
import { getReportTarget } from '@/lib/reports/queries';
import { reportPageSchema } from '@/lib/reports/schemas';

export const metadata: Metadata = { title: 'Report' };

// What the Report links lead to without JavaScript (components/reports/report-control.tsx): the same form as the one
// that opens in place, on a page of its own. Something the person cannot see, or wrote, is not found.
type Props = { searchParams: Promise<{ kind?: string; id?: string }> };

export default async function ReportPage({ searchParams }: Props) {
  const asked = await searchParams;
  const viewer = await requireUser(`/report?${new URLSearchParams({ kind: asked.kind ?? '', id: asked.id ?? '' })}`);
  const parsed = reportPageSchema.safeParse(asked);
  if (!parsed.success) notFound();
  const target = await getReportTarget(viewer, parsed.data.kind, parsed.data.id);
  if (!target) notFound();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Report {target.what}</h1>
      <div className="rounded-xl border border-line bg-surface p-4">
        <ReportForm kind={target.kind} targetId={target.id} what={target.what} />
      </div>
      <a href={target.link} className="self-start text-sm font-medium text-accent underline underline-offset-2">
        Back to {target.what}
      </a>
    </div>
  );
}
