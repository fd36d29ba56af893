import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { Button } from '@/components/ui/button';
import { signOutEverywhereAction } from '@/lib/auth/actions';
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
      <section aria-labelledby="sessions" className="rounded-2xl border border-line bg-surface p-6">
        <h2 id="sessions" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="mt-1 text-sm text-muted">Signed in somewhere you no longer use? End every session, including this one.</p>
        <form action={signOutEverywhereAction} className="mt-3">
          <Button type="submit" variant="secondary">
            Sign out everywhere
          </Button>
        </form>
      </section>
    </div>
  );
}
