import type { Viewer } from '@/lib/auth/viewer';
import { getFeedGreeting } from '@/lib/profiles/queries';
import { TimeZoneReporter } from './time-zone-reporter';

/** "Good evening, Maya" and one kind line from their world. */
export async function Greeting({ viewer }: { viewer: Viewer }) {
  const greeting = await getFeedGreeting(viewer);
  if (!greeting) return null;
  return (
    <div className="mb-2">
      <p className="text-2xl font-bold">{greeting.salutation}</p>
      {greeting.line && <p className="mt-1 text-muted">{greeting.line}</p>}
      {!greeting.timeZoneKnown && <TimeZoneReporter />}
    </div>
  );
}
