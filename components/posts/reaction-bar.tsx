'use client';

import { SmilePlus } from '@/components/ui/icons';
import { useOptimistic, useState, useTransition } from 'react';
import { cn } from '@/lib/cn';
import { toggleReactionAction } from '@/lib/posts/actions';

const emoji = ['❤️', '👍', '🎉', '😂', '🤔', '🙏'] as const;
const names: Record<string, string> = { '❤️': 'love', '👍': 'thumbs up', '🎉': 'celebrate', '😂': 'laugh', '🤔': 'think', '🙏': 'thanks' };

type State = { counts: Record<string, number>; mine: string[] };

/** One toggle per emoji; the count moves at once and settles when the server answers. */
export function ReactionBar({ postId, counts, mine, canReact }: { postId: string; counts: Record<string, number>; mine: string[]; canReact: boolean }) {
  const [pending, startTransition] = useTransition();
  const [state, toggle] = useOptimistic<State, string>({ counts, mine }, (current, e) => {
    const on = !current.mine.includes(e);
    return {
      counts: { ...current.counts, [e]: Math.max(0, (current.counts[e] ?? 0) + (on ? 1 : -1)) },
      mine: on ? [...current.mine, e] : current.mine.filter((m) => m !== e),
    };
  });
  const [picking, setPicking] = useState(false);
  // Only reactions someone gave are shown; the rest appear when the person chooses to add one.
  const shown = emoji.filter((e) => (state.counts[e] ?? 0) > 0 || state.mine.includes(e) || (canReact && picking));
  return (
    <div role="group" aria-label="Reactions" className="flex flex-wrap gap-1.5" aria-busy={pending}>
      {shown.map((e) => {
        const n = state.counts[e] ?? 0;
        const on = state.mine.includes(e);
        const label = `${names[e]}: ${n}${on ? ', including you' : ''}`;
        if (!canReact) {
          return (
            <span key={e} aria-label={label} className="inline-flex items-center gap-1 rounded-full border border-line px-2 py-0.5 text-sm">
              <span aria-hidden="true">{e}</span>
              <span aria-hidden="true">{n}</span>
            </span>
          );
        }
        return (
          <button
            key={e}
            type="button"
            aria-pressed={on}
            aria-label={`React with ${names[e]} (${n})`}
            onClick={() =>
              startTransition(async () => {
                toggle(e);
                const data = new FormData();
                data.set('postId', postId);
                data.set('emoji', e);
                await toggleReactionAction({}, data);
              })
            }
            className={cn(
              'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm transition hover:bg-raised',
              on ? 'border-accent bg-accent-soft' : 'border-line',
              n === 0 && !on && 'opacity-60',
            )}
          >
            <span aria-hidden="true">{e}</span>
            <span aria-hidden="true" className="tabular-nums">
              {n}
            </span>
          </button>
        );
      })}
      {canReact && shown.length < emoji.length && (
        <button
          type="button"
          aria-expanded={picking}
          aria-label={picking ? 'Hide other reactions' : 'Add a reaction'}
          title={picking ? 'Hide other reactions' : 'Add a reaction'}
          onClick={() => setPicking(!picking)}
          className="inline-flex items-center rounded-full border border-line px-2 py-0.5 text-muted hover:bg-raised hover:text-ink"
        >
          <SmilePlus aria-hidden="true" className="size-4" />
        </button>
      )}
    </div>
  );
}
