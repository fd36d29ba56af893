import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Brand } from './brand';
import { ThemeSwitcher } from './theme-switcher';

/** The light frame for signed-out visitors of public pages (profiles): the brand, the theme and a way in. */
export function PublicShell({ children, returnTo }: { children: ReactNode; returnTo?: string }) {
  const signIn = returnTo ? `/sign-in?next=${encodeURIComponent(returnTo)}` : '/sign-in';
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-30 border-b border-line bg-page/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-5xl items-center gap-3 px-4">
          <Brand />
          <nav aria-label="Account" className="ml-auto flex items-center gap-2">
            <ThemeSwitcher className="hidden sm:inline-flex" />
            <Link href={signIn} className={buttonClass('ghost')}>
              Sign in
            </Link>
            <Link href="/sign-up" className={buttonClass('primary')}>
              Join
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
