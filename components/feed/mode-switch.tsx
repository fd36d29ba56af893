'use client';

import { useState, useTransition, type FormEvent } from 'react';
import { buttonClass } from '@/components/ui/button';
import { plainFormAction } from '@/components/ui/form-action';
import { FormStatus } from '@/components/ui/form-status';
import type { FeedMode } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import { setFeedModeAction } from '@/lib/recommend/actions';

/**
 * The feed modes as one form, a button per mode (the pressed one sends its value). Before hydration, or without
 * JavaScript, a plain POST and the page comes back in the new mode; after, the action runs in place, the page renders
 * again around the pressed button (which keeps its focus), and its answer is announced beside the buttons.
 */
export function ModeSwitch({ current, modes }: { current: FeedMode; modes: { mode: FeedMode; label: string; hint: string }[] }) {
  const [answer, setAnswer] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const mode = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
    if (!mode || pending) return;
    const data = new FormData();
    data.set('mode', mode);
    startTransition(async () => setAnswer(await setFeedModeAction({}, data)));
  };
  return (
    <>
      <form action={plainFormAction(setFeedModeAction)} onSubmit={onSubmit} className="flex flex-wrap gap-1">
        {modes.map((m) => (
          <button
            key={m.mode}
            type="submit"
            name="mode"
            value={m.mode}
            title={m.hint}
            aria-disabled={pending || undefined}
            className={buttonClass(m.mode === current ? 'primary' : 'ghost', 'sm', 'flex-1')}
          >
            <span aria-current={m.mode === current ? 'page' : undefined}>{m.label}</span>
          </button>
        ))}
      </form>
      <FormStatus state={answer} className="px-2 py-1" />
    </>
  );
}
