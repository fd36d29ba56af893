'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Bell, Compass, Home, Shield, User, Users } from '@/components/ui/icons';
import { useUnread } from '@/components/live/live-provider';
import { cn } from '@/lib/cn';

/** The six places of Hearth, in the header and in the phone tab bar; the current one is marked for screen readers too. */
export function NavLinks({ handle, variant, unread: serverUnread = 0 }: { handle: string; variant: 'top' | 'bottom'; unread?: number }) {
  const pathname = usePathname();
  // Kept current by the live stream (components/live) between page loads.
  const unread = useUnread(serverUnread);
  const links = [
    { href: '/feed', label: 'Feed', Icon: Home },
    { href: '/groups', label: 'Groups', Icon: Users },
    { href: '/discover', label: 'Discover', Icon: Compass },
    { href: '/notifications', label: 'Notifications', Icon: Bell },
    { href: `/u/${handle}`, label: 'Profile', Icon: User },
    { href: '/settings/privacy', label: 'Privacy', Icon: Shield },
  ];
  return (
    <ul className={cn(variant === 'top' ? 'flex items-center gap-1' : 'grid grid-cols-6')}>
      {links.map(({ href, label, Icon }) => {
        const active = pathname === href || (href !== '/feed' && pathname.startsWith(`${href}/`)) || (href === '/groups' && pathname.startsWith('/g/'));
        return (
          <li key={href} className="min-w-0">
            <Link
              href={href}
              aria-current={active ? 'page' : undefined}
              className={cn(
                variant === 'top'
                  ? 'inline-flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-muted hover:bg-raised hover:text-ink'
                  : 'flex flex-col items-center gap-0.5 px-0.5 py-2 text-[10px] font-medium text-muted',
                active && 'text-accent',
                active && variant === 'top' && 'bg-accent-soft hover:bg-accent-soft hover:text-accent',
              )}
            >
              <span className="relative">
                <Icon aria-hidden="true" className={variant === 'top' ? 'size-4' : 'size-5'} />
                {href === '/notifications' && unread > 0 && (
                  <span className="absolute -right-2 -top-1.5 min-w-4 rounded-full bg-accent px-1 text-center text-[10px] font-bold leading-4 text-accent-ink">
                    <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
                  </span>
                )}
              </span>
              {label}
              {href === '/notifications' && unread > 0 && <span className="sr-only">({unread} unread)</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
