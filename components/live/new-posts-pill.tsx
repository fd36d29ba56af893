'use client';
// "3 new posts": counted as they arrive, shown only when asked for, so nothing moves under the person's eyes. In
// For you the list is ranked again on request (showNewPostsAction); the other views simply read again.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ArrowUp } from '@/components/ui/icons';
import { adoptNextOrder } from '@/components/feed/stable-list';
import { showNewPostsAction } from '@/lib/recommend/actions';
import { useLiveEvent } from './live-provider';

export function NewPostsPill({ rerank = false }: { rerank?: boolean }) {
  const router = useRouter();
  const [count, setCount] = useState(0);
  const [pending, startTransition] = useTransition();
  useLiveEvent(['post'], () => setCount((n) => n + 1));
  const show = () =>
    startTransition(async () => {
      // Asked for: the list the server sends next replaces the one on screen.
      adoptNextOrder();
      if (rerank) await showNewPostsAction({}, new FormData());
      router.refresh();
      setCount(0);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    });
  return (
    <div aria-live="polite" className="sticky top-16 z-20 flex h-0 justify-center overflow-visible">
      {count > 0 && (
        <button
          type="button"
          onClick={show}
          disabled={pending}
          className="inline-flex items-center gap-1.5 rounded-full bg-accent px-4 py-2 text-sm font-semibold text-accent-ink shadow-lg hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-70"
        >
          <ArrowUp aria-hidden="true" className="size-4" />
          {pending ? 'Loading…' : `${count} new ${count === 1 ? 'post' : 'posts'}`}
        </button>
      )}
    </div>
  );
}
