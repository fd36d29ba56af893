'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import type { ActionState } from '@/lib/action-state';
import { cn } from '@/lib/cn';
import { Button, type ButtonVariant } from './button';

type ServerAction = (state: ActionState, data: FormData) => Promise<ActionState>;

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
}: {
  action: ServerAction;
  children?: ReactNode;
  submit: ReactNode;
  pending?: string;
  variant?: ButtonVariant;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
  resetOnSuccess?: boolean;
  /** Accessible name of the form, when the page has several. */
  label?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.success) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const fieldErrors = Object.values(state.fieldErrors ?? {});
  return (
    <form ref={ref} action={formAction} aria-label={label} className={cn('flex flex-wrap items-end gap-2', className)}>
      {children}
      <Button type="submit" variant={variant} size={size} disabled={pending}>
        {pending ? (pendingLabel ?? 'Working…') : submit}
      </Button>
      {(state.error || fieldErrors.length > 0) && (
        <div role="alert" className="basis-full text-sm text-danger">
          {fieldErrors.length > 0 ? fieldErrors.join(' ') : state.error}
        </div>
      )}
      {state.success && !state.error && (
        <p role="status" className="basis-full text-sm text-success">
          {state.success}
        </p>
      )}
    </form>
  );
}
