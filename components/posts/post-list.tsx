import Link from 'next/link';
import type { PostPage } from '@/lib/posts/queries';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PostCard, type PostAbilities } from './post-card';

/** A page of posts, then either a link to older ones or an honest end. */
export function PostList({
  page,
  olderHref,
  empty,
  can,
  badges,
  moreLabel = 'Show older posts',
  endText = 'You’re all caught up.',
  joinHints = true,
}: {
  page: PostPage;
  olderHref: (cursor: string) => string;
  empty: string;
  /** What the viewer may do; for lists across groups, reacting is decided per post by the action. */
  can?: PostAbilities;
  badges?: Map<string, { name: string; color: string }>;
  /** For lists not in time order (search results): what the link to the next page and the end say. */
  moreLabel?: string;
  endText?: string | null;
  /** Each post of a group the viewer has not joined says "Join … to react" with a Join button (off on the group's own page, which has one). */
  joinHints?: boolean;
}) {
  if (page.items.length === 0) return <EmptyState title={empty} />;
  return (
    <div className="flex flex-col gap-4">
      {/* The target of "Skip to posts" (app/layout.tsx): focus lands here, and the next Tab is in the first post. */}
      <ul id="posts" tabIndex={-1} className="flex scroll-mt-20 flex-col gap-4 focus:outline-none" aria-label="Posts">
        {page.items.map((post) => (
          <li key={post.id}>
            <PostCard post={post} can={can ?? { react: post.viewerSignedIn && (!post.group || post.viewerIsMember) }} badge={badges?.get(post.author.id)} joinHint={joinHints} />
          </li>
        ))}
      </ul>
      {page.nextCursor ? (
        <Link href={olderHref(page.nextCursor)} className={buttonClass('secondary', 'md', 'self-center')}>
          {moreLabel}
        </Link>
      ) : (
        endText && <p className="py-4 text-center text-sm text-muted">{endText}</p>
      )}
    </div>
  );
}
