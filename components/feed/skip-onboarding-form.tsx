'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/action-state';
import { skipOnboardingAction } from '@/lib/recommend/actions';

/** "Skip for now": a form, so it works before JavaScript loads; it records every unanswered consent as off, and logs it. */
export function SkipOnboardingForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(skipOnboardingAction, {});
  return (
    <form action={action} className="mt-6 text-sm">
      <button type="submit" disabled={pending} className="text-muted underline hover:text-ink">
        Skip for now
      </button>{' '}
      <span className="text-muted">— nothing you have not said yes to is turned on.</span>
      {state.error && (
        <p role="alert" className="mt-2 text-danger">
          {state.error}
        </p>
      )}
    </form>
  );
}
