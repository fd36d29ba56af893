'use client';

import { Button } from '@/components/ui/button';

/**
 * The error page of a route. A failure on the server carries a digest: the server logged the error under it with the
 * request id (instrumentation.ts → lib/log.ts), so the reference shown here finds the log line. A failure in the
 * browser has none, and the page does not promise one.
 */
export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="mx-auto max-w-lg rounded-2xl border border-line bg-surface p-8 text-center">
      <h1 className="text-xl font-bold">Something went wrong on our side</h1>
      <p className="mt-2 text-sm text-muted">
        It’s not something you did. Try again{error.digest ? '; if it keeps happening, tell the people who run this Hearth the reference below, which helps them find it.' : '.'}
      </p>
      {error.digest ? <ErrorReference digest={error.digest} /> : null}
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </section>
  );
}

function ErrorReference({ digest }: { digest: string }) {
  return (
    <p className="mt-4 text-sm">
      Reference: <code className="select-all rounded bg-line/40 px-1.5 py-0.5">{digest}</code>
    </p>
  );
}
