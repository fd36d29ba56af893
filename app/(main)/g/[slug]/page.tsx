import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostList } from '@/components/posts/post-list';
import { requireUser } from '@/lib/auth/viewer';
import { plural } from '@/lib/format';
import { getGroupBySlug } from '@/lib/groups/queries';
import { getGroupPosts } from '@/lib/posts/queries';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireUser();
  const group = await getGroupBySlug(viewer, (await params).slug);
  return { title: group?.name ?? 'Group not found', description: group?.description };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const viewer = await requireUser(`/g/${slug}`);
  const group = await getGroupBySlug(viewer, slug);
  if (!group) notFound();
  const page = await getGroupPosts(group.id, (await searchParams).before);
  return (
    <div className="mx-auto max-w-2xl">
      <header className="mb-6 rounded-2xl border border-line bg-surface p-6">
        <h1 className="text-2xl font-bold">{group.name}</h1>
        <p className="mt-2 text-muted">{group.description}</p>
        <p className="mt-3 text-sm text-muted">
          #{group.topic} · {plural(group.memberCount, 'member')} · {group.viewerRole ? `You are ${group.viewerRole === 'member' ? 'a member' : `the ${group.viewerRole}`}` : 'You are not a member'}
        </p>
      </header>
      <h2 className="mb-4 text-lg font-semibold">Recent posts</h2>
      <PostList page={page} olderHref={(cursor) => `/g/${group.slug}?before=${cursor}`} empty="No posts in this group yet." />
    </div>
  );
}
