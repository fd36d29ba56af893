import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { getPasswordResetForLink } from '@/lib/auth/queries';

// The token is in the address: only the origin is ever sent as Referer, never the path. (Not no-referrer: a form
// posted without JavaScript would then carry `Origin: null`, refused as sent from another site.)
export const metadata: Metadata = { title: 'Choose a new password', referrer: 'strict-origin' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = '' } = await searchParams;
  const usable = await getPasswordResetForLink(token);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Choose a new password</h1>
      {usable ? (
        <>
          <p className="mb-6 text-sm text-muted">After this, every device signed in to your account is signed out, and you sign in with the new password.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="mt-4">
          This link has expired or was already used (links work once, for 30 minutes).{' '}
          <Link href="/forgot-password" className="font-medium text-accent underline underline-offset-2">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </>
  );
}
