import type { Metadata } from 'next';
import { PostList } from '@/components/posts/post-list';
import { ActionForm } from '@/components/ui/action-form';
import { requireUser } from '@/lib/auth/viewer';
import { followTagAction } from '@/lib/posts/actions';
import { getTagPosts, isFollowingTag } from '@/lib/posts/queries';
import { normalizeTags } from '@/lib/posts/schemas';

type Props = { params: Promise<{ tag: string }>; searchParams: Promise<{ before?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `#${normalizeTags(decodeURIComponent((await params).tag))[0] ?? ''}` };
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = normalizeTags(decodeURIComponent((await params).tag))[0] ?? '';
  const viewer = await requireUser(`/t/${tag}`);
  const [page, following] = await Promise.all([getTagPosts(viewer, tag, (await searchParams).before), isFollowingTag(viewer, tag)]);
  return (
    <div className="mx-auto max-w-2xl">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">#{tag}</h1>
        <ActionForm action={followTagAction} submit={following ? `Unfollow #${tag}` : `Follow #${tag}`} variant={following ? 'secondary' : 'primary'}>
          <input type="hidden" name="tag" value={tag} />
          <input type="hidden" name="on" value={String(!following)} />
        </ActionForm>
      </div>
      <PostList page={page} olderHref={(cursor) => `/t/${tag}?before=${cursor}`} empty={`No posts tagged #${tag} yet.`} />
    </div>
  );
}
