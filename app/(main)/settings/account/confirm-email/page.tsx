import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmEmailForm } from '@/components/auth/confirm-email-form';
import { getEmailChangeForLink } from '@/lib/auth/queries';
import { requireUser } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Confirm your new email', referrer: 'same-origin' };

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const viewer = await requireUser();
  const { token = '' } = await searchParams;
  const change = token.length >= 20 && token.length <= 200 ? await getEmailChangeForLink(viewer, token) : null;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{change?.sameAddress ? 'Confirm your email address' : 'Confirm your new email'}</h1>
      <section className="rounded-2xl border border-line bg-surface p-6">
        {change ? (
          <ConfirmEmailForm token={token} newEmail={change.newEmail} sameAddress={change.sameAddress} />
        ) : (
          <p>
            This link has expired, was already used, or belongs to another account.{' '}
            <Link href="/settings/account" className="underline">
              Ask for a new one in Account settings
            </Link>
            .
          </p>
        )}
      </section>
    </div>
  );
}
