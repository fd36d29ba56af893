import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { signOutEverywhereAction } from '@/lib/auth/actions';

/** The "end every session" control, shown on the account and privacy pages. */
export function SignOutEverywhere({ children, list }: { children?: ReactNode; list?: ReactNode }) {
  return (
    <section aria-labelledby="sessions" className="rounded-2xl border border-line bg-surface p-5">
      <h2 id="sessions" className="text-lg font-semibold">
        Sessions
      </h2>
      <p className="mt-1 text-sm text-muted">
        Signed in somewhere you no longer use? Sign that device out, or end every session, including this one. {children}
      </p>
      {list}
      <form action={signOutEverywhereAction} className="mt-3">
        <Button type="submit" variant="secondary">
          Sign out everywhere
        </Button>
      </form>
    </section>
  );
}
