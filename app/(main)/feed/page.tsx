import type { Metadata } from 'next';
import { Greeting } from '@/components/feed/greeting';
import { CelebrationCards } from '@/components/milestones/celebration-cards';
import { GoalsCard } from '@/components/milestones/goals-card';
import { PostList } from '@/components/posts/post-list';
import { requireUser } from '@/lib/auth/viewer';
import { getMyGoals } from '@/lib/milestones/goal-queries';
import { getFollowingFeed } from '@/lib/posts/queries';

export const metadata: Metadata = { title: 'Feed' };

export default async function FeedPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const viewer = await requireUser('/feed');
  const { before } = await searchParams;
  const [page, goals] = await Promise.all([getFollowingFeed(viewer, before), getMyGoals(viewer)]);
  return (
    <div className="mx-auto grid max-w-5xl gap-6 lg:grid-cols-[minmax(0,42rem)_18rem]">
      <div className="min-w-0">
      <Greeting viewer={viewer} />
      <h1 className="text-2xl font-bold">Your feed</h1>
      <p className="mb-6 mt-1 text-sm text-muted">
        {page.scope === 'following'
          ? 'Newest first, from your groups and the people you follow.'
          : 'You don’t follow anyone or belong to a group yet, so here is what’s new across Hearth, newest first.'}
      </p>
      <CelebrationCards viewer={viewer} />
      <PostList page={page} olderHref={(cursor) => `/feed?before=${cursor}`} empty="Nothing here yet — the first post could be yours." />
      </div>
      <aside className="order-first flex flex-col gap-4 lg:order-none">
        <GoalsCard goals={goals} />
      </aside>
    </div>
  );
}
