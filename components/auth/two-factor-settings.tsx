'use client';
// The "Two-factor sign-in" section of the account page. Recovery codes are held here, above the forms that produce
// them, so they stay on screen when the page refreshes around them — they are shown this once and never again.
import { startRegistration } from '@simplewebauthn/browser';
import { useActionState, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import {
  confirmTotpAction,
  disableTotpAction,
  passkeyRegistrationOptionsAction,
  regenerateRecoveryCodesAction,
  registerPasskeyAction,
  removePasskeyAction,
  startTotpSetupAction,
  type TwoFactorState,
} from '@/lib/auth/two-factor/actions';
import { FormAlert } from './form-alert';

type Settings = {
  totpSince: Date | null;
  recoveryCodesLeft: number;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  setup: { secret: string; qrCode: string } | null;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

function Status({ state }: { state: ActionState }) {
  if (!state.success) return null;
  return (
    <p role="status" className="rounded-lg bg-raised px-3 py-2 text-sm text-success">
      {state.success}
    </p>
  );
}

export function TwoFactorSettings({ settings, hasPassword }: { settings: Settings; hasPassword: boolean }) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const on = Boolean(settings.totpSince) || settings.passkeys.length > 0;
  return (
    <section aria-labelledby="two-factor" className="flex flex-col gap-5 rounded-2xl border border-line bg-surface p-6">
      <div>
        <h2 id="two-factor" className="mb-1 text-lg font-semibold">
          Two-factor sign-in
        </h2>
        <p className="text-sm text-muted">
          {on
            ? 'On: signing in with your password also needs a code from your app, a passkey, or a recovery code.'
            : 'Off. With it on, someone who learns your password still cannot sign in without your phone or passkey.'}
          {!hasPassword && ' Your account signs in with GitHub or Google, so this protects only a password you may add later; turn on two-factor there too.'}
        </p>
      </div>
      {codes && <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />}
      <AuthenticatorApp settings={settings} onCodes={setCodes} />
      <Passkeys passkeys={settings.passkeys} onCodes={setCodes} />
      {on && <RecoveryCodeControls left={settings.recoveryCodesLeft} onCodes={setCodes} />}
    </section>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(`Hearth recovery codes — each works once.\n\n${codes.join('\n')}\n`)}`;
  return (
    <div role="region" aria-labelledby="recovery-codes" className="rounded-xl border border-accent/50 bg-raised p-4">
      <h3 id="recovery-codes" className="font-semibold">
        Your recovery codes
      </h3>
      <p className="mt-1 text-sm text-muted">
        Save them now, somewhere other than this device: they are shown only this once. Each signs you in once if you lose your phone or passkey.
      </p>
      <ol className="mt-3 grid grid-cols-1 gap-1 font-mono text-sm min-[420px]:grid-cols-2" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code} className="rounded bg-surface px-2 py-1">
            {code}
          </li>
        ))}
      </ol>
      <div className="mt-3 flex flex-wrap gap-2">
        <a href={download} download="hearth-recovery-codes.txt" className="inline-flex h-10 items-center rounded-lg border border-line bg-surface px-4 text-sm font-medium hover:bg-raised">
          Download as a text file
        </a>
        <Button variant="secondary" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </div>
  );
}

function AuthenticatorApp({ settings, onCodes }: { settings: Settings; onCodes: (codes: string[]) => void }) {
  const [startState, start, starting] = useActionState<ActionState, FormData>(startTotpSetupAction, {});
  const [confirmState, confirm, confirming] = useActionState<TwoFactorState, FormData>(async (prev, formData) => {
    const next = await confirmTotpAction(prev, formData);
    if (next.recoveryCodes) onCodes(next.recoveryCodes);
    return next;
  }, {});
  return (
    <div className="flex flex-col gap-3 border-t border-line pt-4">
      <h3 className="font-semibold">Authenticator app</h3>
      {settings.totpSince ? (
        <>
          <p className="text-sm">
            On since <time dateTime={settings.totpSince.toISOString()}>{day(settings.totpSince)}</time>.
          </p>
          <IdentityForm label="Turn off the authenticator app" action={disableTotpAction} submit="Turn off" pendingText="Turning off…" variant="danger" />
        </>
      ) : settings.setup ? (
        <>
          <p className="text-sm text-muted">
            Scan this with an authenticator app (such as Aegis, 2FAS, Google Authenticator or 1Password), or type the key into it by hand.
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimize */}
          <img src={settings.setup.qrCode} alt="QR code to add Hearth to your authenticator app" width={176} height={176} className="rounded-lg bg-white p-2" />
          <p className="text-sm">
            Key for typing in:{' '}
            <code aria-label="Setup key" className="break-all rounded bg-raised px-1.5 py-0.5 font-mono">
              {settings.setup.secret}
            </code>
          </p>
          <form action={confirm} className="flex flex-col gap-3" aria-label="Confirm authenticator app" noValidate>
            <FormAlert message={confirmState.fieldErrors ? undefined : confirmState.error} />
            <Field
              label="Six-digit code from the app"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              required
              error={confirmState.fieldErrors?.code}
            />
            <Button type="submit" disabled={confirming} className="self-start">
              {confirming ? 'Checking…' : 'Turn on'}
            </Button>
          </form>
        </>
      ) : (
        <form action={start} aria-label="Set up an authenticator app" className="flex flex-col gap-2">
          <FormAlert message={startState.error} />
          <Button type="submit" variant="secondary" disabled={starting} className="self-start">
            {starting ? 'Preparing…' : 'Set up an authenticator app'}
          </Button>
        </form>
      )}
      <Status state={confirmState} />
    </div>
  );
}

/** A form that needs the password or a current code before it changes anything. */
function IdentityForm({
  label,
  action,
  submit,
  pendingText,
  variant = 'secondary',
  onCodes,
}: {
  label: string;
  action: (prev: TwoFactorState, formData: FormData) => Promise<TwoFactorState>;
  submit: string;
  pendingText: string;
  variant?: 'secondary' | 'danger';
  onCodes?: (codes: string[]) => void;
}) {
  const [state, formAction, pending] = useActionState<TwoFactorState, FormData>(async (prev, formData) => {
    const next = await action(prev, formData);
    if (next.recoveryCodes) onCodes?.(next.recoveryCodes);
    return next;
  }, {});
  return (
    <form action={formAction} aria-label={label} className="flex flex-col gap-3" noValidate>
      <FormAlert message={state.error} />
      <Status state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Your password" name="password" type="password" autoComplete="current-password" />
        <Field label="Or a code" name="code" autoComplete="one-time-code" spellCheck={false} hint="From your app, or a recovery code." />
      </div>
      <Button type="submit" variant={variant} disabled={pending} className="self-start">
        {pending ? pendingText : submit}
      </Button>
    </form>
  );
}

function RecoveryCodeControls({ left, onCodes }: { left: number; onCodes: (codes: string[]) => void }) {
  return (
    <div className="flex flex-col gap-3 border-t border-line pt-4">
      <h3 className="font-semibold">Recovery codes</h3>
      <p className="text-sm">
        {left === 1 ? '1 recovery code left.' : `${left} recovery codes left.`}
        {left < 4 && ' Make new ones before you run out.'}
      </p>
      <IdentityForm label="Make new recovery codes" action={regenerateRecoveryCodesAction} submit="Make new recovery codes" pendingText="Making…" onCodes={onCodes} />
    </div>
  );
}

function Passkeys({ passkeys, onCodes }: { passkeys: Settings['passkeys']; onCodes: (codes: string[]) => void }) {
  const [name, setName] = useState('');
  const [state, setState] = useState<TwoFactorState>({});
  const [adding, startAdding] = useTransition();

  function add() {
    startAdding(async () => {
      const started = await passkeyRegistrationOptionsAction();
      if ('error' in started) return setState({ error: started.error });
      let response;
      try {
        response = await startRegistration({ optionsJSON: started.options });
      } catch {
        return setState({ error: 'No passkey was made. Your browser or device may not support passkeys, or the request was cancelled.' });
      }
      const registered = await registerPasskeyAction({ name: name.trim() || 'Passkey', response: JSON.stringify(response) });
      if (registered.recoveryCodes) onCodes(registered.recoveryCodes);
      if (!registered.error) setName('');
      setState(registered);
    });
  }

  return (
    <div className="flex flex-col gap-3 border-t border-line pt-4">
      <h3 className="font-semibold">Passkeys</h3>
      <p className="text-sm text-muted">A passkey on your phone, computer or security key can confirm your sign-ins instead of a code.</p>
      {passkeys.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Your passkeys">
          {passkeys.map((key) => (
            <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-raised px-3 py-2">
              <div className="text-sm">
                <p className="font-medium">{key.name}</p>
                <p className="text-muted">
                  Added <time dateTime={key.createdAt.toISOString()}>{day(key.createdAt)}</time>
                  {' · '}
                  {key.lastUsedAt ? (
                    <>
                      last used <time dateTime={key.lastUsedAt.toISOString()}>{day(key.lastUsedAt)}</time>
                    </>
                  ) : (
                    'not used yet'
                  )}
                </p>
              </div>
              <RemovePasskey id={key.id} name={key.name} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">No passkeys yet.</p>
      )}
      <FormAlert message={state.error} />
      <Status state={state} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Passkey name" name="passkeyName" value={name} onChange={(e) => setName(e.target.value)} placeholder="Laptop" maxLength={60} className="sm:flex-1" />
        <Button variant="secondary" onClick={add} disabled={adding} className="noscript:hidden">
          {adding ? 'Waiting for your device…' : 'Add a passkey'}
        </Button>
      </div>
    </div>
  );
}

function RemovePasskey({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(removePasskeyAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="passkeyId" value={id} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Remove passkey ${name}`}>
        Remove
      </Button>
      <FormAlert message={state.error} />
    </form>
  );
}
