'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/action-state';
import { unsubscribeAction } from '@/lib/mail/actions';

export function UnsubscribeForm({ token, what }: { token: string; what: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(unsubscribeAction, {});
  if (state.success)
    return (
      <p role="status" className="rounded-lg bg-raised px-3 py-2 text-success">
        {state.success}{' '}
        <Link href="/notifications" className="underline">
          Mail choices
        </Link>
      </p>
    );
  return (
    <form action={action} aria-label="Unsubscribe" className="flex flex-col gap-4">
      <FormAlert message={state.error} />
      <input type="hidden" name="token" value={token} />
      <p>
        Stop getting <strong>{what}</strong> by email? Mail about your account (sign-in links, password resets) still comes: it is how you keep your account.
      </p>
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Unsubscribing…' : `Unsubscribe from ${what}`}
      </Button>
    </form>
  );
}
