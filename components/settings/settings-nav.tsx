'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

/** Every settings page, one link each, above each of them; the current one is marked for screen readers too. */
export const settingsPages = [
  { href: '/settings/profile', label: 'Profile' },
  { href: '/settings/feed', label: 'Feed' },
  { href: '/settings/privacy', label: 'Privacy' },
  { href: '/settings/account', label: 'Account & security' },
  { href: '/settings/digest', label: 'Email digest' },
  { href: '/settings/blocked', label: 'Blocked people' },
] as const;

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mx-auto mb-6 max-w-3xl overflow-x-auto">
      <ul className="flex gap-1 border-b border-line pb-2 text-sm">
        {settingsPages.map(({ href, label }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href} className="shrink-0">
              <Link
                href={href}
                aria-current={active ? 'page' : undefined}
                className={cn('inline-block rounded-lg px-3 py-1.5 font-medium text-muted hover:bg-raised hover:text-ink', active && 'bg-accent-soft text-accent hover:bg-accent-soft hover:text-accent')}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
