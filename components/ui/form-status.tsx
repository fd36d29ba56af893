import type { ActionState } from '@/lib/action-state';
import { cn } from '@/lib/cn';

/**
 * What a Server Action answered, announced beside its form: the error to act on (role="alert", scoped to the form
 * rather than Next's route announcer), else what happened (role="status"). Field errors are joined into the alert,
 * except those the form shows beside their own fields (`besideFields`), which leave the alert out altogether.
 */
export function FormStatus({
  state,
  besideFields,
  quietSuccess = false,
  className,
}: {
  state: ActionState;
  /** Fields that show their own error: when one of them has an error, no form-level alert repeats it. */
  besideFields?: readonly string[];
  /** Announce the success to screen readers only (the change itself is visible). */
  quietSuccess?: boolean;
  className?: string;
}) {
  const fieldErrors = state.fieldErrors ?? {};
  const shownBeside = besideFields?.some((f) => fieldErrors[f]) ?? false;
  const alert = besideFields ? (shownBeside ? undefined : state.error) : Object.values(fieldErrors).join(' ') || state.error;
  if (alert) {
    return (
      <p role="alert" className={cn('text-sm text-danger', className)}>
        {alert}
      </p>
    );
  }
  if (state.success && !state.error && !shownBeside) {
    return (
      <p role="status" className={quietSuccess ? 'sr-only' : cn('text-sm text-success', className)}>
        {state.success}
      </p>
    );
  }
  return null;
}
