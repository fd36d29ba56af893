import type { Metadata } from 'next';
import Link from 'next/link';
import { InterestChart, lastChangedText } from '@/components/privacy/interest-chart';
import { ActionForm } from '@/components/ui/action-form';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';
import { confidenceExplained, howItWorks } from '@/lib/privacy/interests';
import { deletePrivacyItemAction } from '@/lib/privacy/actions';
import { getMyInterests, type InterestView } from '@/lib/privacy/queries';
import { removeInterestAction, resetPersonalizationAction, setInterestChoiceAction } from '@/lib/recommend/actions';

export const metadata: Metadata = { title: 'What Hearth thinks you like' };
// Personal data: never cached anywhere.
export const dynamic = 'force-dynamic';

const card = 'rounded-2xl border border-line bg-surface p-5';

/** Pin (more), lower (less), ban (hide) — each undone by the same button — and remove. */
function InterestControls({ interest }: { interest: InterestView }) {
  const { tag, explicit } = interest;
  const choices = [
    { on: explicit === 'more', set: 'more', undo: 'Unpin', label: 'Pin' },
    { on: explicit === 'less', set: 'less', undo: 'Stop lowering', label: 'Lower' },
    { on: explicit === 'hide', set: 'hide', undo: 'Unban', label: 'Ban' },
  ] as const;
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {choices.map((c) => (
        <ActionForm
          key={c.set}
          action={setInterestChoiceAction}
          submit={c.on ? c.undo : c.label}
          pending="Saving…"
          variant={c.set === 'hide' && !c.on ? 'danger' : 'secondary'}
          size="sm"
          label={`${c.on ? c.undo : c.label} #${tag}`}
        >
          <input type="hidden" name="tag" value={tag} />
          <input type="hidden" name="choice" value={c.on ? 'none' : c.set} />
        </ActionForm>
      ))}
      <ActionForm action={removeInterestAction} submit="Remove" pending="Removing…" variant="secondary" size="sm" label={`Remove #${tag}`}>
        <input type="hidden" name="tag" value={tag} />
      </ActionForm>
    </div>
  );
}

/** Deletes the learned taste vector (the registry's item delete, limited to the viewer's own row). */
function DeleteTasteForm() {
  return (
    <ActionForm action={deletePrivacyItemAction} submit="Delete what Hearth learned" pending="Deleting…" variant="danger" size="sm" className="mt-3" label="Delete your learned taste">
      <input type="hidden" name="table" value="taste_vectors" />
      <input type="hidden" name="key" value="mine" />
    </ActionForm>
  );
}

const choiceSaid = { follow: 'You follow it.', more: 'Pinned: you asked for more.', less: 'Lowered: you asked for less.', hide: 'Banned: it never shows, and won’t come back by itself.' } as const;

export default async function InterestsPage() {
  const viewer = await requireUser('/settings/privacy/interests');
  const data = await getMyInterests(viewer);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href="/settings/privacy" className="text-accent underline underline-offset-2">
            ← Your privacy
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">What Hearth thinks you like</h1>
        <p className="mt-1 text-muted">
          {howItWorks[0]} {howItWorks[1]}
        </p>
        <p className="mt-2 text-sm">
          {data.useInferred
            ? 'Inferred interests are used for your For you feed right now.'
            : data.historyPaused
              ? 'History is paused: inferred interests are not used, and nothing new is learned.'
              : 'Inferred interests are not used right now (you switched them, or activity-based personalization, off on your privacy page). Only your own choices count.'}{' '}
          Last change: {lastChangedText(data.lastChange)}.
        </p>
      </div>

      <section aria-labelledby="chart" className={card}>
        <h2 id="chart" className="text-lg font-semibold">
          Your interests
        </h2>
        {data.interests.length === 0 ? (
          <div className="mt-3">
            <EmptyState title="Hearth has not learned anything about you yet.">
              Follow a topic on your <Link href="/settings/feed">feed controls</Link>, or react to posts you like.
            </EmptyState>
          </div>
        ) : (
          <>
            <p className="mb-3 mt-1 text-sm text-muted">
              Beside your own choice, the inferred bar is the topic’s score measured against your strongest topic (0 to 1). {confidenceExplained}
            </p>
            <InterestChart interests={data.interests} useInferred={data.useInferred} />
          </>
        )}
      </section>

      {data.interests.length > 0 && (
        <section aria-labelledby="details" className={card}>
          <h2 id="details" className="text-lg font-semibold">
            The signals behind each interest
          </h2>
          <p className="mt-1 text-sm text-muted">
            Pin asks for more of a topic, Lower for less; Ban hides it for good; Remove forgets it (new activity may bring it back). To delete single signals, see{' '}
            <Link href="/settings/privacy/activity_signals" className="text-accent underline underline-offset-2">
              your views and opens
            </Link>{' '}
            or{' '}
            <Link href="/settings/privacy/reactions" className="text-accent underline underline-offset-2">
              your reactions
            </Link>
            .
          </p>
          <ul aria-label="Interests and their signals" className="mt-3 divide-y divide-line">
            {data.interests.map((i) => (
              <li key={i.tag} id={`interest-${i.tag}`} className="py-3">
                <h3 className="font-medium">#{i.tag}</h3>
                <p className="text-sm">
                  Inferred {i.inferredText}, {i.signalsText}. {i.choice ? choiceSaid[i.choice] : ''}
                </p>
                <p className="text-xs text-muted">Last changed {lastChangedText(i.updatedAt)}</p>
                <InterestControls interest={i} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="taste-heading" id="taste" className={card}>
        <h2 id="taste-heading" className="text-lg font-semibold">
          Your taste, learned beside everyone else’s
        </h2>
        {data.taste ? (
          <>
            <p className="mt-1">{data.taste.text}</p>
            <p className="mt-1 text-sm text-muted">
              Each day Hearth works out a handful of numbers for your taste and for each recent post, so that posts liked by people whose tastes are close to yours can reach you (“Liked by people who like what you like”).{' '}
              {data.useInferred ? 'It is used for your For you feed right now.' : 'It is not used right now: inferred interests are off or history is paused.'}{' '}
              <Link href="/settings/privacy/taste_vectors" className="text-accent underline underline-offset-2">
                See the numbers
              </Link>
              .
            </p>
            <DeleteTasteForm />
          </>
        ) : (
          <p className="mt-1 text-sm text-muted">
            Hearth has not learned your tastes. {data.recordActivity ? 'It learns them each night from the posts you react to, comment on, bookmark, look at or open.' : 'It learns them only while you allow activity-based personalization and inferred interests, and history is not paused.'}
          </p>
        )}
      </section>

      <section aria-labelledby="reset" className={card}>
        <h2 id="reset" className="text-lg font-semibold">
          Start over
        </h2>
        <ActionForm action={resetPersonalizationAction} submit="Reset the whole profile" pending="Resetting…" variant="danger" className="mt-3" label="Reset the whole profile">
          <label className="flex basis-full items-start gap-2 text-sm">
            <input type="checkbox" name="confirm" value="yes" className="mt-1" />
            <span>Forget every inferred score and your view history, and end “show less” and “not interested”. Your follows, pins, lowered and banned topics and mutes stay.</span>
          </label>
        </ActionForm>
      </section>
    </div>
  );
}
