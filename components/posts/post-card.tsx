import Link from 'next/link';
import { MessageCircle } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { plural, timeAgo } from '@/lib/format';
import type { PostCard as PostCardData } from '@/lib/posts/queries';

export function PostCard({ post }: { post: PostCardData }) {
  const reactionEntries = Object.entries(post.reactions).sort((a, b) => b[1] - a[1]);
  const reactionTotal = reactionEntries.reduce((n, [, c]) => n + c, 0);
  return (
    <article className="rounded-xl border border-line bg-surface p-4 sm:p-5" aria-labelledby={`post-${post.id}-author`}>
      <header className="flex items-center gap-3">
        <Avatar name={post.author.name} handle={post.author.handle} image={post.author.image} size={40} />
        <div className="min-w-0 flex-1 text-sm">
          <p className="truncate">
            <Link id={`post-${post.id}-author`} href={`/u/${post.author.handle}`} className="font-semibold hover:underline">
              {post.author.name}
            </Link>{' '}
            <span className="text-muted">@{post.author.handle}</span>
          </p>
          <p className="truncate text-muted">
            {post.group && (
              <>
                in{' '}
                <Link href={`/g/${post.group.slug}`} className="font-medium text-ink hover:underline">
                  {post.group.name}
                </Link>{' '}
                ·{' '}
              </>
            )}
            <time dateTime={post.createdAt.toISOString()} title={post.createdAt.toUTCString()}>
              {timeAgo(post.createdAt)}
            </time>
            {post.editedAt && <span> · edited</span>}
          </p>
        </div>
      </header>
      <p className="mt-3 whitespace-pre-wrap break-words leading-relaxed">{post.body}</p>
      <footer className="mt-3 flex flex-wrap items-center gap-3 text-sm text-muted">
        {reactionTotal > 0 && (
          <span aria-label={plural(reactionTotal, 'reaction')} className="inline-flex items-center gap-1">
            <span aria-hidden="true">{reactionEntries.slice(0, 3).map(([emoji]) => emoji).join('')}</span>
            <span aria-hidden="true">{reactionTotal}</span>
          </span>
        )}
        <span className="inline-flex items-center gap-1">
          <MessageCircle aria-hidden="true" className="size-4" />
          {plural(post.commentCount, 'comment')}
        </span>
      </footer>
    </article>
  );
}
