import type { Metadata } from 'next';
import Link from 'next/link';
import { Sparkles } from '@/components/ui/icons';
import { FollowButton, JoinButton } from '@/components/feed/quick-actions';
import { PostCard } from '@/components/posts/post-card';
import { Avatar } from '@/components/ui/avatar';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';
import { getDiscover } from '@/lib/recommend/discover';

export const metadata: Metadata = { title: 'Discover' };
export const dynamic = 'force-dynamic';

function Reason({ text }: { text: string }) {
  return (
    <p className="mt-2 flex items-center gap-1.5 text-xs text-muted">
      <Sparkles aria-hidden="true" className="size-3.5 shrink-0 text-accent" />
      <span className="sr-only">Why: </span>
      {text}
    </p>
  );
}

export default async function DiscoverPage() {
  const viewer = await requireUser('/discover');
  const page = await getDiscover(viewer);
  const empty = page.posts.length + page.groups.length + page.people.length === 0;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">Discover</h1>
      <p className="mb-6 mt-1 text-muted">
        Picked for you for week {page.week.split('-W')[1]}: posts, groups and people new to you, each with why. The set stays the same all week and
        is replaced on Monday. <Link href="/settings/feed" className="underline">Change what shapes it</Link>
      </p>
      {empty && <EmptyState title="Nothing new to discover this week.">Follow a few topics on your feed controls page and come back.</EmptyState>}
      {page.posts.length > 0 && (
        <section aria-labelledby="discover-posts" className="mb-8">
          <h2 id="discover-posts" className="mb-3 text-lg font-semibold">
            Posts
          </h2>
          <ul className="flex flex-col gap-4" aria-label="Discovered posts">
            {page.posts.map(({ post, reason }) => (
              <li key={post.id}>
                <PostCard post={post} can={{ react: !post.group || post.viewerIsMember }} reason={<Reason text={reason} />} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {page.groups.length > 0 && (
        <section aria-labelledby="discover-groups" className="mb-8">
          <h2 id="discover-groups" className="mb-3 text-lg font-semibold">
            Groups
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2" aria-label="Discovered groups">
            {page.groups.map((g) => (
              <li key={g.id} className="rounded-2xl border border-line bg-surface p-4" style={{ borderTopColor: g.accentColor, borderTopWidth: 4 }}>
                <Reason text={g.reason} />
                <Link href={`/g/${g.slug}`} className="font-semibold hover:underline">
                  {g.name}
                </Link>
                <p className="mt-1 line-clamp-3 text-sm text-muted">{g.description}</p>
                <JoinButton groupId={g.id} name={g.name} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {page.people.length > 0 && (
        <section aria-labelledby="discover-people">
          <h2 id="discover-people" className="mb-3 text-lg font-semibold">
            People
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2" aria-label="Discovered people">
            {page.people.map((p) => (
              <li key={p.id} className="flex gap-3 rounded-2xl border border-line bg-surface p-4">
                <Avatar name={p.name} handle={p.handle} image={p.image} size={40} />
                <div className="min-w-0 flex-1">
                  <Link href={`/u/${p.handle}`} className="font-semibold hover:underline">
                    {p.name}
                  </Link>
                  <p className="text-sm text-muted">{p.reason}</p>
                  <FollowButton userId={p.id} name={p.name} />
                </div>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-muted">Only people who allow being suggested appear here.</p>
        </section>
      )}
    </div>
  );
}
