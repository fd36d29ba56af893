import type { Metadata } from 'next';
import Link from 'next/link';
import { MemberActions } from '@/components/admin/member-actions';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { getMembers, requireInstanceStaff } from '@/lib/admin/queries';

export const metadata: Metadata = { title: 'Members' };

const filters = [
  { value: 'all', label: 'Everyone' },
  { value: 'staff', label: 'Admins and moderators' },
  { value: 'suspended', label: 'Suspended' },
] as const;

const roleLabel = { admin: 'Admin', moderator: 'Moderator' } as const;

export default async function AdminMembersPage({ searchParams }: { searchParams: Promise<{ q?: string; filter?: string; page?: string }> }) {
  const { viewer, role } = await requireInstanceStaff('moderate');
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q : '';
  const filter = filters.find((f) => f.value === params.filter)?.value ?? 'all';
  const members = await getMembers({ q, filter, page: Number(params.page) || 1 });
  const pageHref = (page: number) => `/admin/members?${new URLSearchParams({ ...(q ? { q } : {}), filter, page: String(page) })}`;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Members</h1>
      <form role="search" aria-label="Find members" className="flex flex-wrap items-end gap-2" action="/admin/members">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Name, handle or email</span>
          <input name="q" type="search" defaultValue={q} maxLength={100} className="h-10 rounded-lg border border-line bg-surface px-3 text-ink" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Show</span>
          <select name="filter" defaultValue={filter} className="h-10 rounded-lg border border-line bg-surface px-2 text-ink">
            {filters.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass('secondary')}>
          Search
        </button>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {members.total === 1 ? '1 person' : `${members.total.toLocaleString('en')} people`}
        {q ? ` matching “${q}”` : ''}
      </p>
      {members.rows.length === 0 ? (
        <EmptyState title="Nobody matches">Try part of a name, a handle or an address.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {members.rows.map((m) => (
            <li key={m.id} className="rounded-2xl border border-line bg-surface p-4">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={`/u/${m.handle}`} className="font-semibold hover:underline">
                  {m.name}
                </Link>
                <span className="text-sm text-muted">@{m.handle}</span>
                <span className="break-all text-sm text-muted">{m.email}</span>
                <span className="ml-auto flex gap-2 text-xs">
                  {m.role && <span className="rounded-full bg-accent-soft px-2 py-0.5 font-medium text-accent">{roleLabel[m.role]}</span>}
                  {m.suspendedAt && <span className="rounded-full bg-danger-soft px-2 py-0.5 font-medium text-danger">Suspended</span>}
                  {m.awaitingApproval && <span className="rounded-full bg-raised px-2 py-0.5 font-medium">Waiting for approval</span>}
                </span>
              </div>
              {m.suspendedAt && (
                <p className="mt-1 text-sm">
                  Suspended {m.suspendedAt.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })}: {m.suspensionReason}
                </p>
              )}
              {m.id !== viewer.id && (m.role !== 'admin' || role === 'admin') && (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-accent">Manage @{m.handle}</summary>
                  <div className="mt-3">
                    <MemberActions
                      member={{ id: m.id, handle: m.handle, role: m.role, suspended: Boolean(m.suspendedAt) }}
                      canSuspend={m.role === null || (m.role === 'moderator' && role === 'admin')}
                      canChangeRole={role === 'admin'}
                    />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {members.pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {members.page > 1 && (
            <Link href={pageHref(members.page - 1)} className="text-accent underline">
              Previous
            </Link>
          )}
          <span>
            Page {members.page} of {members.pages}
          </span>
          {members.page < members.pages && (
            <Link href={pageHref(members.page + 1)} className="text-accent underline">
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
