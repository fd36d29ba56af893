'use client';

import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { Lock, MessageCircle, Pin } from '@/components/ui/icons';
import { Avatar } from '@/components/ui/avatar';
import { ActionForm } from '@/components/ui/action-form';
import { plural } from '@/lib/format';
import { RelativeTime } from '@/components/ui/relative-time';
import { lockCommentsAction, pinPostAction, removePostAction } from '@/lib/posts/actions';
import type { PostCard as PostCardData } from '@/lib/posts/queries';
import { BookmarkButton } from './bookmark-button';
import { ReactionBar } from './reaction-bar';
import { ReportControl } from '@/components/reports/report-control';
import { JoinButton } from '@/components/feed/quick-actions';
import { CollapsiblePost } from '@/components/feed/collapsible-post';
import { inAppLinks } from './in-app-links';

export type PostAbilities = { react?: boolean; pin?: boolean; lock?: boolean; removeContent?: boolean };

/** One post: who, where, when, what, and what the viewer may do with it. */
export function PostCard({
  post,
  can = {},
  badge,
  reason,
  extra,
  joinHint = true,
}: {
  post: PostCardData;
  can?: PostAbilities;
  badge?: { name: string; color: string };
  /** Under the author line, one quiet line: why it is in this feed. */
  reason?: ReactNode;
  /** Below the post: the feed's controls for it. */
  extra?: ReactNode;
  /** "Join the group to react" with a Join button, for group posts the viewer has not joined (off where the page says it itself). */
  joinHint?: boolean;
}) {
  const moderation = post.group && (can.pin || can.lock || can.removeContent) && !post.removed;
  const router = useRouter();
  return (
    // Its links are plain <a>s, followed in the app by the card (./in-app-links.ts), the reasons' links too.
    <article className="rounded-xl border border-line bg-surface p-4 sm:p-5" aria-labelledby={`post-${post.id}-author`} data-post-id={post.id} {...inAppLinks(router)}>
      {/* A post with the feed's controls can fold to a notice ("show less", with Undo); elsewhere it is just the post. */}
      <CollapsiblePost postId={post.id} foldable={Boolean(extra)}>
        {post.pinned && (
          <p className="mb-2 inline-flex items-center gap-1 text-xs font-medium text-accent">
            <Pin aria-hidden="true" className="size-3.5" /> Pinned
          </p>
        )}
        <header className="flex items-center gap-3">
          <Avatar name={post.author.name} handle={post.author.handle} image={post.author.image} size={40} />
          <div className="min-w-0 flex-1 text-sm">
            <p className="truncate">
              <a id={`post-${post.id}-author`} href={`/u/${post.author.handle}`} className="font-semibold hover:underline">
                {post.author.name}
              </a>{' '}
              {badge && (
                <span className="mr-1 rounded px-1.5 py-0.5 text-xs font-medium text-white" style={{ backgroundColor: badge.color }}>
                  {badge.name}
                </span>
              )}
              <span className="text-muted">{`@${post.author.handle}`}</span>
            </p>
            {/* A 24 px line, and its links padded to fill it: each is a touch target of 24 px (axe target-size) without overlapping the line above. */}
            <p className="truncate leading-6 text-muted">
              {post.group && (
                <>
                  {'in '}
                  <a href={`/g/${post.group.slug}`} className="py-1 font-medium text-ink hover:underline">
                    {post.group.name}
                  </a>
                  {post.channel && (
                    <>
                      {' '}
                      <a href={`/g/${post.group.slug}?channel=${post.channel.name}`} className="py-1 hover:underline">
                        {`#${post.channel.name}`}
                      </a>
                    </>
                  )}
                  {' · '}
                </>
              )}
              <a href={`/p/${post.id}`} className="py-1 hover:underline">
                <RelativeTime date={post.createdAt} />
              </a>
              {post.editedAt && <span> · edited</span>}
            </p>
          </div>
          {!post.removed && post.viewerSignedIn && <BookmarkButton postId={post.id} bookmarked={post.bookmarked} />}
        </header>
        {reason}
        {post.removed && (
          <p role="note" className="mt-3 rounded-lg border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
            The group’s moderators removed this post{post.removed.reason ? `: “${post.removed.reason}”` : '.'} Only you can still see it.
          </p>
        )}
        {post.bodyHtml ? (
          // Sanitized once on write by lib/markdown (an allowlist: no raw HTML, no scripts, safe links only).
          <div className="markdown mt-3 break-words leading-relaxed" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
        ) : (
          <p className="mt-3 whitespace-pre-wrap break-words leading-relaxed">{post.body}</p>
        )}
        {post.images.length > 0 && (
          <ul className={`mt-3 grid gap-2 ${post.images.length > 1 ? 'grid-cols-2' : 'grid-cols-1'}`} aria-label="Images">
            {post.images.map((image) => (
              <li key={image.id}>
                <a href={`/api/media/${image.id}/1280`} className="block overflow-hidden rounded-lg border border-line">
                  {/* eslint-disable-next-line @next/next/no-img-element -- served by our own media route, already resized */}
                  <img src={`/api/media/${image.id}/640`} alt={image.alt} width={image.width} height={image.height} loading="lazy" className="h-auto w-full object-cover" />
                </a>
              </li>
            ))}
          </ul>
        )}
        {post.tags.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-2 text-sm" aria-label="Tags">
            {post.tags.map((tag) => (
              <li key={tag}>
                <a href={`/t/${tag}`} className="text-accent hover:underline">
                  {`#${tag}`}
                </a>
              </li>
            ))}
          </ul>
        )}
        <footer className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-muted">
          <ReactionBar postId={post.id} counts={post.reactions} mine={post.viewerReactions} canReact={Boolean(can.react) && !post.removed && post.viewerSignedIn} />
          <a href={`/p/${post.id}`} className="inline-flex items-center gap-1 hover:text-ink hover:underline">
            {post.commentsLocked ? <Lock aria-hidden="true" className="size-4" /> : <MessageCircle aria-hidden="true" className="size-4" />}
            {plural(post.commentCount, 'comment')}
            {post.commentsLocked && <span className="sr-only"> (locked)</span>}
          </a>
        </footer>
        {joinHint && post.viewerSignedIn && post.group && !post.viewerIsMember && !post.removed && (
          <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
            <p>Join {post.group.name} to react and comment.</p>
            <JoinButton groupId={post.group.id} name={post.group.name} />
          </div>
        )}
        {post.viewerSignedIn && !post.isAuthor && !post.removed && <ReportControl kind="post" targetId={post.id} what={`this post by ${post.author.name}`} className="mt-2" />}
        {moderation && (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-muted hover:text-ink">Moderate</summary>
            <div className="mt-2 flex flex-col gap-3 rounded-lg border border-line p-3">
              {can.pin && (
                <ActionForm action={pinPostAction} submit={post.pinned ? 'Unpin' : 'Pin to top'} variant="secondary" size="sm">
                  <input type="hidden" name="postId" value={post.id} />
                  <input type="hidden" name="on" value={String(!post.pinned)} />
                </ActionForm>
              )}
              {can.lock && (
                <ActionForm action={lockCommentsAction} submit={post.commentsLocked ? 'Unlock comments' : 'Lock comments'} variant="secondary" size="sm">
                  <input type="hidden" name="postId" value={post.id} />
                  <input type="hidden" name="on" value={String(!post.commentsLocked)} />
                </ActionForm>
              )}
              {can.removeContent && (
                <ActionForm action={removePostAction} submit="Remove post" variant="danger" size="sm" label="Remove post">
                  <input type="hidden" name="postId" value={post.id} />
                  <label className="flex flex-1 flex-col gap-1">
                    <span>Reason (the author sees it)</span>
                    <input name="reason" required minLength={3} maxLength={500} className="h-8 rounded-md border border-line bg-surface px-2" />
                  </label>
                </ActionForm>
              )}
            </div>
          </details>
        )}
        {extra}
      </CollapsiblePost>
    </article>
  );
}
