import type { Viewer } from '@/lib/auth/viewer';
import { feedGreeting } from '@/lib/profiles/queries';
import { TimeZoneReporter } from './time-zone-reporter';

/** "Good evening, Maya" and one kind line from their world. */
export async function Greeting({ viewer }: { viewer: Viewer }) {
  const greeting = await feedGreeting(viewer);
  if (!greeting) return null;
  return (
    <div className="mb-4">
      <p className="text-base font-medium">{greeting.salutation}</p>
      {greeting.line && <p className="text-sm text-muted">{greeting.line}</p>}
      {!greeting.timeZoneKnown && <TimeZoneReporter />}
    </div>
  );
}
