'use client';

import { PartyPopper } from '@/components/ui/icons';
import { useOptimistic, useState, useTransition } from 'react';
import { congratulateAction } from '@/lib/milestones/actions';
import { cn } from '@/lib/cn';

/** "Congratulate" with its count, like a reaction: it answers at once, and the server confirms (or puts it back). */
export function CongratulateButton({ milestoneId, name, count, congratulated }: { milestoneId: string; name: string; count: number; congratulated: boolean }) {
  const [state, setState] = useState({ count, on: congratulated });
  const [optimistic, flip] = useOptimistic(state, (s) => ({ count: s.count + (s.on ? -1 : 1), on: !s.on }));
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      flip(undefined);
      const data = new FormData();
      data.set('milestoneId', milestoneId);
      const result = await congratulateAction({}, data);
      if (result.error) setError(result.error);
      else {
        setError(null);
        setState((s) => ({ count: s.count + (s.on ? -1 : 1), on: !s.on }));
      }
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={toggle}
        aria-pressed={optimistic.on}
        aria-label={`Congratulate ${name}`}
        className={cn(
          'inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-sm font-medium transition',
          optimistic.on ? 'border-transparent bg-accent-soft text-accent' : 'border-line bg-surface hover:bg-raised',
        )}
      >
        <PartyPopper aria-hidden="true" className="size-4" />
        {optimistic.on ? 'Congratulated' : 'Congratulate'}
        <span className="tabular-nums text-muted" aria-label={`${optimistic.count} ${optimistic.count === 1 ? 'congratulation' : 'congratulations'}`}>
          {optimistic.count}
        </span>
      </button>
      {error && (
        <span role="status" className="text-sm text-danger">
          {error}
        </span>
      )}
    </div>
  );
}
