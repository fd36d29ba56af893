import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CalculationTable } from '@/components/feed/calculation-details';
import { PostExcerpt } from '@/components/posts/post-excerpt';
import { requireUser } from '@/lib/auth/viewer';
import { getWhyThisPost } from '@/lib/recommend/feed';

export const metadata: Metadata = { title: 'Why this post?' };

// Where "See the calculation" leads without JavaScript (components/feed/calculation-details.tsx): the reasons and the
// whole calculation of one post of the person's For you list, as it was ranked. A post not in their list is not found.
export default async function WhyThisPostPage({ searchParams }: { searchParams: Promise<{ post?: string }> }) {
  const { post: postId } = await searchParams;
  const viewer = await requireUser(`/feed/why?post=${encodeURIComponent(postId ?? '')}`);
  const item = typeof postId === 'string' ? await getWhyThisPost(viewer, postId) : null;
  if (!item?.explanation) notFound();
  const { post, explanation } = item;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">Why this post?</h1>
      <PostExcerpt post={post} />
      <section aria-labelledby="reasons">
        <h2 id="reasons" className="font-semibold">
          Its reasons
        </h2>
        <ul className="mt-1 list-disc pl-5 text-sm">
          {explanation.reasons.map((reason) => (
            <li key={reason.text}>
              {reason.text} —{' '}
              <Link href={reason.href} className="underline">
                {reason.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <CalculationTable postId={post.id} breakdown={explanation.breakdown} rankedAt={explanation.rankedAt?.toISOString()} />
      <Link href="/feed" className="self-start text-sm font-medium text-accent underline underline-offset-2">
        Back to your feed
      </Link>
    </div>
  );
}
