'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { finishSignUpAction } from '@/lib/auth/actions';
import { FormAlert } from './form-alert';

/** The last step of signing up: the password typed again, so the link alone never opens an account. */
export function FinishSignUpForm({ token, email, handle }: { token: string; email: string; handle: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(finishSignUpAction, {});
  // Registration needs approval: the account exists, and waits for an admin.
  if (state.success) {
    return (
      <section role="status" aria-labelledby="waiting-heading" className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-6">
        <h2 id="waiting-heading" className="text-lg font-semibold">
          Waiting for approval
        </h2>
        <p>{state.success}</p>
      </section>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Finish creating your account">
      <FormAlert message={state.error} />
      <input type="hidden" name="token" value={token} />
      <p>
        Your account <strong>@{handle}</strong> for <strong className="break-all">{email}</strong> is one step away.
      </p>
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} hint="The password you chose when you signed up." />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create my account'}
      </Button>
    </form>
  );
}
