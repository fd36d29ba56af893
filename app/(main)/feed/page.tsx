import type { Metadata } from 'next';
import { Greeting } from '@/components/feed/greeting';
import { PostList } from '@/components/posts/post-list';
import { requireUser } from '@/lib/auth/viewer';
import { getFollowingFeed } from '@/lib/posts/queries';

export const metadata: Metadata = { title: 'Feed' };

export default async function FeedPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const viewer = await requireUser('/feed');
  const { before } = await searchParams;
  const page = await getFollowingFeed(viewer, before);
  return (
    <div className="mx-auto max-w-2xl">
      <Greeting viewer={viewer} />
      <h1 className="text-2xl font-bold">Your feed</h1>
      <p className="mb-6 mt-1 text-sm text-muted">
        {page.scope === 'following'
          ? 'Newest first, from your groups and the people you follow.'
          : 'You don’t follow anyone or belong to a group yet, so here is what’s new across Hearth, newest first.'}
      </p>
      <PostList page={page} olderHref={(cursor) => `/feed?before=${cursor}`} empty="Nothing here yet — the first post could be yours." />
    </div>
  );
}
