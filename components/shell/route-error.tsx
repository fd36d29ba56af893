'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

export default function MainError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <section className="mx-auto max-w-lg rounded-2xl border border-line bg-surface p-8 text-center">
      <h1 className="text-xl font-bold">Something went wrong on our side</h1>
      <p className="mt-2 text-sm text-muted">
        It’s not something you did. Try again; if it keeps happening, the reference {error.digest ? <code>{error.digest}</code> : 'below'} helps us find it.
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </section>
  );
}
