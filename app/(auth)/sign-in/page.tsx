import type { Metadata } from 'next';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { enabledProviders } from '@/lib/auth/oauth';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getViewer } from '@/lib/auth/viewer';
import { safeRedirect } from '@/lib/auth/schemas';
import { awaitingApprovalMessage } from '@/lib/admin/registration';

export const metadata: Metadata = { title: 'Sign in' };

// What GitHub or Google sign-in was refused for (lib/auth/config.ts, the signIn callback).
const oauthRefusals: Record<string, string> = {
  AwaitingApproval: awaitingApprovalMessage,
  RegistrationClosed: 'This instance is not taking new accounts this way. Ask the people who run it for an invite.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; reset?: string; error?: string }> }) {
  const { next, reset, error } = await searchParams;
  const refusal = typeof error === 'string' ? oauthRefusals[error] : undefined;
  if (await getViewer()) redirect(safeRedirect(next));
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Welcome back</h1>
      <p className="mb-6 text-sm text-muted">Sign in to see what your groups have been up to.</p>
      {reset && (
        <p role="status" className="mb-4 rounded-lg bg-raised px-3 py-2 text-sm text-success">
          Your password was changed and every device was signed out. Sign in with the new one.
        </p>
      )}
      {refusal && (
        <p role="alert" className="mb-4 rounded-lg border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
          {refusal}
        </p>
      )}
      <OAuthButtons providers={enabledProviders()} redirectTo={next ? safeRedirect(next) : undefined} />
      <SignInForm redirectTo={next ? safeRedirect(next) : undefined} />
    </>
  );
}
