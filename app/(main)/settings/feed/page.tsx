import type { Metadata } from 'next';
import Link from 'next/link';
import { InterestChoice } from '@/components/feed/interest-choice';
import { ModeTabs } from '@/components/feed/mode-tabs';
import { DurationSelect } from '@/components/feed/quick-actions';
import { ActionForm } from '@/components/ui/action-form';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';
import { timeAgo } from '@/lib/format';
import { endFeedControlAction, muteAction, quietGroupAction, resetPersonalizationAction, setHistoryPausedAction, setInterestChoiceAction } from '@/lib/recommend/actions';
import { getFeedControlsPage } from '@/lib/recommend/queries';
import { choiceWeights, inferredText, strongestInferred } from '@/lib/recommend/weights';

export const metadata: Metadata = { title: 'Feed controls' };
export const dynamic = 'force-dynamic';

const card = 'rounded-2xl border border-line bg-surface p-5';

function until(date: Date | null) {
  if (!date) return 'always';
  const days = Math.max(1, Math.round((date.getTime() - Date.now()) / 86_400_000));
  return `${days} more day${days === 1 ? '' : 's'}`;
}

export default async function FeedControlsPage() {
  const viewer = await requireUser('/settings/feed');
  const page = await getFeedControlsPage(viewer);
  const strongest = strongestInferred(page.interests);
  const { personalization: p } = page;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Feed controls</h1>
        <p className="mt-1 text-muted">
          Everything that shapes your feed, in one place. Each change shows on your next feed load; each can be undone.{' '}
          <Link href="/settings/privacy" className="underline">
            What Hearth keeps about you
          </Link>
        </p>
      </div>

      <section aria-labelledby="mode" className={card}>
        <h2 id="mode" className="mb-3 text-lg font-semibold">
          Feed mode
        </h2>
        <ModeTabs current={p.mode} />
      </section>

      <section aria-labelledby="interests" className={card}>
        <h2 id="interests" className="text-lg font-semibold">
          Your interests
        </h2>
        <p className="mb-3 mt-1 text-sm text-muted">
          Follow counts {choiceWeights.follow}, More {choiceWeights.more}, Less {choiceWeights.less}; Hide removes a topic from your feeds for good. Hearth adds up to 1
          more for topics you often engage with{p.useInferred ? '' : ' — not now, because history is paused or you turned activity-based personalization off'}.
        </p>
        {page.interests.length === 0 ? (
          <EmptyState title="No interests yet.">Follow a topic below, or react to posts you like.</EmptyState>
        ) : (
          <ul className="flex flex-col divide-y divide-line" aria-label="Interests">
            {page.interests.map((i) => (
              <li key={i.tag} id={`interest-${i.tag}`} className="flex flex-wrap items-start justify-between gap-2 py-3">
                <div className="text-sm">
                  <Link href={`/t/${i.tag}`} className="font-medium hover:underline">
                    #{i.tag}
                  </Link>
                  <p className="text-xs text-muted">
                    Weight {i.weight.toFixed(2)}
                    {i.inferred > 0.01 ? ` · inferred ${inferredText(i.inferred, strongest)}` : ''}
                  </p>
                </div>
                <InterestChoice tag={i.tag} current={i.choice} />
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={setInterestChoiceAction} submit="Follow topic" pending="Following…" variant="secondary" size="sm" className="mt-3" resetOnSuccess label="Follow a topic">
          <input type="hidden" name="choice" value="follow" />
          <label className="flex flex-1 flex-col gap-1 text-sm">
            <span>Follow a new topic</span>
            <input name="tag" required maxLength={30} placeholder="e.g. ceramics" className="h-8 rounded-md border border-line bg-surface px-2" />
          </label>
        </ActionForm>
        <div className="mt-5 rounded-xl bg-raised p-4" aria-live="polite">
          <h3 className="text-sm font-semibold">Preview: the top of your For you feed right now</h3>
          {page.preview.length === 0 ? (
            <p className="mt-1 text-sm text-muted">Nothing to show yet.</p>
          ) : (
            <ol className="mt-2 flex flex-col gap-2 text-sm" aria-label="Feed preview">
              {page.preview.map(({ post, explanation }) => (
                <li key={post.id}>
                  <Link href={`/p/${post.id}`} className="font-medium hover:underline">
                    {post.body.length > 80 ? `${post.body.slice(0, 80)}…` : post.body}
                  </Link>
                  <span className="block text-xs text-muted">{explanation?.reasons.map((r) => r.text).join(' · ')}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>

      <section aria-labelledby="active" className={card}>
        <h2 id="active" className="text-lg font-semibold">
          Active controls
        </h2>
        <p className="mb-3 mt-1 text-sm text-muted">
          “Show less”, “Not interested” and mutes you have set. Undo any of them here. People you blocked are in{' '}
          <Link href="/settings/blocked" className="underline">
            Blocked people
          </Link>
          .
        </p>
        {page.active.length === 0 ? (
          <p className="text-sm text-muted">None. Use “Show less like this…” under any post in your feed.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line" aria-label="Active controls">
            {page.active.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  {c.text} <span className="text-muted">· set {timeAgo(c.createdAt)} · {until(c.expiresAt)}</span>
                </span>
                <ActionForm action={endFeedControlAction} submit="Undo" pending="Undoing…" variant="secondary" size="sm" label={`Undo: ${c.text}`}>
                  <input type="hidden" name="controlId" value={c.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={muteAction} submit="Mute word" pending="Muting…" variant="secondary" size="sm" className="mt-3" resetOnSuccess label="Mute a word">
          <input type="hidden" name="kind" value="word" />
          <label className="flex flex-1 flex-col gap-1 text-sm">
            <span>Mute a word or phrase</span>
            <input name="target" required minLength={2} maxLength={40} className="h-8 rounded-md border border-line bg-surface px-2" />
          </label>
          <DurationSelect defaultValue="always" />
        </ActionForm>
        {page.history.length > 0 && (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer text-muted hover:text-ink">Ended controls ({page.history.length})</summary>
            <ul className="mt-2 flex flex-col gap-1" aria-label="Ended controls">
              {page.history.map((c) => (
                <li key={c.id} className="text-muted">
                  {c.text} · set {timeAgo(c.createdAt)} · {c.endedAt ? `undone ${timeAgo(c.endedAt)}` : 'expired'}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section aria-labelledby="groups-quiet" className={card}>
        <h2 id="groups-quiet" className="text-lg font-semibold">
          Groups that don’t shape your feed
        </h2>
        <p className="mb-3 mt-1 text-sm text-muted">For support groups and the like: what you read and react to there is never used to pick posts for you.</p>
        {page.groups.length === 0 ? (
          <p className="text-sm text-muted">You’re not in any group yet.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line" aria-label="Your groups">
            {page.groups.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <Link href={`/g/${g.slug}`} className="font-medium hover:underline">
                    {g.name}
                  </Link>
                  {g.quiet && <span className="ml-2 text-muted">· kept out of your feed’s learning</span>}
                </span>
                <ActionForm action={quietGroupAction} submit={g.quiet ? 'Let it shape my feed' : 'Don’t let it shape my feed'} variant="secondary" size="sm" label={`${g.name}: feed learning`}>
                  <input type="hidden" name="groupId" value={g.id} />
                  <input type="hidden" name="on" value={String(!g.quiet)} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-title" id="history" className={card}>
        <h2 id="history-title" className="text-lg font-semibold">
          History and reset
        </h2>
        <p className="mb-3 mt-1 text-sm text-muted">
          {p.historyPaused
            ? 'History is paused: nothing you do is recorded, and For you uses only whom and what you follow and chose.'
            : p.recordActivity
              ? 'Hearth learns from what you look at, open, react to and save (you agreed to this on your privacy page).'
              : 'Activity-based personalization is off on your privacy page, so nothing you do is recorded.'}
        </p>
        <div className="flex flex-col gap-4">
          <ActionForm action={setHistoryPausedAction} submit={p.historyPaused ? 'Resume history' : 'Pause history'} variant="secondary" label="Pause or resume history">
            <input type="hidden" name="paused" value={String(!p.historyPaused)} />
          </ActionForm>
          <ActionForm action={resetPersonalizationAction} submit="Reset personalization" pending="Resetting…" variant="danger" label="Reset personalization">
            <label className="flex basis-full items-start gap-2 text-sm">
              <input type="checkbox" name="confirm" value="yes" className="mt-1" />
              <span>
                Forget what Hearth learned: inferred interests, view history, “show less” and “not interested”. Your follows, chosen interests and mutes stay.
              </span>
            </label>
          </ActionForm>
        </div>
      </section>
      <p id="people" className="text-sm text-muted">
        You follow {page.followCount} {page.followCount === 1 ? 'person' : 'people'}. <Link href={`/u/${viewer.handle}`} className="underline">Your profile</Link>
      </p>
    </div>
  );
}
