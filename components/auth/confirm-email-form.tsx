'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/action-state';
import { confirmEmailChangeAction } from '@/lib/auth/actions';
import { FormAlert } from './form-alert';

/** One button: confirming is a POST, so a mail scanner opening the link changes nothing. */
export function ConfirmEmailForm({ token, newEmail, sameAddress = false }: { token: string; newEmail: string; sameAddress?: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(confirmEmailChangeAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" aria-label={sameAddress ? 'Confirm email address' : 'Confirm new email'}>
      <FormAlert message={state.error} />
      <input type="hidden" name="token" value={token} />
      {sameAddress ? (
        <>
          <p>
            Confirm that <strong className="break-all">{newEmail}</strong> is your address? Nothing else changes.
          </p>
          <Button type="submit" disabled={pending} className="self-start">
            {pending ? 'Confirming…' : 'Confirm my address'}
          </Button>
        </>
      ) : (
        <>
          <p>
            Use <strong className="break-all">{newEmail}</strong> as your email address from now on? Every other device will be signed out.
          </p>
          <Button type="submit" disabled={pending} className="self-start">
            {pending ? 'Confirming…' : 'Confirm new email'}
          </Button>
        </>
      )}
    </form>
  );
}
