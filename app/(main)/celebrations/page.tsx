import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveWatch } from '@/components/live/live-provider';
import { CelebrationCards } from '@/components/milestones/celebration-cards';
import { GoalsCard } from '@/components/milestones/goals-card';
import { getMyGoals } from '@/lib/milestones/goal-queries';
import { requireUser } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Celebrations' };

/**
 * Every celebration of the week (the feed shows two and links here), and the person's goals with the form to set one. Whole in its HTML (no page streams: README), so
 * its Congratulate forms work before, and without, JavaScript.
 */
export default async function CelebrationsPage() {
  const viewer = await requireUser('/celebrations');
  const goals = await getMyGoals(viewer);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Celebrations</h1>
      <p className="mb-6 mt-1 text-sm text-muted">
        Milestones from this week: yours, your groups’, and those of people you follow who share theirs. Your goals follow them.{' '}
        <Link href="/feed" className="underline">
          Back to your feed
        </Link>
      </p>
      {/* Celebrations reach the streams that watch the feed: this page shows the feed's cards, all of the week's. */}
      <LiveWatch feed />
      <CelebrationCards viewer={viewer} all />
      {/* The feed's sidebar shows the goals' progress and links here to set one. */}
      <div className="mt-8">
        <GoalsCard goals={goals} />
      </div>
    </div>
  );
}
