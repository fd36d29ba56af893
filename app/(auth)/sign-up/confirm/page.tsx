import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { FinishSignUpForm } from '@/components/auth/finish-sign-up-form';
import { getPendingSignUpForLink } from '@/lib/auth/queries';
import { getViewer } from '@/lib/auth/viewer';

// The token is in the address: only the origin is ever sent as Referer, never the path. (Not no-referrer: a form
// posted without JavaScript would then carry `Origin: null`, refused as sent from another site.)
export const metadata: Metadata = { title: 'Finish creating your account', referrer: 'strict-origin', robots: { index: false } };

export default async function FinishSignUpPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  if (await getViewer()) redirect('/feed');
  const { token = '' } = await searchParams;
  const pending = await getPendingSignUpForLink(token);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Finish creating your account</h1>
      {pending ? (
        <FinishSignUpForm token={token} email={pending.email} handle={pending.handle} />
      ) : (
        <p className="mt-4">
          This link has expired or was already used.{' '}
          <Link href="/sign-up" className="font-medium text-accent underline">
            Sign up again
          </Link>{' '}
          to get a new one, or{' '}
          <Link href="/sign-in" className="font-medium text-accent underline">
            sign in
          </Link>{' '}
          if your account is ready.
        </p>
      )}
    </>
  );
}
