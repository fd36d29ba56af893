'use client';

import { PartyPopper } from '@/components/ui/icons';
import { useActionState, useOptimistic, useState, useTransition, type FormEvent } from 'react';
import { useConfirmed } from '@/components/ui/use-confirmed';
import { congratulateAction } from '@/lib/milestones/actions';
import { cn } from '@/lib/cn';

type State = { count: number; on: boolean };

const turned = (s: State, on: boolean): State => (s.on === on ? s : { count: Math.max(0, s.count + (on ? 1 : -1)), on });

/**
 * "Congratulate" with its count, like a reaction, in a real form: before the page's JavaScript has loaded it posts
 * to the Server Action; once hydrated it answers at once, and the server confirms (or puts it back).
 */
export function CongratulateButton({ milestoneId, name, count, congratulated }: { milestoneId: string; name: string; count: number; congratulated: boolean }) {
  const [state, setState] = useConfirmed<State>({ count, on: congratulated }, [count, congratulated]);
  const [optimistic, turn] = useOptimistic(state, turned);
  const [answer, formAction] = useActionState(congratulateAction, {});
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const on = !optimistic.on;
    startTransition(async () => {
      turn(on);
      const data = new FormData();
      data.set('milestoneId', milestoneId);
      const result = await congratulateAction({}, data);
      setError(result.error ?? null);
      if (!result.error) setState((s) => turned(s, on));
    });
  };
  const shownError = error ?? answer.error;
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <button
        type="submit"
        aria-pressed={optimistic.on}
        // The name holds the visible words in order ("Congratulate 3"), then whom (axe: label-content-name-mismatch).
        aria-label={`${optimistic.on ? 'Congratulated' : 'Congratulate'} ${optimistic.count} — ${name}`}
        className={cn(
          'inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-sm font-medium transition',
          optimistic.on ? 'border-transparent bg-accent-soft text-accent' : 'border-line bg-surface hover:bg-raised',
        )}
      >
        <PartyPopper aria-hidden="true" className="size-4" />
        {optimistic.on ? 'Congratulated' : 'Congratulate'}{' '}
        {/* The space keeps the word and the count two words for assistive technology (the gap alone is only visual). */}
        <span className="tabular-nums text-muted">{optimistic.count}</span>
      </button>
      {shownError && (
        <span role="status" className="text-sm text-danger">
          {shownError}
        </span>
      )}
    </form>
  );
}
