'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { resetPasswordAction } from '@/lib/auth/reset-actions';
import { FormAlert } from './form-alert';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(resetPasswordAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Choose a new password" noValidate>
      <FormAlert message={state.error} />
      <input type="hidden" name="token" value={token} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={10} error={e.newPassword} hint="At least 10 characters." />
      <Field label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required error={e.confirmPassword} />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Saving…' : 'Save new password'}
      </Button>
    </form>
  );
}
