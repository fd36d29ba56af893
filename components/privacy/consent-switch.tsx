'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/action-state';
import { cn } from '@/lib/cn';
import { setConsentAction } from '@/lib/privacy/actions';

/** One consent: its sentence and a switch that changes it in one click. */
export function ConsentSwitch({ kind, label, explanation, on }: { kind: string; label: string; explanation: string; on: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setConsentAction, {});
  const id = `consent-${kind}`;
  return (
    <form action={action} className="flex items-start justify-between gap-4 py-3">
      <div>
        <p id={`${id}-label`} className="font-medium">
          {label}
        </p>
        <p id={`${id}-explanation`} className="text-sm text-muted">
          {explanation}
        </p>
        {state.error && (
          <p role="alert" className="text-sm text-danger">
            {state.error}
          </p>
        )}
        {state.success && (
          <p role="status" className="text-sm text-success">
            {state.success}
          </p>
        )}
      </div>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="value" value={on ? 'off' : 'on'} />
      <button
        type="submit"
        role="switch"
        aria-checked={on}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-explanation`}
        disabled={pending}
        className={cn(
          'relative mt-1 inline-flex h-7 w-12 shrink-0 items-center rounded-full border border-line transition disabled:opacity-60',
          on ? 'bg-accent' : 'bg-raised',
        )}
      >
        <span className={cn('inline-block h-5 w-5 rounded-full bg-surface shadow transition', on ? 'translate-x-6' : 'translate-x-1')} />
      </button>
    </form>
  );
}
