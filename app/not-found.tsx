import Link from 'next/link';
import { Brand } from '@/components/shell/brand';
import { buttonClass } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-4 px-4 text-center">
      <Brand />
      <h1 className="text-2xl font-bold">We couldn’t find that page</h1>
      <p className="text-muted">The link may be old, or the page may have moved or been removed.</p>
      <Link href="/" className={buttonClass('primary')}>
        Go to Hearth’s front page
      </Link>
    </main>
  );
}
