import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AdminNav, type AdminLink } from '@/components/admin/admin-nav';
import { requireInstanceStaff } from '@/lib/admin/queries';

export const metadata: Metadata = { title: { default: 'Administration', template: '%s · Administration' } };
export const dynamic = 'force-dynamic';

/** /admin: for the instance's admins and moderators only (anyone else gets a 404); moderators see what they may use. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { role } = await requireInstanceStaff('moderate');
  const links: AdminLink[] = [
    { href: '/admin', label: 'Dashboard' },
    { href: '/admin/members', label: 'Members' },
    { href: '/admin/reports', label: 'Reports' },
    ...(role === 'admin'
      ? [
          { href: '/admin/registrations', label: 'Registrations' },
          { href: '/admin/invites', label: 'Invites' },
          { href: '/admin/settings', label: 'Settings' },
          { href: '/admin/audit', label: 'Audit log' },
        ]
      : []),
  ];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-muted">Running this instance as {role === 'admin' ? 'an admin' : 'a moderator'}</p>
        <AdminNav links={links} />
      </div>
      {children}
    </div>
  );
}
