import type { Metadata } from 'next';
import { JoinButton } from '@/components/feed/quick-actions';
import { notFound } from 'next/navigation';
import { OpenSignal } from '@/components/feed/signal-tracker';
import { EditableComment } from '@/components/posts/editable-comment';
import { EditPostForm } from '@/components/posts/edit-post-form';
import { PostCard } from '@/components/posts/post-card';
import { ActionForm } from '@/components/ui/action-form';
import { Avatar } from '@/components/ui/avatar';
import { ReportControl } from '@/components/reports/report-control';
import { requireUser } from '@/lib/auth/viewer';
import { personalizationFor } from '@/lib/recommend/profile';
import { getGroupPage } from '@/lib/groups/queries';
import { createCommentAction, deleteCommentAction, deletePostAction, removeCommentAction } from '@/lib/posts/actions';
import { getComments, getPost, type CommentView } from '@/lib/posts/queries';
import { LiveWatch } from '@/components/live/live-provider';
import { LiveRefresh } from '@/components/live/live-refresh';
import { RelativeTime } from '@/components/ui/relative-time';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireUser();
  const post = await getPost(viewer, (await params).id);
  return { title: post ? `${post.author.name}: ${post.body.slice(0, 60)}` : 'Post not found' };
}

function CommentItem({ comment, postId, canReply, canRemove, viewerId }: { comment: CommentView; postId: string; canReply: boolean; canRemove: boolean; viewerId: string }) {
  return (
    <article className="flex gap-3" aria-label={`Comment by ${comment.author.name}`}>
      <Avatar name={comment.author.name} handle={comment.author.handle} image={comment.author.image} size={32} />
      <div className="min-w-0 flex-1">
        <p className="text-sm">
          <a href={`/u/${comment.author.handle}`} className="font-semibold hover:underline">
            {comment.author.name}
          </a>{' '}
          <span className="text-muted">
            · <RelativeTime date={comment.createdAt} />
            {comment.editedAt && (
              <>
                {' · '}
                <time dateTime={comment.editedAt.toISOString()} title={`Edited ${comment.editedAt.toUTCString()}`}>
                  edited
                </time>
              </>
            )}
          </span>
        </p>
        {comment.removed ? (
          <p className="text-sm italic text-muted">
            Removed by a moderator{comment.removedReason !== null ? (comment.removedReason ? `: “${comment.removedReason}” (only you see why)` : ' (only you see this)') : ''}.
          </p>
        ) : (
          <EditableComment commentId={comment.id} body={comment.body} bodyHtml={comment.bodyHtml} canEdit={comment.author.id === viewerId} authorName={comment.author.name}>
            {comment.author.id === viewerId && (
              <ActionForm action={deleteCommentAction} submit="Delete" variant="ghost" size="sm">
                <input type="hidden" name="commentId" value={comment.id} />
              </ActionForm>
            )}
            {comment.author.id !== viewerId && <ReportControl kind="comment" targetId={comment.id} what={`this comment by ${comment.author.name}`} />}
            {canRemove && comment.author.id !== viewerId && (
              <details>
                <summary className="cursor-pointer text-muted">Remove</summary>
                <ActionForm action={removeCommentAction} submit="Remove comment" variant="danger" size="sm" label="Remove comment">
                  <input type="hidden" name="commentId" value={comment.id} />
                  <input name="reason" aria-label="Reason" required minLength={3} placeholder="Reason" className="h-8 rounded-md border border-line bg-surface px-2" />
                </ActionForm>
              </details>
            )}
          </EditableComment>
        )}
        {comment.replies.length > 0 && (
          <ul className="mt-3 flex flex-col gap-3 border-l-2 border-line pl-4" aria-label="Replies">
            {comment.replies.map((reply) => (
              <li key={reply.id}>
                <CommentItem comment={reply} postId={postId} canReply={false} canRemove={canRemove} viewerId={viewerId} />
              </li>
            ))}
          </ul>
        )}
        {canReply && !comment.removed && (
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-muted">Reply</summary>
            <ActionForm action={createCommentAction} submit="Reply" size="sm" resetOnSuccess label={`Reply to ${comment.author.name}`}>
              <input type="hidden" name="postId" value={postId} />
              <input type="hidden" name="parentId" value={comment.id} />
              <textarea name="body" aria-label="Your reply" required maxLength={3000} rows={2} className="w-full rounded-lg border border-line bg-surface px-3 py-2" />
            </ActionForm>
          </details>
        )}
      </div>
    </article>
  );
}

export default async function PostPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireUser(`/p/${id}`);
  const post = await getPost(viewer, id);
  if (!post) notFound();
  const [comments, group, personalization] = await Promise.all([
    getComments(viewer, post.id),
    post.group ? getGroupPage(viewer, post.group.slug) : Promise.resolve(null),
    personalizationFor(viewer.id),
  ]);
  const recordOpen = personalization.recordActivity && personalization.mode !== 'chronological' && !post.isAuthor;
  const can = group ? group.can : { react: true, comment: true, pin: false, lock: false, removeContent: false };
  const mayComment = can.comment && !post.commentsLocked && !post.removed;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="sr-only">Post by {post.author.name}</h1>
      {/* New comments and reactions fill in as they arrive (components/live). */}
      <LiveWatch post={post.id} />
      <LiveRefresh kinds={['comment', 'reaction']} announce="New comments or reactions arrived" />
      <PostCard post={post} can={can} joinHint={false} />
      {recordOpen && <OpenSignal postId={post.id} />}
      {post.isAuthor && (
        <div className="flex flex-col gap-2">
          {!post.removed && <EditPostForm postId={post.id} body={post.body} tags={post.tags} />}
          <ActionForm action={deletePostAction} submit="Delete this post" variant="ghost" size="sm">
            <input type="hidden" name="postId" value={post.id} />
          </ActionForm>
        </div>
      )}
      <section aria-labelledby="comments" className="flex flex-col gap-4">
        <h2 id="comments" className="text-lg font-semibold">
          Comments
        </h2>
        {mayComment ? (
          <ActionForm action={createCommentAction} submit="Comment" resetOnSuccess label="Write a comment" className="flex-col items-stretch">
            <input type="hidden" name="postId" value={post.id} />
            <label className="flex flex-col gap-1.5 text-sm font-medium">
              Your comment
              <textarea name="body" required maxLength={3000} rows={3} className="rounded-lg border border-line bg-surface px-3 py-2 text-base font-normal" />
            </label>
          </ActionForm>
        ) : (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
            <p>
              {post.commentsLocked
                ? 'Comments are locked on this post.'
                : post.removed
                  ? 'This post was removed.'
                  : post.group && !post.viewerIsMember
                    ? `Join ${post.group.name} to react and comment.`
                    : 'Your role in this group cannot comment here.'}
            </p>
            {!post.commentsLocked && !post.removed && post.group && !post.viewerIsMember && <JoinButton groupId={post.group.id} name={post.group.name} />}
          </div>
        )}
        {comments.length === 0 ? (
          <p className="text-sm text-muted">No comments yet.</p>
        ) : (
          <ul className="flex flex-col gap-5" aria-label="Comments">
            {comments.map((c) => (
              <li key={c.id}>
                <CommentItem comment={c} postId={post.id} canReply={mayComment} canRemove={can.removeContent} viewerId={viewer.id} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
