'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import Link from 'next/link';
import { useActionState, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { signInAction, type SignInState } from '@/lib/auth/actions';
import { passkeySignInOptionsAction } from '@/lib/auth/two-factor/actions';
import { FormAlert } from './form-alert';

export function SignInForm({ redirectTo }: { redirectTo?: string }) {
  // The Server Action itself is the form's action, so the form posts as plain HTML before (and without) JavaScript:
  // a refusal comes back as this page with the error, a success redirects signed in (lib/auth/actions.ts).
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  // Kept here, not in the form: with two-factor sign-in the password is sent again with the code (lib/auth/credentials.ts).
  // Anything but "now the second factor" empties it, as a refused password should be.
  const [password, setPassword] = useState('');
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    // Adjusting state while rendering (React's pattern for a value that follows another): no extra paint.
    setAnswered(state);
    if (!state.secondFactor) setPassword('');
  }
  const [restarted, setRestarted] = useState<SignInState | null>(null);
  const secondFactor = state !== restarted ? state.secondFactor : undefined;
  if (secondFactor) {
    return (
      <SecondFactorForm
        action={action}
        pending={pending}
        state={state}
        password={password}
        redirectTo={redirectTo}
        onBack={() => {
          setRestarted(state);
          setPassword('');
        }}
      />
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Sign in" noValidate>
      <FormAlert message={state === restarted ? undefined : state.error} />
      {redirectTo && <input type="hidden" name="redirectTo" value={redirectTo} />}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={state.fieldErrors?.password}
      />
      <Link href="/forgot-password" className="-mt-2 self-end text-sm font-medium text-accent underline underline-offset-2">
        Forgot password?
      </Link>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-sm text-muted">
        New here?{' '}
        <Link href="/sign-up" className="font-medium text-accent underline underline-offset-2">
          Create an account
        </Link>
      </p>
    </form>
  );
}

/** The second step: a code from the app, a recovery code, or a passkey. Email and password travel along again. */
function SecondFactorForm({
  action,
  pending,
  state,
  password,
  redirectTo,
  onBack,
}: {
  action: (formData: FormData) => void;
  pending: boolean;
  state: SignInState;
  password: string;
  redirectTo?: string;
  onBack: () => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const passkeyField = useRef<HTMLInputElement>(null);
  const [passkeyError, setPasskeyError] = useState<string>();
  const factors = state.secondFactor!;

  async function signInWithPasskey() {
    setPasskeyError(undefined);
    const started = await passkeySignInOptionsAction();
    if ('error' in started) return setPasskeyError(started.error);
    try {
      const answer = await startAuthentication({ optionsJSON: started.options });
      passkeyField.current!.value = JSON.stringify(answer);
      form.current!.requestSubmit();
    } catch {
      setPasskeyError('No passkey answered. Try again, or type a code instead.');
    }
  }

  return (
    <form ref={form} action={action} className="flex flex-col gap-4" aria-label="Confirm sign-in" noValidate>
      <h2 className="text-lg font-semibold">Confirm it’s you</h2>
      <p className="text-sm text-muted">
        Your account has two-factor sign-in.{' '}
        {factors.totp ? 'Type the six-digit code your authenticator app shows, or one of your recovery codes.' : 'Use your passkey, or type one of your recovery codes.'}
      </p>
      <FormAlert message={passkeyError ?? state.error} />
      {redirectTo && <input type="hidden" name="redirectTo" value={redirectTo} />}
      <input type="hidden" name="email" value={state.values?.email ?? ''} />
      {password ? (
        <input type="hidden" name="password" value={password} />
      ) : (
        // Without JavaScript the browser kept no password between the two steps (the server never sends it back).
        <Field label="Password, again" name="password" type="password" autoComplete="current-password" required />
      )}
      <input ref={passkeyField} type="hidden" name="passkey" defaultValue="" />
      <Field
        label={factors.totp ? 'Code from your app or a recovery code' : 'Recovery code'}
        name="code"
        autoComplete="one-time-code"
        autoFocus
        spellCheck={false}
        autoCapitalize="none"
        error={state.fieldErrors?.code}
      />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Checking…' : 'Confirm sign-in'}
      </Button>
      {factors.passkey && (
        <Button type="button" variant="secondary" size="lg" disabled={pending} onClick={signInWithPasskey} className="noscript:hidden">
          Use a passkey
        </Button>
      )}
      {factors.passkey && (
        // A passkey answers through the browser's WebAuthn API, which only a script can call.
        <noscript>
          <p className="text-sm text-muted">A passkey needs JavaScript in this browser. Without it, type one of your recovery codes.</p>
        </noscript>
      )}
      {/* A link, so it works before JavaScript too: a fresh sign-in form. */}
      <Link
        href={redirectTo ? `/sign-in?next=${encodeURIComponent(redirectTo)}` : '/sign-in'}
        onClick={(event) => {
          event.preventDefault();
          onBack();
        }}
        className="self-center text-sm font-medium text-accent underline underline-offset-2"
      >
        Back to email and password
      </Link>
    </form>
  );
}
