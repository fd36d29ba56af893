import type { Metadata } from 'next';
import { PostList } from '@/components/posts/post-list';
import { requireUser } from '@/lib/auth/viewer';
import { getBookmarkedPosts } from '@/lib/posts/queries';

export const metadata: Metadata = { title: 'Bookmarks' };

export default async function BookmarksPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const viewer = await requireUser('/bookmarks');
  const page = await getBookmarkedPosts(viewer, (await searchParams).before);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Bookmarks</h1>
      <p className="mb-6 mt-1 text-sm text-muted">Posts you saved. Only you can see this list.</p>
      <PostList page={page} olderHref={(cursor) => `/bookmarks?before=${cursor}`} empty="No bookmarks yet — use the bookmark icon on any post." />
    </div>
  );
}
