import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Greeting } from '@/components/feed/greeting';
import { FeedItemControls } from '@/components/feed/item-controls';
import { ModeTabs, modeDescriptions } from '@/components/feed/mode-tabs';
import { SignalTracker } from '@/components/feed/signal-tracker';
import { StableList } from '@/components/feed/stable-list';
import { SuggestionsCard } from '@/components/feed/suggestions-card';
import { WhyThis } from '@/components/feed/why-this';
import { CelebrationCards } from '@/components/milestones/celebration-cards';
import { GoalsCard } from '@/components/milestones/goals-card';
import { LiveWatch } from '@/components/live/live-provider';
import { NewPostsPill } from '@/components/live/new-posts-pill';
import { PostCard } from '@/components/posts/post-card';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';
import { getMyGoals } from '@/lib/milestones/goal-queries';
import { getFeed } from '@/lib/recommend/feed';
import { suggestionsForFeed } from '@/lib/recommend/suggestions';

export const metadata: Metadata = { title: 'Feed' };

export default async function FeedPage({ searchParams }: { searchParams: Promise<{ before?: string; page?: string }> }) {
  const viewer = await requireUser('/feed');
  const { before, page } = await searchParams;
  const feed = await getFeed(viewer, { cursor: before, page: Number(page) || 1 });
  if (!feed.personalization.onboarded && feed.items.length === 0 && !before && !page) redirect('/welcome');
  const useInferred = feed.personalization.useInferred;
  const [goals, { groups, people }] = await Promise.all([getMyGoals(viewer), suggestionsForFeed(viewer.id, { limit: 3, useInferred, people: feed.mode !== 'chronological', cacheVersion: viewer.cacheVersion })]);
  // The posts hold their places while the person reads: an action's answer re-renders this page, never re-orders it.
  // The list is the target of "Skip to posts" (app/layout.tsx): focus lands on it, and the next Tab is in the first post.
  const list = (
    <StableList
      key={`${feed.mode}:${before ?? ''}:${page ?? ''}`}
      id="posts"
      label="Posts"
      className="flex scroll-mt-20 flex-col gap-4 focus:outline-none"
      items={feed.items.map(({ post, explanation }) => ({
        id: post.id,
        node: (
          <PostCard
            post={post}
            can={{ react: post.viewerSignedIn && (!post.group || post.viewerIsMember) }}
            reason={explanation ? <WhyThis explanation={explanation} postId={post.id} /> : undefined}
            extra={
              feed.mode === 'chronological' || post.isAuthor ? undefined : (
                <FeedItemControls
                  post={{ id: post.id, author: { id: post.author.id, name: post.author.name }, tags: post.tags, group: post.group && { id: post.group.id, name: post.group.name } }}
                />
              )
            }
          />
        ),
      }))}
    />
  );
  const recording = feed.personalization.recordActivity && feed.mode !== 'chronological';
  const olderHref = feed.next && 'cursor' in feed.next ? `/feed?before=${feed.next.cursor}` : null;
  const nextPage = feed.next && 'page' in feed.next ? `/feed?page=${feed.next.page}` : null;
  return (
    <div className="mx-auto grid max-w-5xl gap-6 lg:grid-cols-[minmax(0,42rem)_18rem]">
      <div className="min-w-0">
        <Greeting viewer={viewer} />
        <h1 className="text-3xl font-bold tracking-tight">Your feed</h1>
        <p className="mb-4 mt-1 text-sm text-muted">
          {feed.scope === 'community' ? 'You don’t follow anyone or belong to a group yet, so here is what’s new across Hearth, newest first.' : modeDescriptions[feed.mode]}{' '}
          <Link href="/settings/feed" className="underline">
            Feed controls
          </Link>{' '}
          ·{' '}
          <Link href="/discover" className="underline">
            Discover this week
          </Link>
        </p>
        <CelebrationCards viewer={viewer} max={2} />
        <ModeTabs current={feed.mode} />
        {/* New posts from people and groups the person follows wait behind a button (never in a re-ranked list). */}
        <LiveWatch feed />
        <NewPostsPill rerank={feed.mode === 'foryou'} />
        {feed.personalization.historyPaused && feed.mode === 'foryou' && (
          <p role="status" className="mb-4 rounded-lg border border-line bg-raised px-3 py-2 text-sm">
            History is paused: this feed uses only whom and what you follow and chose. <Link href="/settings/feed#history" className="underline">Resume</Link>
          </p>
        )}
        {feed.items.length === 0 ? (
          <EmptyState title="Nothing here yet — the first post could be yours.">
            <Link href="/groups" className="underline">
              Find a group
            </Link>{' '}
            or <Link href="/settings/feed" className="underline">choose your interests</Link>.
          </EmptyState>
        ) : recording ? (
          <SignalTracker>{list}</SignalTracker>
        ) : (
          list
        )}
        {feed.items.length > 0 && (
          <div className="mt-4 flex flex-col items-center gap-2 py-4 text-center">
            {nextPage ? (
              <Link href={nextPage} className={buttonClass('secondary', 'md')}>
                More for you
              </Link>
            ) : olderHref ? (
              <Link href={olderHref} className={buttonClass('secondary', 'md')}>
                Show older posts
              </Link>
            ) : (
              <>
                <p className="font-medium">You’re all caught up.</p>
                {feed.mode === 'foryou' && (
                  <p className="text-sm text-muted">
                    That’s everything picked for you from the last few weeks.{' '}
                    <Link href="/feed/older" className="underline">
                      See older posts from what you follow
                    </Link>
                  </p>
                )}
              </>
            )}
          </div>
        )}
      </div>
      <aside className="flex flex-col gap-4">
        <GoalsCard goals={goals} compact />
        <SuggestionsCard groups={groups} people={people} />
      </aside>
    </div>
  );
}
