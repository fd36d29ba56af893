import type { PostCard } from '@/lib/posts/queries';

/** A post named in a page about it (what "show less" or "why" is about): its author, its group and its first lines. */
export function PostExcerpt({ post }: { post: Pick<PostCard, 'author' | 'group' | 'body'> }) {
  return (
    <blockquote className="rounded-xl border border-line bg-surface p-4 text-sm">
      <p className="font-semibold">
        {post.author.name}
        {post.group && <span className="font-normal text-muted"> in {post.group.name}</span>}
      </p>
      <p className="mt-1 line-clamp-4 whitespace-pre-line text-muted">{post.body}</p>
    </blockquote>
  );
}
