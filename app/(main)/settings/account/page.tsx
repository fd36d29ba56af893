import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { SignOutEverywhere } from '@/components/auth/sign-out-everywhere';
import { requireUser } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  await requireUser('/settings/account');
  const { changed } = await searchParams;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-2xl font-bold">Account and security</h1>
      {changed && (
        <p role="status" className="rounded-lg bg-raised px-3 py-2 text-sm text-success">
          Password changed. Every other device was signed out.
        </p>
      )}
      <section aria-labelledby="password" className="rounded-2xl border border-line bg-surface p-6">
        <h2 id="password" className="mb-4 text-lg font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
      <SignOutEverywhere />
    </div>
  );
}
