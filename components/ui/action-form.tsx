'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import type { ActionState } from '@/lib/action-state';
import { cn } from '@/lib/cn';
import { Button, type ButtonVariant } from './button';
import { FormStatus } from './form-status';

type ServerAction = (state: ActionState, data: FormData) => Promise<ActionState>;

/** What a form around one Server Action is told: ActionForm's, and ActionButton's (components/ui/action-button.tsx). */
export type ActionControlProps = {
  action: ServerAction;
  /** Fields (hidden ones, for a button). */
  children?: ReactNode;
  submit: ReactNode;
  pending?: string;
  variant?: ButtonVariant;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
  /** Accessible name of the form, when the page has several. */
  label?: string;
  /** False when the page says what happened elsewhere (a folded post's notice): the form then shows errors only. */
  announceSuccess?: boolean;
};

/**
 * A small form around one Server Action: a submit button with a pending state, and the action's answer
 * (an error to act on, or what happened) announced beside it. Fields are its children.
 */
export function ActionForm({
  action,
  children,
  submit,
  pending: pendingLabel,
  variant = 'primary',
  size = 'md',
  className,
  resetOnSuccess = false,
  label,
  onAnswer,
  announceSuccess = true,
}: ActionControlProps & {
  resetOnSuccess?: boolean;
  /** Told each answer the action gives (in the browser, once hydrated): for a page that acts on it beyond the form. */
  onAnswer?: (state: ActionState) => void;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.success) ref.current?.reset();
  }, [state, resetOnSuccess]);
  // Each answer once (the first state is no answer), however often the page renders around it.
  const told = useRef(state);
  useEffect(() => {
    if (state === told.current) return;
    told.current = state;
    onAnswer?.(state);
  }, [state, onAnswer]);
  return (
    <form
      ref={ref}
      action={formAction}
      // A second submit while the first is on its way is ignored (the button is not disabled: disabling the focused
      // button would drop the person's focus to the page).
      onSubmit={(event) => pending && event.preventDefault()}
      aria-label={label}
      className={cn('flex flex-wrap items-end gap-2', className)}
    >
      {children}
      <Button type="submit" variant={variant} size={size} aria-disabled={pending || undefined}>
        {pending ? (pendingLabel ?? 'Working…') : submit}
      </Button>
      <FormStatus state={announceSuccess ? state : { ...state, success: undefined }} className="basis-full" />
    </form>
  );
}
