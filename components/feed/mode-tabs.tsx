import { buttonClass } from '@/components/ui/button';
import { plainFormAction } from '@/components/ui/form-action';
import type { FeedMode } from '@/db/schema';
import { setFeedModeAction } from '@/lib/recommend/actions';

const modes: { mode: FeedMode; label: string; hint: string }[] = [
  { mode: 'foryou', label: 'For you', hint: 'Ranked for you, each post says why' },
  { mode: 'following', label: 'Following', hint: 'Newest first from whom and what you follow' },
  { mode: 'chronological', label: 'Chronological', hint: 'Newest first, no personalization: nothing read, nothing recorded' },
];

/**
 * The three feed modes; the choice is remembered. One form, a button per mode (the pressed one sends its value):
 * before hydration, or without JavaScript, a plain POST and the page comes back in the new mode; after, React sends
 * the same form to the action and the page renders again around the button, which keeps its focus. A Server Component
 * with no state of its own: the page shows the answer (the mode marked current, its description above).
 */
export function ModeTabs({ current }: { current: FeedMode }) {
  return (
    <nav aria-label="Feed mode" className="mb-4 rounded-xl border border-line bg-surface p-1">
      <form action={plainFormAction(setFeedModeAction)} className="flex flex-wrap gap-1">
        {modes.map((m) => (
          <button key={m.mode} type="submit" name="mode" value={m.mode} title={m.hint} className={buttonClass(m.mode === current ? 'primary' : 'ghost', 'sm', 'flex-1')}>
            <span aria-current={m.mode === current ? 'page' : undefined}>{m.label}</span>
          </button>
        ))}
      </form>
    </nav>
  );
}

export const modeDescriptions: Record<FeedMode, string> = {
  foryou: 'Ranked for you from follows, groups, interests and what people like you enjoy — every post says why.',
  following: 'Newest first, from your groups and the people and topics you follow.',
  chronological: 'Newest first from what you follow. No personal signal is used and nothing you do here is recorded.',
};
