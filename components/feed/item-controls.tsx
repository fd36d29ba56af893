'use client';

import { ActionForm } from '@/components/ui/action-form';
import { LazyDetails } from '@/components/ui/lazy-details';
import type { ActionState } from '@/lib/action-state';
import { muteAction, notInterestedAction, showLessAction, type ShowLessState } from '@/lib/recommend/actions';
import { showLessSummaryId, usePostFold } from './collapsible-post';
import { DurationSelect } from './quick-actions';

/** What the controls need of a post (not the whole card: this crosses to the browser). */
export type ControlledPost = { id: string; author: { id: string; name: string }; tags: string[]; group: { id: string; name: string } | null };

/**
 * "Show less like this" with a scope the person picks (this author, a topic, this group) and a duration, plus
 * "Not interested" and muting the author. Everything here is listed and undoable on /settings/feed. The forms are
 * drawn when the person opens the disclosure: a page of posts does not render forms nobody opened. Without
 * JavaScript the disclosure is a link to /feed/less, where the same forms stand on a page of their own.
 */
export function FeedItemControls({ post }: { post: ControlledPost }) {
  const fold = usePostFold();
  // Once "show less" is saved, the post folds to a notice with Undo (components/feed/collapsible-post.tsx).
  const folding = (state: ActionState) => {
    const { success, undo } = state as ShowLessState;
    if (success && undo) fold?.fold({ message: success, controlId: undo });
  };
  return (
    // Started afresh (closed, no answer shown) each time an undo unfolds the post.
    <LazyDetails
      key={fold?.round ?? 0}
      summaryId={showLessSummaryId(post.id)}
      noscriptHref={`/feed/less?post=${post.id}`}
      className="mt-3 text-sm"
      summaryClassName="cursor-pointer text-muted hover:text-ink"
      summary="Show less like this…"
    >
      <ShowLessForms post={post} onShowLess={folding} announceSuccess={!fold} />
    </LazyDetails>
  );
}

/** The forms themselves: in the card's disclosure, or on /feed/less. */
export function ShowLessForms({ post, onShowLess, announceSuccess = true }: { post: ControlledPost; onShowLess?: (state: ActionState) => void; announceSuccess?: boolean }) {
  return (
      <div className="mt-2 flex flex-col gap-3 rounded-lg border border-line p-3">
        <ActionForm action={showLessAction} onAnswer={onShowLess} announceSuccess={announceSuccess} submit="Show less" pending="Saving…" variant="secondary" size="sm" label="Show less like this">
          <input type="hidden" name="postId" value={post.id} />
          <fieldset className="flex basis-full flex-col gap-1">
            <legend className="mb-1 font-medium">See less of</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="author" defaultChecked /> {post.author.name} (this author)
            </label>
            {post.tags.map((tag) => (
              <label key={tag} className="flex items-center gap-2">
                <input type="radio" name="scope" value={`tag:${tag}`} /> #{tag} (this topic)
              </label>
            ))}
            {post.group && (
              <label className="flex items-center gap-2">
                <input type="radio" name="scope" value="group" /> {post.group.name} (this group)
              </label>
            )}
          </fieldset>
          <DurationSelect defaultValue="90" />
        </ActionForm>
        <div className="flex flex-wrap gap-2">
          <ActionForm action={notInterestedAction} submit="Not interested in this post" pending="Hiding…" variant="ghost" size="sm">
            <input type="hidden" name="postId" value={post.id} />
          </ActionForm>
          <ActionForm action={muteAction} submit={`Mute ${post.author.name}`} pending="Muting…" variant="ghost" size="sm">
            <input type="hidden" name="kind" value="user" />
            <input type="hidden" name="target" value={post.author.id} />
          </ActionForm>
          {post.group && (
            <ActionForm action={muteAction} submit={`Mute ${post.group.name}`} pending="Muting…" variant="ghost" size="sm">
              <input type="hidden" name="kind" value="group" />
              <input type="hidden" name="target" value={post.group.id} />
            </ActionForm>
          )}
        </div>
      </div>
  );
}
