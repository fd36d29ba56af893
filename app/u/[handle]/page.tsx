import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PostList } from '@/components/posts/post-list';
import { Avatar } from '@/components/ui/avatar';
import { requireUser } from '@/lib/auth/viewer';
import { plural } from '@/lib/format';
import { getAuthorPosts } from '@/lib/posts/queries';
import { getProfileByHandle } from '@/lib/profiles/queries';

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<{ before?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const profile = await getProfileByHandle((await params).handle);
  return { title: profile ? `${profile.name} (@${profile.handle})` : 'Profile not found' };
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const { handle } = await params;
  const viewer = await requireUser(`/u/${handle}`);
  const profile = await getProfileByHandle(handle);
  if (!profile) notFound();
  const page = await getAuthorPosts(profile.id, (await searchParams).before);
  const isSelf = viewer.id === profile.id;
  return (
    <div className="mx-auto max-w-2xl">
      <header className="mb-6 rounded-2xl border border-line bg-surface p-6">
        <div className="flex items-center gap-4">
          <Avatar name={profile.name} handle={profile.handle} image={profile.image} size={72} />
          <div className="min-w-0">
            <h1 className="truncate text-2xl font-bold">{profile.name}</h1>
            <p className="text-muted">
              @{profile.handle}
              {profile.pronouns && <span> · {profile.pronouns}</span>}
            </p>
          </div>
        </div>
        {profile.bio && <p className="mt-4 whitespace-pre-wrap">{profile.bio}</p>}
        <dl className="mt-4 flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted">
          {profile.location && (
            <div className="flex gap-1">
              <dt className="sr-only">Location</dt>
              <dd>{profile.location}</dd>
            </div>
          )}
          <div className="flex gap-1">
            <dt>Joined</dt>
            <dd>{profile.joinedAt.toLocaleDateString('en', { month: 'long', year: 'numeric' })}</dd>
          </div>
          <div className="flex gap-1">
            <dt className="sr-only">Followers</dt>
            <dd>{plural(profile.followers, 'follower')}</dd>
          </div>
          <div className="flex gap-1">
            <dt className="sr-only">Following</dt>
            <dd>{profile.following.toLocaleString('en')} following</dd>
          </div>
        </dl>
        {profile.groups.length > 0 && (
          <div className="mt-4">
            <h2 className="text-sm font-semibold">Groups</h2>
            <ul className="mt-2 flex flex-wrap gap-2">
              {profile.groups.map((g) => (
                <li key={g.slug}>
                  <Link href={`/g/${g.slug}`} className="inline-block rounded-full border border-line px-3 py-1 text-sm hover:bg-raised">
                    {g.name}
                    {g.role !== 'member' && <span className="text-muted"> · {g.role}</span>}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        {isSelf && <p className="mt-4 text-sm text-muted">This is how others see your profile.</p>}
      </header>
      <h2 className="mb-4 text-lg font-semibold">Posts</h2>
      <PostList page={page} olderHref={(cursor) => `/u/${profile.handle}?before=${cursor}`} empty={isSelf ? 'You haven’t posted yet.' : `${profile.name} hasn’t posted yet.`} />
    </div>
  );
}
