'use client';
// Times as people read them. The server cannot know the reader's clock or zone, so it says the time relative to the
// minute it rendered the page ("5 minutes ago", in its own locale and UTC), and the browser's first render says the
// same from the same minute (no hydration mismatch); once hydrated, the browser says it from its own clock, locale and
// time zone, and keeps it current. The words rarely change at that moment, so nothing around them moves: an absolute
// time on the server ("5 Dec 2026, 10:03 UTC" becoming "yesterday") rewrapped the celebration cards after hydration,
// a layout shift Lighthouse measured on the feed (CLS 0.15). The full date and time is the title.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { absoluteTime, timeAgo } from '@/lib/format';
import { defaultDateContext, type DateContext } from '@/lib/intl';

type ServerClock = DateContext & { /** The minute the server rendered the page (minutes since the epoch). */ minute: number | null };

const ServerDates = createContext<ServerClock>({ ...defaultDateContext, minute: null });

/** The locale (from Accept-Language) and time zone the server renders times in, and the minute it renders them at. */
export function DateContextProvider({ value, minute, children }: { value: DateContext; minute: number; children: ReactNode }) {
  return <ServerDates.Provider value={{ ...value, minute }}>{children}</ServerDates.Provider>;
}

function browserDates(): DateContext {
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  return { locale: navigator.language || resolved.locale, timeZone: resolved.timeZone || 'UTC' };
}

// The clock, to the minute: null while the server renders and while the browser hydrates (React renders the server
// snapshot then), the current minute afterwards.
const everyMinute = (tick: () => void) => {
  const timer = setInterval(tick, 60_000);
  return () => clearInterval(timer);
};
const currentMinute = () => Math.floor(Date.now() / 60_000);
const noClock = () => null;

export function RelativeTime({ date, className }: { date: Date | string; className?: string }) {
  const server = useContext(ServerDates);
  const at = typeof date === 'string' ? new Date(date) : date;
  const minute = useSyncExternalStore(everyMinute, currentMinute, noClock);
  const reader = minute === null ? server : browserDates();
  const absolute = absoluteTime(at, reader);
  // Without a server minute (a provider-less render), the absolute time, as stable as the minute would be.
  const now = minute ?? server.minute;
  return (
    <time dateTime={at.toISOString()} title={absolute} className={className}>
      {now === null ? absolute : timeAgo(at, new Date(now * 60_000), reader)}
    </time>
  );
}
