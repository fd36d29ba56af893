'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { signInAction } from '@/lib/auth/actions';
import { FormAlert } from './form-alert';

export function SignInForm({ redirectTo }: { redirectTo?: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Sign in" noValidate>
      <FormAlert message={state.error} />
      {redirectTo && <input type="hidden" name="redirectTo" value={redirectTo} />}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <Link href="/forgot-password" className="-mt-2 self-end text-sm font-medium text-accent hover:underline">
        Forgot password?
      </Link>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-sm text-muted">
        New here?{' '}
        <Link href="/sign-up" className="font-medium text-accent hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
