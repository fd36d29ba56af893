import Link from 'next/link';
import type { ReactNode } from 'react';
import { siteSettingsForRequest } from '@/lib/admin/queries';
import { LogOut } from '@/components/ui/icons';
import { HeaderSearch } from '@/components/search/header-search';
import { LiveProvider } from '@/components/live/live-provider';
import { Avatar } from '@/components/ui/avatar';
import { signOutAction } from '@/lib/auth/actions';
import type { Viewer } from '@/lib/auth/viewer';
import { unreadNow } from '@/lib/notifications/queries';
import { Brand } from './brand';
import { NavLinks } from './nav-links';
import { ThemeSwitcher } from './theme-switcher';

/** The signed-in frame: a top bar with navigation on wide screens, a tab bar at the bottom on phones. */
export async function AppShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const [{ unread, at: unreadAt }, site] = await Promise.all([unreadNow(viewer), siteSettingsForRequest()]);
  return (
    <LiveProvider unread={unread} unreadAt={unreadAt}>
      <div className="min-h-dvh pb-20 md:pb-0">
        <header className="sticky top-0 z-30 border-b border-line bg-page/90 backdrop-blur">
          <div className="relative mx-auto flex h-14 max-w-5xl items-center gap-4 px-4">
            <Brand href="/feed" name={site.name} />
            <nav aria-label="Main" className="hidden flex-1 md:block">
              <NavLinks handle={viewer.handle} variant="top" unread={unread} />
            </nav>
            <div className="ml-auto flex items-center gap-2">
              {viewer.instanceRole && (
                <Link href="/admin" className="rounded-lg px-2 py-2 text-sm font-medium text-muted hover:bg-raised hover:text-ink">
                  Admin
                </Link>
              )}
              <HeaderSearch />
              <ThemeSwitcher />
              <span className="hidden min-w-0 items-center gap-2 text-sm lg:inline-flex">
                <Avatar name={viewer.name} handle={viewer.handle} image={viewer.image} size={28} alt="Your avatar" />
                {/* A long handle is cut short here (it is whole on the profile), so the header's row never runs past the screen. */}
                <span className="max-w-28 truncate">
                  <span className="sr-only">Signed in as</span>@{viewer.handle}
                </span>
              </span>
              <form action={signOutAction}>
                <button type="submit" title="Sign out" className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-lg px-2 py-2 text-sm text-muted hover:bg-raised hover:text-ink">
                  <LogOut aria-hidden="true" className="size-4" />
                  {/* An icon below 2xl: with search and Discover in the header the row has no room for the words (they wrapped). */}
                  <span className="sr-only 2xl:not-sr-only">Sign out</span>
                </button>
              </form>
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
        <nav aria-label="Main (mobile)" className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface md:hidden">
          <NavLinks handle={viewer.handle} variant="bottom" unread={unread} />
        </nav>
      </div>
    </LiveProvider>
  );
}
