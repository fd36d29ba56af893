import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/viewer';
import { benchEnabled, floorReading } from '@/lib/bench/floor';

export const metadata: Metadata = { title: 'Benchmark floor', robots: { index: false } };
export const dynamic = 'force-dynamic';

/** The load benchmark's floor (bench/load.ts): only with HEARTH_BENCH=1. */
export default async function BenchFloorPage() {
  if (!benchEnabled()) notFound();
  const viewer = await requireUser('/bench/floor');
  const sessions = await floorReading(viewer);
  return (
    <section aria-labelledby="floor" className="rounded-2xl border border-line bg-surface p-5">
      <h1 id="floor" className="text-lg font-semibold">
        Benchmark floor
      </h1>
      <p className="text-sm text-muted">
        @{viewer.handle} is signed in on {sessions} {sessions === 1 ? 'browser' : 'browsers'}.
      </p>
    </section>
  );
}
