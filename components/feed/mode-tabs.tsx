import type { FeedMode } from '@/db/schema';
import { ModeSwitch } from './mode-switch';

const modes: { mode: FeedMode; label: string; hint: string }[] = [
  { mode: 'foryou', label: 'For you', hint: 'Ranked for you, each post says why' },
  { mode: 'following', label: 'Following', hint: 'Newest first from whom and what you follow' },
  { mode: 'chronological', label: 'Chronological', hint: 'Newest first, no personalization: nothing read, nothing recorded' },
];

/**
 * The three feed modes; the choice is remembered. One form with a button per mode (ModeSwitch), not a form each:
 * three ActionForms rendered four hidden fields and a hashed key apiece on every view of the feed.
 */
export function ModeTabs({ current }: { current: FeedMode }) {
  return (
    <nav aria-label="Feed mode" className="mb-4 rounded-xl border border-line bg-surface p-1">
      <ModeSwitch current={current} modes={modes} />
    </nav>
  );
}

export const modeDescriptions: Record<FeedMode, string> = {
  foryou: 'Ranked for you from follows, groups, interests and what people like you enjoy — every post says why.',
  following: 'Newest first, from your groups and the people and topics you follow.',
  chronological: 'Newest first from what you follow. No personal signal is used and nothing you do here is recorded.',
};
