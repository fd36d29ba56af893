// A profile as a visitor sees it, in the person's theme and layout. Presentational only: the page and the
// live preview in settings both draw it, so what people preview is what others get.
import Link from 'next/link';
import type { CSSProperties, ReactNode } from 'react';
import { CalendarDays, EyeOff, LinkIcon, MapPin } from '@/components/ui/icons';
import { MemoryList, type MemoryItem } from '@/components/milestones/memory-list';
import { Avatar } from '@/components/ui/avatar';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { plural } from '@/lib/format';
import { mediaVariantUrl } from '@/lib/media/urls';
import type { ProfileLayout } from '@/db/schema/profiles';
import { themeStyle, type BannerGradient } from '@/lib/profiles/theme';
import type { ProfileSection } from '@/lib/profiles/visibility';
import { dateFormat, formatNumber } from '@/lib/intl';

export type ProfileDisplay = {
  name: string;
  handle: string;
  image: string;
  pronouns: string;
  /** Sanitized HTML from lib/markdown/render. */
  bioHtml: string;
  location: string;
  links: string[];
  joinedAt: Date;
  followers?: number;
  following?: number;
  theme: { accent: string; bannerGradient: BannerGradient; bannerUrl: string | null; layout: ProfileLayout };
  interests: { slug: string; label: string }[] | null;
  groups: { slug: string; name: string; role: string }[] | null;
  /** Milestones shown as memories; null when the section is hidden from this viewer (or in the editor preview). */
  memories?: MemoryItem[] | null;
  /** A signed-in visitor may leave thank-you notes on the milestones shown. */
  canThank?: boolean;
  isSelf: boolean;
  hiddenFromOthers: ProfileSection[];
};

export function linkLabel(url: string) {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname.replace(/\/$/, '');
    return `${u.hostname.replace(/^www\./, '')}${path}`;
  } catch {
    return url;
  }
}

function HiddenNote({ section, hidden }: { section: ProfileSection; hidden: ProfileSection[] }) {
  if (!hidden.includes(section)) return null;
  return (
    <span className="ml-2 inline-flex items-center gap-1 rounded-full bg-raised px-2 py-0.5 text-xs font-normal text-muted">
      <EyeOff aria-hidden="true" className="size-3" /> Hidden from others
    </span>
  );
}

function Banner({ theme, className }: { theme: ProfileDisplay['theme']; className?: string }) {
  if (theme.bannerUrl) {
    return (
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={mediaVariantUrl(theme.bannerUrl, '768')}
        srcSet={`${mediaVariantUrl(theme.bannerUrl, '768')} 768w, ${mediaVariantUrl(theme.bannerUrl, '1536')} 1536w`}
        sizes="(min-width: 1024px) 1024px, 100vw"
        alt=""
        className={cn('w-full object-cover', className)}
      />
    );
  }
  return <div aria-hidden="true" className={cn('w-full bg-[image:var(--profile-banner)]', className)} />;
}

function Identity({ profile, avatarSize, actions }: { profile: ProfileDisplay; avatarSize: number; actions?: ReactNode }) {
  return (
    <div className="min-w-0">
      <Avatar
        name={profile.name}
        handle={profile.handle}
        image={profile.image}
        size={avatarSize}
        alt={`${profile.name}’s avatar`}
        className="bg-surface ring-4 ring-surface"
      />
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 id="profile-name" className="break-words text-2xl font-bold">
            {profile.name}
          </h1>
          <p className="text-muted">
            @{profile.handle}
            {profile.pronouns && <span> · {profile.pronouns}</span>}
          </p>
        </div>
        {actions}
      </div>
    </div>
  );
}

function About({ profile }: { profile: ProfileDisplay }) {
  return (
    <>
      {profile.bioHtml && <div className="markdown mt-4 break-words leading-relaxed" dangerouslySetInnerHTML={{ __html: profile.bioHtml }} />}
      <dl className="mt-4 flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted">
        {profile.location && (
          <div className="flex items-center gap-1">
            <dt>
              <MapPin aria-hidden="true" className="size-4" />
              <span className="sr-only">Location</span>
            </dt>
            <dd>{profile.location}</dd>
          </div>
        )}
        <div className="flex items-center gap-1">
          <dt>
            <CalendarDays aria-hidden="true" className="size-4" />
            <span className="sr-only">Joined</span>
          </dt>
          <dd>Joined {dateFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(profile.joinedAt)}</dd>
        </div>
        {profile.followers !== undefined && (
          <div className="flex gap-1">
            <dt className="sr-only">Followers</dt>
            <dd>{plural(profile.followers, 'follower')}</dd>
          </div>
        )}
        {profile.following !== undefined && (
          <div className="flex gap-1">
            <dt className="sr-only">Following</dt>
            <dd>{formatNumber(profile.following)} following</dd>
          </div>
        )}
      </dl>
      {profile.links.length > 0 && (
        <ul aria-label="Links" className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {profile.links.map((url) => (
            <li key={url} className="flex min-w-0 items-center gap-1">
              <LinkIcon aria-hidden="true" className="size-4 shrink-0 text-muted" />
              <a href={url} rel="me nofollow noopener" className="truncate font-medium text-accent underline-offset-2 hover:underline">
                {linkLabel(url)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Chips({ profile }: { profile: ProfileDisplay }) {
  return (
    <>
      {profile.interests && (
        <section aria-labelledby="profile-interests" className="mt-5">
          <h2 id="profile-interests" className="text-sm font-semibold">
            Interests
            <HiddenNote section="interests" hidden={profile.hiddenFromOthers} />
          </h2>
          {profile.interests.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2">
              {profile.interests.map((i) => (
                <li key={i.slug} className="inline-flex items-center gap-1.5 rounded-full bg-accent-soft px-3 py-1 text-sm text-ink">
                  <span aria-hidden="true" className="size-2 rounded-full bg-accent" />
                  {i.label}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-muted">No interests showcased yet.</p>
          )}
        </section>
      )}
      {profile.memories && (
        <section aria-labelledby="profile-memories" id="memories" className="mt-5">
          <h2 id="profile-memories" className="text-sm font-semibold">
            Memories
            <HiddenNote section="milestones" hidden={profile.hiddenFromOthers} />
          </h2>
          {profile.memories.length > 0 ? (
            <MemoryList memories={profile.memories} name={profile.name} isSelf={profile.isSelf} canThank={Boolean(profile.canThank)} />
          ) : (
            <p className="mt-1 text-sm text-muted">No milestones yet.</p>
          )}
        </section>
      )}
      {profile.groups && (
        <section aria-labelledby="profile-groups" className="mt-5">
          <h2 id="profile-groups" className="text-sm font-semibold">
            Groups
            <HiddenNote section="groups" hidden={profile.hiddenFromOthers} />
          </h2>
          {profile.groups.length > 0 ? (
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
          ) : (
            <p className="mt-1 text-sm text-muted">Not in any group yet.</p>
          )}
        </section>
      )}
    </>
  );
}

/** The whole profile. `children` is the posts column (pinned post and recent posts), drawn by the caller. */
export function ProfileView({ profile, children, preview = false }: { profile: ProfileDisplay; children?: ReactNode; preview?: boolean }) {
  const style = themeStyle({ accent: profile.theme.accent, bannerGradient: profile.theme.bannerGradient }) as CSSProperties;
  const actions =
    profile.isSelf && !preview ? (
      <Link href="/settings/profile" className={buttonClass('primary', 'sm')}>
        Edit profile
      </Link>
    ) : null;
  const split = profile.theme.layout === 'split';
  return (
    <div className="profile-theme @container" style={style} data-layout={profile.theme.layout}>
      {split ? (
        <div className="grid gap-6 @xl:grid-cols-[15rem_minmax(0,1fr)] @3xl:grid-cols-[19rem_minmax(0,1fr)]">
          <aside aria-label="About" className="self-start overflow-hidden rounded-2xl border border-line bg-surface @xl:sticky @xl:top-20">
            <Banner theme={profile.theme} className="h-24" />
            <div className="-mt-10 p-5 pt-0">
              <Identity profile={profile} avatarSize={80} actions={actions} />
              <About profile={profile} />
              <Chips profile={profile} />
            </div>
          </aside>
          <div className="min-w-0">{children}</div>
        </div>
      ) : (
        <div className="mx-auto max-w-2xl">
          <header className="mb-6 overflow-hidden rounded-2xl border border-line bg-surface">
            <Banner theme={profile.theme} className="h-32 sm:h-44" />
            <div className="-mt-12 p-5 pt-0 sm:p-6 sm:pt-0">
              <Identity profile={profile} avatarSize={96} actions={actions} />
              <About profile={profile} />
              <Chips profile={profile} />
            </div>
          </header>
          {children}
        </div>
      )}
    </div>
  );
}
