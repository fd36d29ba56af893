'use client';

import { Bookmark } from '@/components/ui/icons';
import { useOptimistic, useTransition, type FormEvent } from 'react';
import { plainFormAction } from '@/components/ui/form-action';
import { useConfirmed } from '@/components/ui/use-confirmed';
import { cn } from '@/lib/cn';
import { toggleBookmarkAction } from '@/lib/posts/actions';

/**
 * A bookmark toggle in a real form: before the page's JavaScript has loaded (or without it), pressing it posts the
 * form to the Server Action and the page comes back with the bookmark. Once hydrated it answers in place.
 */
export function BookmarkButton({ postId, bookmarked }: { postId: string; bookmarked: boolean }) {
  const [, startTransition] = useTransition();
  // Held here once the server confirms: the action does not render the page again around it.
  const [confirmed, setConfirmed] = useConfirmed(bookmarked);
  const [on, setOn] = useOptimistic(confirmed);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      const next = !on;
      setOn(next);
      const data = new FormData();
      data.set('postId', postId);
      data.set('on', String(next));
      const result = await toggleBookmarkAction({}, data);
      if (!result.error) setConfirmed(next);
    });
  };
  return (
    // The form's action serves the browser before hydration (a plain POST); afterwards onSubmit answers in place.
    <form action={plainFormAction(toggleBookmarkAction)} onSubmit={onSubmit} className="contents">
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="on" value={String(!on)} />
      <button
        type="submit"
        aria-pressed={on}
        aria-label={on ? 'Remove bookmark' : 'Bookmark'}
        title={on ? 'Remove bookmark' : 'Bookmark'}
        // Positioned, so it is above the author line's overflow (a truncated time link ran under it: axe target-size).
        className={cn('relative shrink-0 rounded-md p-1.5 text-muted hover:bg-raised hover:text-ink', on && 'text-accent')}
      >
        <Bookmark aria-hidden="true" className={cn('size-4', on && 'fill-current')} />
      </button>
    </form>
  );
}
