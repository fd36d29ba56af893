import type { Metadata } from 'next';
import { OnboardingForm } from '@/components/feed/onboarding-form';
import { SkipOnboardingForm } from '@/components/feed/skip-onboarding-form';
import { requireUser } from '@/lib/auth/viewer';
import { getOnboardingChoices } from '@/lib/recommend/onboarding';

export const metadata: Metadata = { title: 'Welcome' };

export default async function WelcomePage() {
  const viewer = await requireUser('/welcome');
  const choices = await getOnboardingChoices();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">Welcome to Hearth, {viewer.name}</h1>
      <p className="mb-8 mt-1 text-muted">A few quick choices and your first feed is already yours. You can change all of them later.</p>
      <OnboardingForm choices={choices} />
      <SkipOnboardingForm />
    </div>
  );
}
