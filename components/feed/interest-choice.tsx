'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/action-state';
import { cn } from '@/lib/cn';
import { setInterestChoiceAction } from '@/lib/recommend/actions';

const choices = [
  { value: 'follow', label: 'Follow' },
  { value: 'more', label: 'More' },
  { value: 'less', label: 'Less' },
  { value: 'hide', label: 'Hide' },
  { value: 'none', label: 'Neutral' },
] as const;

/**
 * Follow / more / less / hide for one topic: discrete choices, not a numeric slider. The clicked button is the value.
 * Only a choice the person made is filled in the accent; Neutral, the default, is marked quietly, so in a long list
 * the eye finds what was chosen.
 */
export function InterestChoice({ tag, current }: { tag: string; current: string | null }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setInterestChoiceAction, {});
  const selected = current ?? 'none';
  return (
    <form action={action} aria-label={`How much #${tag} you see`} className="flex flex-col gap-1">
      <input type="hidden" name="tag" value={tag} />
      <div role="group" aria-label={`#${tag}`} className="inline-flex flex-wrap overflow-hidden rounded-lg border border-line">
        {choices.map((c) => (
          <button
            key={c.value}
            type="submit"
            name="choice"
            value={c.value}
            disabled={pending}
            aria-pressed={selected === c.value}
            className={cn(
              'px-2.5 py-1 text-xs font-medium transition disabled:opacity-60',
              selected !== c.value
                ? 'bg-surface text-ink hover:bg-raised'
                : c.value === 'none'
                  ? 'bg-raised text-muted'
                  : c.value === 'hide'
                    ? 'bg-danger text-danger-ink'
                    : 'bg-accent text-accent-ink',
            )}
          >
            {c.label}
          </button>
        ))}
      </div>
      <p aria-live="polite" className={cn('text-xs', state.error ? 'text-danger' : 'text-muted')}>
        {state.error ?? state.success ?? ''}
      </p>
    </form>
  );
}
