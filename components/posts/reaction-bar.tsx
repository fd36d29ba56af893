'use client';

import { SmilePlus } from '@/components/ui/icons';
import { useOptimistic, useState, useTransition, type FormEvent } from 'react';
import { plainFormAction } from '@/components/ui/form-action';
import { Emoji, emojiMarkup } from '@/components/ui/emoji';
import { element, Noscript } from '@/components/ui/noscript';
import { useConfirmed } from '@/components/ui/use-confirmed';
import { cn } from '@/lib/cn';
import { memo } from '@/lib/memo';
import { hearthEmoji, type HearthEmoji } from '@/lib/emoji';
import { toggleReactionAction } from '@/lib/posts/actions';

const emoji = ['❤️', '👍', '🎉', '😂', '🤔', '🙏'] as const;
const names: Record<string, string> = Object.fromEntries(Object.entries(hearthEmoji).map(([e, { name }]) => [e, name]));

type State = { counts: Record<string, number>; mine: string[] };

// At most 64 sets: the bound is never reached.
const noscriptButtons = memo<string>(64);

/**
 * The buttons of the reactions not shown, for browsers without JavaScript: the same for every post missing the same
 * ones (at most 64 sets), so written once each.
 */
export function otherReactions(missing: readonly HearthEmoji[]): string {
  return noscriptButtons(missing.join(''), () =>
    missing
      .map((e) =>
        element(
          'button',
          { type: 'submit', value: e, 'aria-label': `React with ${names[e]}: 0`, class: 'inline-flex items-center rounded-full border border-line px-2 py-0.5 text-sm', name: 'emoji' },
          { inner: emojiMarkup(e) },
        ),
      )
      .join(''),
  );
}

/** The state with the viewer's reaction `e` on or off (unchanged when it already is). */
function withReaction(current: State, e: string, on: boolean): State {
  if (current.mine.includes(e) === on) return current;
  return {
    counts: { ...current.counts, [e]: Math.max(0, (current.counts[e] ?? 0) + (on ? 1 : -1)) },
    mine: on ? [...current.mine, e] : current.mine.filter((m) => m !== e),
  };
}

/**
 * One toggle per emoji, in a real form: before the page's JavaScript has loaded, a reaction posts the form to the
 * Server Action and the page comes back with it. Once hydrated, the count moves at once and settles when the server
 * answers, without the page being rendered again around it.
 */
export function ReactionBar({ postId, counts, mine, canReact }: { postId: string; counts: Record<string, number>; mine: string[]; canReact: boolean }) {
  const [pending, startTransition] = useTransition();
  const [confirmed, setConfirmed] = useConfirmed<State>({ counts, mine }, [counts, mine]);
  const [state, toggle] = useOptimistic<State, { e: string; on: boolean }>(confirmed, (current, { e, on }) => withReaction(current, e, on));
  const [picking, setPicking] = useState(false);
  // Emoji used during this visit stay where they are (at 0 too), so the button the person pressed keeps its focus.
  const [touched, setTouched] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Only reactions someone gave are shown; the rest appear when the person chooses to add one.
  const shown = emoji.filter((e) => (state.counts[e] ?? 0) > 0 || state.mine.includes(e) || touched.includes(e) || (canReact && picking));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const e = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
    if (!e) return;
    const on = !state.mine.includes(e);
    setTouched((t) => (t.includes(e) ? t : [...t, e]));
    startTransition(async () => {
      toggle({ e, on });
      const data = new FormData();
      data.set('postId', postId);
      data.set('emoji', e);
      const result = await toggleReactionAction({}, data);
      setError(result.error ?? null);
      if (!result.error) setConfirmed((current) => withReaction(current, e, on));
    });
  };
  return (
    // The group is a div inside the form: ARIA allows no role on <form> but its own (axe: aria-allowed-role).
    // The form's action serves the browser before hydration (a plain POST); afterwards onSubmit answers in place.
    <form action={plainFormAction(toggleReactionAction)} onSubmit={onSubmit}>
      <input type="hidden" name="postId" value={postId} />
      <div role="group" aria-label="Reactions" className="flex flex-wrap items-center gap-1.5" aria-busy={pending}>
        {shown.map((e) => {
          const n = state.counts[e] ?? 0;
          const on = state.mine.includes(e);
          const label = `${names[e]}: ${n}${on ? ', including you' : ''}`;
          if (!canReact) {
            return (
              <span key={e} className="inline-flex items-center gap-1 rounded-full border border-line px-2 py-0.5 text-sm">
                <Emoji emoji={e} label="" />
                <span aria-hidden="true">{n}</span>
                {/* Read-only: plain text for screen readers (aria-label is not allowed on a span without a role). */}
                <span className="sr-only">{label}</span>
              </span>
            );
          }
          return (
            <button
              key={e}
              type="submit"
              name="emoji"
              value={e}
              aria-pressed={on}
              // The visible count is part of the name (axe: label-content-name-mismatch; a parenthesis would not count).
              aria-label={`React with ${names[e]}: ${n}`}
              className={cn(
                'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm transition hover:bg-raised',
                on ? 'border-accent bg-accent-soft' : 'border-line',
                n === 0 && !on && 'opacity-60',
              )}
            >
              <Emoji emoji={e} label="" />
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
            className="inline-flex items-center rounded-full border border-line px-2 py-0.5 text-muted hover:bg-raised hover:text-ink noscript:hidden"
          >
            <SmilePlus aria-hidden="true" className="size-4" />
          </button>
        )}
        {canReact && shown.length < emoji.length && (
          // Without JavaScript the picker cannot open: every other reaction is offered as it is (never hydrated).
          <Noscript html={otherReactions(emoji.filter((e) => !shown.includes(e)))} />
        )}
        {error && (
          <span role="status" className="text-sm text-danger">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}
