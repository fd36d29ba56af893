'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { requestPasswordResetAction } from '@/lib/auth/reset-actions';
import { FormAlert } from './form-alert';

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(requestPasswordResetAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Forgot password" noValidate>
      <FormAlert message={state.error} />
      {state.success && (
        <p role="status" className="rounded-lg bg-raised px-3 py-2 text-sm text-success">
          {state.success}
        </p>
      )}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Sending…' : 'Send me a link'}
      </Button>
    </form>
  );
}
