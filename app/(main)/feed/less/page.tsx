import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ShowLessForms } from '@/components/feed/item-controls';
import { PostExcerpt } from '@/components/posts/post-excerpt';
import { requireUser } from '@/lib/auth/viewer';
import { getPost } from '@/lib/posts/queries';

export const metadata: Metadata = { title: 'Show less like this' };

// Where "Show less like this…" leads without JavaScript (components/feed/item-controls.tsx): the card's forms on a page
// of their own, each posting to its Server Action, the page coming back with the answer. A post the person cannot see,
// or wrote, is not found.
export default async function ShowLessPage({ searchParams }: { searchParams: Promise<{ post?: string }> }) {
  const { post: postId } = await searchParams;
  const viewer = await requireUser(`/feed/less?post=${encodeURIComponent(postId ?? '')}`);
  const post = typeof postId === 'string' ? await getPost(viewer, postId) : null;
  if (!post || post.isAuthor) notFound();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Show less like this</h1>
      <PostExcerpt post={post} />
      <ShowLessForms post={{ id: post.id, author: { id: post.author.id, name: post.author.name }, tags: post.tags, group: post.group && { id: post.group.id, name: post.group.name } }} />
      <a href="/feed" className="self-start text-sm font-medium text-accent underline underline-offset-2">
        Back to your feed
      </a>
    </div>
  );
}
