import type { Metadata } from 'next';
import { ChangeEmailForm } from '@/components/auth/change-email-form';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { SignOutEverywhere } from '@/components/auth/sign-out-everywhere';
import { TwoFactorSettings } from '@/components/auth/two-factor-settings';
import { getAccountEmail, getTwoFactorSettings } from '@/lib/auth/queries';
import { requireUser } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string; email?: string }> }) {
  const viewer = await requireUser('/settings/account');
  const { changed, email } = await searchParams;
  const account = await getAccountEmail(viewer);
  const twoFactor = await getTwoFactorSettings(viewer);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-2xl font-bold">Account and security</h1>
      {changed && (
        <p role="status" className="rounded-lg bg-raised px-3 py-2 text-sm text-success">
          Password changed. Every other device was signed out.
        </p>
      )}
      {email === 'changed' && (
        <p role="status" className="rounded-lg bg-raised px-3 py-2 text-sm text-success">
          Email changed: you now sign in with {account.email}. Every other device was signed out, and your old address was told.
        </p>
      )}
      {email === 'confirmed' && (
        <p role="status" className="rounded-lg bg-raised px-3 py-2 text-sm text-success">
          Thank you: {account.email} is confirmed.
        </p>
      )}
      <section aria-labelledby="email" className="rounded-2xl border border-line bg-surface p-6">
        <h2 id="email" className="mb-1 text-lg font-semibold">
          Email
        </h2>
        <p className="mb-4 text-sm text-muted">
          You sign in with <strong className="break-all text-ink">{account.email}</strong>.
          {account.pending && (
            <>
              {' '}
              A change to <strong className="break-all">{account.pending.newEmail}</strong> waits for its confirmation link (until{' '}
              <time dateTime={account.pending.expiresAt.toISOString()}>{account.pending.expiresAt.toUTCString().slice(0, 22)}</time>).
            </>
          )}
        </p>
        {account.hasPassword ? <ChangeEmailForm /> : <p className="text-sm">Your account signs in with GitHub or Google, so its address changes there.</p>}
      </section>
      <section aria-labelledby="password" className="rounded-2xl border border-line bg-surface p-6">
        <h2 id="password" className="mb-4 text-lg font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
      <TwoFactorSettings settings={twoFactor} hasPassword={account.hasPassword} />
      <SignOutEverywhere />
    </div>
  );
}
