import type { Metadata } from 'next';
import Link from 'next/link';
import { ImageUploader } from '@/components/profile/image-uploader';
import { ProfileEditor } from '@/components/profile/profile-editor';
import { Avatar } from '@/components/ui/avatar';
import { requireUser } from '@/lib/auth/viewer';
import { getProfileForEditing } from '@/lib/profiles/queries';

export const metadata: Metadata = { title: 'Edit profile' };
export const dynamic = 'force-dynamic';

export default async function EditProfilePage() {
  const viewer = await requireUser('/settings/profile');
  const profile = await getProfileForEditing(viewer);
  if (!profile) throw new Error('The signed-in person has no account row.');
  const timeZones = Intl.supportedValuesOf('timeZone');
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold">Edit profile</h1>
      <p className="mb-6 mt-1 text-muted">
        How others see you at{' '}
        <Link href={`/u/${profile.handle}`} className="font-medium text-accent underline underline-offset-2">
          /u/{profile.handle}
        </Link>
        . Nothing is shown that you don’t allow below.
      </p>
      {profile.formerHandles.length > 0 && (
        <p className="mb-6 rounded-lg border border-line bg-surface px-4 py-3 text-sm text-muted">
          {profile.formerHandles.map((h) => `@${h.handle}`).join(', ')} still redirect{profile.formerHandles.length === 1 ? 's' : ''} here until{' '}
          {profile.formerHandles[0].until.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' })}.
        </p>
      )}
      <div className="mb-8 grid gap-4 md:grid-cols-2">
        <section aria-labelledby="avatar-heading" className="rounded-2xl border border-line bg-surface p-5">
          <h2 id="avatar-heading" className="mb-3 text-lg font-semibold">
            Avatar
          </h2>
          <div className="flex items-start gap-4">
            <Avatar name={profile.name} handle={profile.handle} image={profile.image} size={72} alt="Your current avatar" />
            <div className="min-w-0 flex-1">
              <p className="mb-3 text-sm text-muted">
                {profile.avatarUploaded ? 'Your uploaded picture.' : 'Generated from your handle — change its style below, or upload a picture.'}
              </p>
              <ImageUploader kind="avatar" hasUpload={profile.avatarUploaded} />
            </div>
          </div>
        </section>
        <section aria-labelledby="banner-heading" className="rounded-2xl border border-line bg-surface p-5">
          <h2 id="banner-heading" className="mb-3 text-lg font-semibold">
            Banner image
          </h2>
          <ImageUploader kind="banner" hasUpload={Boolean(profile.bannerUrl)} />
        </section>
      </div>
      <ProfileEditor profile={profile} timeZones={timeZones} />
    </div>
  );
}
