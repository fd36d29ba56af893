'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextAreaField } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { signUpAction } from '@/lib/auth/actions';
import { FormAlert } from './form-alert';

/** `question`: asked when registration needs approval; `inviteCode`: the invite the page was opened with. */
export function SignUpForm({ question, approval = false, inviteCode }: { question?: string; approval?: boolean; inviteCode?: string } = {}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signUpAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  if (state.success) {
    return (
      <section role="status" aria-labelledby="check-inbox" className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-6">
        <h2 id="check-inbox" className="text-lg font-semibold">
          Check your inbox
        </h2>
        <p>{state.success}</p>
        <p className="text-sm text-muted">
          No mail after a few minutes? Look in your spam folder, or{' '}
          <Link href="/sign-up" className="font-medium text-accent underline">
            sign up again
          </Link>
          . Already have an account?{' '}
          <Link href="/sign-in" className="font-medium text-accent underline">
            Sign in
          </Link>
          .
        </p>
      </section>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Create your account" noValidate>
      <FormAlert message={state.error} />
      {inviteCode && <input type="hidden" name="inviteCode" value={inviteCode} />}
      {e.inviteCode && <p className="text-sm text-danger">{e.inviteCode}</p>}
      <Field label="Name" name="name" autoComplete="name" required maxLength={60} defaultValue={v.name} error={e.name} hint="How you’ll appear to others. You can change it any time." />
      <Field
        label="Handle"
        name="handle"
        autoComplete="username"
        required
        minLength={3}
        maxLength={30}
        defaultValue={v.handle}
        error={e.handle}
        hint="3–30 letters, digits or underscores. Your profile lives at /u/handle."
      />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={v.email} error={e.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={10} error={e.password} hint="At least 10 characters. A short sentence works well." />
      {approval && question && (
        <TextAreaField
          label={question}
          name="approvalAnswer"
          required
          maxLength={1000}
          defaultValue={v.approvalAnswer}
          error={e.approvalAnswer}
          hint="An admin reads your answer before approving your account."
        />
      )}
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-muted">
        Already a member?{' '}
        <Link href="/sign-in" className="font-medium text-accent underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </form>
  );
}
