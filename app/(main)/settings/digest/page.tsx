import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { requireUser } from '@/lib/auth/viewer';
import { setDigestAction } from '@/lib/digest/actions';
import { getDigestSettings } from '@/lib/digest/queries';

export const metadata: Metadata = { title: 'Email digest' };
export const dynamic = 'force-dynamic';

const choices = [
  { value: 'off', label: 'Off', hint: 'No digest. This is where everyone starts.' },
  { value: 'daily', label: 'Daily', hint: 'One mail a day, early morning (UTC), when something is new.' },
  { value: 'weekly', label: 'Weekly', hint: 'One mail a week, on the weekday you choose it, when something is new.' },
] as const;

const dayText = (date: Date) => date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

export default async function DigestSettingsPage() {
  const viewer = await requireUser('/settings/digest');
  const { subscription, nextAt, emailConfirmed } = await getDigestSettings(viewer);
  const current = subscription?.frequency ?? 'off';
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Email digest</h1>
        <p className="mt-1 text-muted">
          A short mail with what is new since you were last here: the posts your For you feed would show first, each with the reason it was chosen. Off
          unless you ask for it; building it records nothing about you.
        </p>
      </div>
      <section aria-labelledby="digest-choice" className="rounded-2xl border border-line bg-surface p-5">
        <h2 id="digest-choice" className="text-lg font-semibold">
          How often
        </h2>
        <p className="mb-3 mt-1 text-sm text-muted" role="status">
          {subscription && nextAt ? `Your ${subscription.frequency} digest is on. The next one comes on ${dayText(nextAt)}, if anything is new.` : 'The digest is off: Hearth sends you none.'}
        </p>
        {!emailConfirmed && (
          <p className="mb-3 rounded-lg bg-raised px-3 py-2 text-sm">
            Your email address is not confirmed, so no digest is sent to it. <Link href="/settings/account" className="underline">Account and email</Link>
          </p>
        )}
        <ActionForm action={setDigestAction} submit="Save" pending="Saving…" label="Email digest">
          <fieldset className="flex basis-full flex-col gap-2">
            <legend className="sr-only">Email digest</legend>
            {choices.map((c) => (
              <label key={c.value} className="flex items-start gap-3 rounded-lg border border-line p-3 text-sm has-[:checked]:border-accent">
                <input type="radio" name="frequency" value={c.value} defaultChecked={current === c.value} className="mt-1" />
                <span>
                  <span className="font-medium">{c.label}</span>
                  <span className="block text-muted">{c.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </ActionForm>
      </section>
      <section aria-labelledby="digest-how" className="rounded-2xl border border-line bg-surface p-5 text-sm">
        <h2 id="digest-how" className="text-lg font-semibold">
          What is in it
        </h2>
        <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-muted">
          <li>Up to 8 posts you have not had the chance to see: from after your last visit or your last digest, whichever is later.</li>
          <li>
            Chosen and ordered by your feed: your mutes, “show less”, hidden posts and topics and paused history all hold. In the chronological mode it is newest
            first, with no personal signals. <Link href="/settings/feed" className="underline">Feed controls</Link>
          </li>
          <li>Only posts you may see. Nothing is sent when nothing is new.</li>
          <li>Every digest has a link that stops them at once.</li>
        </ul>
        <Link href="/settings/digest/preview" className="mt-4 inline-block font-medium text-accent underline underline-offset-2">
          Preview my digest
        </Link>
      </section>
    </div>
  );
}
