import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';
import { plural } from '@/lib/format';
import { listGroups } from '@/lib/groups/queries';

export const metadata: Metadata = { title: 'Groups' };

export default async function GroupsPage() {
  const viewer = await requireUser('/groups');
  const groups = await listGroups(viewer);
  return (
    <>
      <h1 className="text-2xl font-bold">Groups</h1>
      <p className="mb-6 mt-1 text-sm text-muted">Interest groups on Hearth. Each is run by its members.</p>
      {groups.length === 0 ? (
        <EmptyState title="No groups yet" />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {groups.map((g) => (
            <li key={g.id} className="rounded-xl border border-line bg-surface p-5">
              <div className="flex items-start justify-between gap-3">
                <h2 className="font-semibold">
                  <Link href={`/g/${g.slug}`} className="hover:underline">
                    {g.name}
                  </Link>
                </h2>
                {g.viewerRole && <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent">{g.viewerRole === 'member' ? 'Member' : g.viewerRole[0].toUpperCase() + g.viewerRole.slice(1)}</span>}
              </div>
              <p className="mt-1 text-sm text-muted">{g.description}</p>
              <p className="mt-3 text-xs text-muted">
                #{g.topic} · {plural(g.memberCount, 'member')} · {plural(g.postCount, 'post')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
