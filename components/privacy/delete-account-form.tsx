'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { eraseAccountAction } from '@/lib/privacy/actions';

/** Erasing the account: password (when there is one), the handle typed out, and what happens to posts. */
export function DeleteAccountForm({ handle, hasPassword }: { handle: string; hasPassword: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(eraseAccountAction, {});
  const e = state.fieldErrors ?? {};
  const content = state.values?.content;
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Delete my account" noValidate>
      <FormAlert message={state.error} />
      <fieldset className="flex flex-col gap-2" aria-describedby={e.content ? 'erase-content-error' : undefined}>
        <legend className="mb-1 text-sm font-medium">Your posts and comments</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="content" value="delete" defaultChecked={content !== 'keep'} className="mt-1" />
          <span>
            Delete my posts and comments
            <span className="block text-sm text-muted">They disappear from every conversation.</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="content" value="keep" defaultChecked={content === 'keep'} className="mt-1" />
          <span>
            Keep them as [deleted member]
            <span className="block text-sm text-muted">Conversations stay readable; nothing links them to you any more.</span>
          </span>
        </label>
        {e.content && (
          <p id="erase-content-error" className="text-sm text-danger">
            {e.content}
          </p>
        )}
      </fieldset>
      {hasPassword ? (
        <Field label="Your password" name="password" type="password" autoComplete="current-password" required error={e.password} />
      ) : (
        <p className="text-sm text-muted">You sign in without a password here: if you signed in more than 10 minutes ago, sign out and in again first.</p>
      )}
      <Field
        label="Type your handle to confirm"
        name="confirmHandle"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        placeholder={handle}
        defaultValue={state.values?.confirmHandle}
        error={e.confirmHandle}
        hint={`Type ${handle}. This cannot be undone.`}
      />
      <Button type="submit" variant="danger" disabled={pending} className="self-start">
        {pending ? 'Deleting…' : 'Delete my account for good'}
      </Button>
    </form>
  );
}
