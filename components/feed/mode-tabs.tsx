import { ActionButton } from '@/components/ui/action-button';
import type { FeedMode } from '@/db/schema';
import { setFeedModeAction } from '@/lib/recommend/actions';

const modes: { mode: FeedMode; label: string; hint: string }[] = [
  { mode: 'foryou', label: 'For you', hint: 'Ranked for you, each post says why' },
  { mode: 'following', label: 'Following', hint: 'Newest first from whom and what you follow' },
  { mode: 'chronological', label: 'Chronological', hint: 'Newest first, no personalization: nothing read, nothing recorded' },
];

/** The three feed modes; the choice is remembered. */
export function ModeTabs({ current }: { current: FeedMode }) {
  return (
    <nav aria-label="Feed mode" className="mb-4 flex flex-wrap gap-1 rounded-xl border border-line bg-surface p-1">
      {modes.map((m) => (
        <ActionButton
          key={m.mode}
          action={setFeedModeAction}
          submit={<span aria-current={m.mode === current ? 'page' : undefined}>{m.label}</span>}
          pending={m.label}
          variant={m.mode === current ? 'primary' : 'ghost'}
          className="flex-1"
          buttonClassName="w-full"
          label={`${m.label}: ${m.hint}`}
        >
          <input type="hidden" name="mode" value={m.mode} />
        </ActionButton>
      ))}
    </nav>
  );
}

export const modeDescriptions: Record<FeedMode, string> = {
  foryou: 'Ranked for you from follows, groups, interests and what people like you enjoy — every post says why.',
  following: 'Newest first, from your groups and the people and topics you follow.',
  chronological: 'Newest first from what you follow. No personal signal is used and nothing you do here is recorded.',
};
