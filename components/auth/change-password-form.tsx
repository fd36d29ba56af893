'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { changePasswordAction } from '@/lib/auth/actions';
import { FormAlert } from './form-alert';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Change password" noValidate>
      <FormAlert message={state.error} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={e.currentPassword} />
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={10} error={e.newPassword} hint="At least 10 characters." />
      <Field label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required error={e.confirmPassword} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
