'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { requestEmailChangeAction } from '@/lib/auth/actions';
import { FormAlert } from './form-alert';

/** New address and current password; the change waits for the link sent to the new address. */
export function ChangeEmailForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(requestEmailChangeAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Change email" noValidate>
      <FormAlert message={state.error} />
      {state.success && (
        <p role="status" className="rounded-lg bg-raised px-3 py-2 text-sm text-success">
          {state.success}
        </p>
      )}
      <Field label="New email address" name="newEmail" type="email" autoComplete="email" required defaultValue={state.values?.newEmail} error={e.newEmail} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={e.currentPassword} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Sending…' : 'Send confirmation link'}
      </Button>
    </form>
  );
}
