import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Lock, Pin } from '@/components/ui/icons';
import { Composer } from '@/components/posts/composer';
import { PostCard } from '@/components/posts/post-card';
import { PostList } from '@/components/posts/post-list';
import { BlockControl, BlockedProfile } from '@/components/profile/block-controls';
import { ProfileView } from '@/components/profile/profile-view';
import { ActionForm } from '@/components/ui/action-form';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ReportControl } from '@/components/reports/report-control';
import { getViewer } from '@/lib/auth/viewer';
import { mediaVariantUrl } from '@/lib/media/urls';
import { avatarVariant, isUploadedImage } from '@/lib/profiles/avatar';
import { followPersonAction } from '@/lib/posts/actions';
import { controlsOn } from '@/lib/recommend/queries';
import { TargetFeedControls } from '@/components/feed/target-controls';
import { isFollowingPerson } from '@/lib/posts/queries';
import { getProfile, getProfilePosts } from '@/lib/profiles/queries';

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<{ before?: string }> };

// Who is asking decides what is shown: never cached across viewers.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  const found = await getProfile(await getViewer(), handle);
  if (found.kind === 'restricted' || found.kind === 'blocked') return { title: `@${found.handle}`, robots: { index: false } };
  if (found.kind !== 'found') return { title: 'Profile not found' };
  const { profile } = found;
  const title = `${profile.name} (@${profile.handle})`;
  // Only profiles visible to everyone are described to link previews and search engines.
  if (profile.visibility !== 'everyone') return { title, robots: { index: false } };
  const image = isUploadedImage(profile.image) ? mediaVariantUrl(profile.image, avatarVariant(256)) : profile.image;
  const description = profile.bioText || `${profile.name} on Hearth`;
  return {
    title,
    description,
    alternates: { canonical: `/u/${profile.handle}` },
    openGraph: { type: 'profile', title, description, username: profile.handle, url: `/u/${profile.handle}`, images: [{ url: image, width: 256, height: 256, alt: `${profile.name}’s avatar` }] },
    twitter: { card: 'summary', title, description, images: [image] },
  };
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const { handle } = await params;
  const viewer = await getViewer();
  const found = await getProfile(viewer, handle);
  if (found.kind === 'not_found') notFound();
  if (found.kind === 'redirect') redirect(`/u/${found.handle}`);
  if (found.kind === 'blocked') return <BlockedProfile id={found.id} name={found.name} handle={found.handle} />;
  if (found.kind === 'restricted') {
    return (
      <section className="mx-auto max-w-lg rounded-2xl border border-line bg-surface p-8 text-center">
        <Lock aria-hidden="true" className="mx-auto size-8 text-muted" />
        <h1 className="mt-3 text-xl font-bold">@{found.handle}</h1>
        {found.reason === 'members' ? (
          <>
            <p className="mt-2 text-muted">This profile is visible to signed-in members of Hearth only.</p>
            <Link href={`/sign-in?next=${encodeURIComponent(`/u/${found.handle}`)}`} className={buttonClass('primary', 'md', 'mt-5')}>
              Sign in to see it
            </Link>
          </>
        ) : (
          <p className="mt-2 text-muted">This person keeps their profile private.</p>
        )}
      </section>
    );
  }

  const { profile } = found;
  const [page, following, controls] = await Promise.all([
    getProfilePosts(viewer, profile, (await searchParams).before),
    viewer && !profile.isSelf ? isFollowingPerson(viewer, profile.id) : Promise.resolve(false),
    viewer && !profile.isSelf ? controlsOn(viewer, profile.id) : Promise.resolve([]),
  ]);
  return (
    <ProfileView profile={{ ...profile, canThank: Boolean(viewer) && !profile.isSelf }}>
      {viewer && !profile.isSelf && (
        <ActionForm action={followPersonAction} submit={following ? `Unfollow ${profile.name}` : `Follow ${profile.name}`} variant={following ? 'secondary' : 'primary'} className="mb-6">
          <input type="hidden" name="userId" value={profile.id} />
          <input type="hidden" name="on" value={String(!following)} />
        </ActionForm>
      )}
      {viewer && !profile.isSelf && <TargetFeedControls kind="user" id={profile.id} name={profile.name} active={controls} />}
      {viewer && !profile.isSelf && (
        <div className="mb-6 flex flex-wrap items-start gap-3">
          <ReportControl kind="profile" targetId={profile.id} what={`${profile.name}’s profile`} />
          <BlockControl id={profile.id} name={profile.name} handle={profile.handle} />
        </div>
      )}
      {profile.isSelf && (
        <div className="mb-6">
          <Composer />
        </div>
      )}
      {profile.pinnedPost && (
        <section aria-labelledby="pinned" className="mb-6">
          <h2 id="pinned" className="mb-2 flex items-center gap-1.5 text-sm font-semibold text-muted">
            <Pin aria-hidden="true" className="size-4 text-accent" /> Pinned
          </h2>
          <PostCard post={profile.pinnedPost} />
        </section>
      )}
      {page ? (
        <section aria-labelledby="recent-posts">
          <h2 id="recent-posts" className="mb-4 text-lg font-semibold">
            Recent posts
            {profile.hiddenFromOthers.includes('posts') && <span className="ml-2 text-sm font-normal text-muted">(hidden from others)</span>}
          </h2>
          <PostList
            page={page}
            olderHref={(cursor) => `/u/${profile.handle}?before=${cursor}`}
            empty={profile.isSelf ? 'You haven’t posted yet.' : viewer ? `${profile.name} hasn’t posted yet.` : `No public posts yet. Members see posts in groups.`}
          />
        </section>
      ) : (
        <EmptyState title={`${profile.name} keeps their posts to themselves.`} />
      )}
    </ProfileView>
  );
}
