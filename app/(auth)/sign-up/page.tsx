import type { Metadata } from 'next';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { enabledProviders } from '@/lib/auth/oauth';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getViewer } from '@/lib/auth/viewer';
import { signUpDoor } from '@/lib/admin/queries';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string }> }) {
  if (await getViewer()) redirect('/feed');
  const { invite } = await searchParams;
  const door = await signUpDoor(typeof invite === 'string' ? invite.slice(0, 100) : undefined);
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Join {door.siteName}</h1>
      <p className="mb-6 text-sm text-muted">Find your people. Every recommendation tells you why it’s there.</p>
      {door.open ? (
        <>
          {door.mode === 'approval' && (
            <p className="mb-4 rounded-lg border border-line bg-surface px-3 py-2 text-sm">
              New accounts here are approved by an admin. After you confirm your address, we’ll email you when they have decided.
            </p>
          )}
          {door.mode === 'invite' && <p className="mb-4 rounded-lg border border-line bg-surface px-3 py-2 text-sm">You’re joining with an invite link.</p>}
          {door.mode === 'open' && <OAuthButtons providers={enabledProviders()} />}
          <SignUpForm question={door.mode === 'approval' ? door.question : undefined} approval={door.mode === 'approval'} inviteCode={door.inviteCode} />
        </>
      ) : (
        <section aria-labelledby="closed-heading" className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-6">
          <h2 id="closed-heading" className="text-lg font-semibold">
            {door.mode === 'invite' ? 'Joining needs an invite' : 'Registration is closed'}
          </h2>
          <p>{door.message}</p>
          <p className="text-sm text-muted">
            Already a member?{' '}
            <a href="/sign-in" className="font-medium text-accent underline">
              Sign in
            </a>
            .
          </p>
        </section>
      )}
    </>
  );
}
