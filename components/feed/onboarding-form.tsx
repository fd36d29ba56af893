'use client';

import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { useActionState, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/action-state';
import { consentInfo } from '@/lib/privacy/consent';
import { cn } from '@/lib/cn';
import { completeOnboardingAction } from '@/lib/recommend/actions';
import type { OnboardingChoices } from '@/lib/recommend/onboarding';
import { FormStatus } from '@/components/ui/form-status';

/** One consent asked at onboarding: unticked unless the person ticks it, and unticked is the answer "no". */
function ConsentCheckbox({ name, label, explanation }: { name: string; label: string; explanation: string }) {
  return (
    <label className="mt-3 flex items-start gap-2 text-sm">
      <input type="checkbox" name={name} value="yes" className="mt-0.5" aria-describedby={`${name}-explanation`} />
      <span>
        <span className="font-medium">{label}</span>
        <span id={`${name}-explanation`} className="block text-muted">
          {explanation}
        </span>
      </span>
    </label>
  );
}

/** Pick at least three interests, maybe some groups, and answer the consent questions (nothing pre-ticked). */
export function OnboardingForm({ choices }: { choices: OnboardingChoices }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(completeOnboardingAction, {});
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const router = useRouter();
  useEffect(() => {
    if (state.success) router.push('/feed');
  }, [state.success, router]);
  const toggle = (tag: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(tag)) next.delete(tag);
      else next.add(tag);
      return next;
    });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-8" aria-label="Set up your feed">
      <fieldset aria-describedby="topics-hint topics-error">
        <legend className="text-lg font-semibold">1. What are you into?</legend>
        <p id="topics-hint" className="mt-1 text-sm text-muted">
          Pick at least 3. You picked {picked.size}.
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          {choices.topics.map((t) => (
            <label
              key={t.tag}
              className={cn(
                'cursor-pointer rounded-full border px-3 py-1.5 text-sm transition has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent',
                // Styled by the checkbox itself too (has-[:checked]), so a pick shows before and without JavaScript.
                picked.has(t.tag) ? 'border-accent bg-accent text-accent-ink' : 'border-line bg-surface hover:bg-raised has-[:checked]:border-accent has-[:checked]:bg-accent has-[:checked]:text-accent-ink',
              )}
            >
              <input type="checkbox" name="tags[]" value={t.tag} checked={picked.has(t.tag)} onChange={() => toggle(t.tag)} className="sr-only" />
              {t.label}
            </label>
          ))}
        </div>
        {errors.tags && (
          <p id="topics-error" role="alert" className="mt-2 text-sm text-danger">
            {errors.tags}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend className="text-lg font-semibold">2. Join a few groups (optional)</legend>
        <ul className="mt-3 grid gap-3 sm:grid-cols-2">
          {choices.groups.map((g) => (
            <li key={g.id}>
              <label className="flex h-full cursor-pointer gap-3 rounded-xl border border-line bg-surface p-3 text-sm hover:bg-raised has-[:checked]:border-accent">
                <input type="checkbox" name="groups[]" value={g.id} className="mt-1" />
                <span>
                  <span className="font-medium">
                    <span aria-hidden="true" className="mr-1.5 inline-block size-2.5 rounded-full" style={{ backgroundColor: g.accentColor }} />
                    {g.name}
                  </span>
                  <span className="block text-xs text-muted">
                    {g.members} members · {g.topic}
                  </span>
                  <span className="mt-1 block text-xs">{g.description}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset aria-describedby="personalize-hint personalize-error">
        <legend className="text-lg font-semibold">3. May Hearth use your activity to personalize your feed?</legend>
        <p id="personalize-hint" className="mt-1 text-sm text-muted">
          If yes, what you look at, open, react to and save helps order your For you feed — every post will say why it is there, and you can
          see, change or delete all of it on your privacy page. If no, your feed uses only the interests, groups and people you choose.
        </p>
        <div className="mt-3 flex flex-col gap-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="personalize" value="yes" /> Yes, use my activity
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="personalize" value="no" /> No, only what I choose
          </label>
        </div>
        {errors.personalize && (
          <p id="personalize-error" role="alert" className="mt-2 text-sm text-danger">
            {errors.personalize}
          </p>
        )}
        <ConsentCheckbox name="inferred" label={consentInfo.inferred_interests.label} explanation={consentInfo.inferred_interests.explanation} />
      </fieldset>

      <fieldset>
        <legend className="text-lg font-semibold">4. What others may see of you</legend>
        <p className="mt-1 text-sm text-muted">Nothing here is on unless you tick it.</p>
        <ConsentCheckbox name="suggestMe" label={consentInfo.suggest_me.label} explanation={consentInfo.suggest_me.explanation} />
        <ConsentCheckbox name="celebrations" label={consentInfo.public_celebrations.label} explanation={consentInfo.public_celebrations.explanation} />
      </fieldset>

      <FormStatus state={state} besideFields={['tags', 'personalize']} />
      {state.success && (
        // Hydrated, the page moves on to the feed by itself; before (or without) JavaScript, the way is a link.
        <Link href="/feed" className="self-start font-medium text-accent underline underline-offset-2">
          Go to your feed
        </Link>
      )}
      <Button type="submit" size="lg" disabled={pending} className="self-start">
        {pending ? 'Setting up…' : 'Show me my feed'}
      </Button>
    </form>
  );
}
