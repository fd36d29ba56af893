import type { Metadata } from 'next';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { enabledProviders } from '@/lib/auth/oauth';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Create your account' };

export default async function SignUpPage() {
  if (await getViewer()) redirect('/feed');
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Join Hearth</h1>
      <p className="mb-6 text-sm text-muted">Find your people. Every recommendation tells you why it’s there.</p>
      <OAuthButtons providers={enabledProviders()} />
      <SignUpForm />
    </>
  );
}
