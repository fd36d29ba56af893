'use client';

import { useState, useTransition, type FormEvent } from 'react';
import type { ActionState } from '@/lib/action-state';
import { cn } from '@/lib/cn';
import type { ActionControlProps } from './action-form';
import { Button } from './button';
import { plainFormAction } from './form-action';
import { FormStatus } from './form-status';

/**
 * One button that runs one Server Action (Follow, Join, removing a goal): the light sibling of ActionForm for controls
 * repeated down a page. Before the page's JavaScript has loaded, or without it, the button posts a plain form and the
 * page comes back with the change. Once hydrated it answers in place: a pending label, then the action's answer
 * (an error to act on, or what happened) announced beside it, as ActionForm does.
 *
 * Why not ActionForm: useActionState makes React render each such form with four hidden fields (the action, its
 * bound state, the initial state and a key hashed for it) and encode them on every render; for a button whose answer
 * is a sentence, a transition and a state say the same (bench/README.md, eleventh round).
 */
export function ActionButton({
  action,
  children,
  submit,
  pending: pendingLabel,
  variant = 'secondary',
  size = 'sm',
  className,
  buttonClassName,
  label,
  announceSuccess = true,
}: ActionControlProps & {
  buttonClassName?: string;
}) {
  const [answer, setAnswer] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A second press while the first is on its way is ignored (the button stays enabled so it keeps its focus).
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const state = await action({}, data);
      setAnswer(state);
    });
  };
  return (
    <form action={plainFormAction(action)} onSubmit={onSubmit} aria-label={label} className={cn('flex flex-wrap items-end gap-2', className)}>
      {children}
      <Button type="submit" variant={variant} size={size} className={buttonClassName} aria-disabled={pending || undefined}>
        {pending ? (pendingLabel ?? 'Working…') : submit}
      </Button>
      <FormStatus state={announceSuccess ? answer : { ...answer, success: undefined }} className="basis-full" />
    </form>
  );
}
