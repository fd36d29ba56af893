'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

export type AdminLink = { href: string; label: string };

/** /admin's sections; the current one is marked for screen readers too. Scrolls sideways on a phone. */
export function AdminNav({ links }: { links: AdminLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 border-b border-line">
        {links.map(({ href, label }) => {
          const active = href === '/admin' ? pathname === '/admin' : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  '-mb-px inline-block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-muted hover:text-ink',
                  active && 'border-accent text-accent hover:text-accent',
                )}
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
