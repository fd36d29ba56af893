'use client';

// The last resort, when the root layout itself failed: plain HTML, no app styles. The reference is the digest the
// server logged the error under (instrumentation.ts → lib/log.ts).
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '3rem', textAlign: 'center' }}>
        <h1>Hearth hit an unexpected error</h1>
        <p>Please try again in a moment.</p>
        {error.digest ? (
          <p>
            If it keeps happening, tell the people who run this Hearth the reference <code>{error.digest}</code>.
          </p>
        ) : null}
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
