import type { Metadata } from 'next';
import Link from 'next/link';
import { PostList } from '@/components/posts/post-list';
import { requireUser } from '@/lib/auth/viewer';
import { getFeed } from '@/lib/recommend/feed';

export const metadata: Metadata = { title: 'Older posts' };

/** Older posts on request, after For you says "You're all caught up": newest first, from what you follow. */
export default async function OlderPostsPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const viewer = await requireUser('/feed/older');
  const { before } = await searchParams;
  const feed = await getFeed(viewer, { mode: 'following', cursor: before });
  return (
    <div className="mx-auto max-w-2xl">
      <p className="text-sm">
        <Link href="/feed" className="text-muted hover:underline">
          ← Back to your feed
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Older posts</h1>
      <p className="mb-6 mt-1 text-sm text-muted">Newest first, from your groups and the people and topics you follow.</p>
      <PostList
        page={{ items: feed.items.map((i) => i.post), nextCursor: feed.next && 'cursor' in feed.next ? feed.next.cursor : undefined }}
        olderHref={(cursor) => `/feed/older?before=${cursor}`}
        empty="Nothing older here."
      />
    </div>
  );
}
