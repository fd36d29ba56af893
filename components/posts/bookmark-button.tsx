'use client';

import { Bookmark } from '@/components/ui/icons';
import { useOptimistic, useTransition } from 'react';
import { cn } from '@/lib/cn';
import { toggleBookmarkAction } from '@/lib/posts/actions';

export function BookmarkButton({ postId, bookmarked }: { postId: string; bookmarked: boolean }) {
  const [, startTransition] = useTransition();
  const [on, setOn] = useOptimistic(bookmarked);
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-label={on ? 'Remove bookmark' : 'Bookmark'}
      title={on ? 'Remove bookmark' : 'Bookmark'}
      onClick={() =>
        startTransition(async () => {
          setOn(!on);
          const data = new FormData();
          data.set('postId', postId);
          data.set('on', String(!on));
          await toggleBookmarkAction({}, data);
        })
      }
      className={cn('rounded-md p-1.5 text-muted hover:bg-raised hover:text-ink', on && 'text-accent')}
    >
      <Bookmark aria-hidden="true" className={cn('size-4', on && 'fill-current')} />
    </button>
  );
}
