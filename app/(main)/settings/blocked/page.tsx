import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Avatar } from '@/components/ui/avatar';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';
import { unblockPersonAction } from '@/lib/blocks/actions';
import { listBlockedPeople } from '@/lib/blocks/queries';
import { RelativeTime } from '@/components/ui/relative-time';

export const metadata: Metadata = { title: 'Blocked people' };
export const dynamic = 'force-dynamic';

export default async function BlockedPeoplePage() {
  const viewer = await requireUser('/settings/blocked');
  const people = await listBlockedPeople(viewer);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Blocked people</h1>
        <p className="mt-1 text-muted">
          Neither you nor the people you block see each other’s posts, comments or profiles, and they cannot reply to you, mention you, follow you or
          send you notes. They are not told. To only see less of someone, mute them in your{' '}
          <Link href="/settings/feed" className="underline">
            feed controls
          </Link>{' '}
          instead.
        </p>
      </div>
      <section aria-labelledby="blocked" className="rounded-2xl border border-line bg-surface p-5">
        <h2 id="blocked" className="text-lg font-semibold">
          People you blocked
        </h2>
        {people.length === 0 ? (
          <div className="mt-3">
            <EmptyState title="You haven’t blocked anyone.">Block someone from their profile, under “Block”.</EmptyState>
          </div>
        ) : (
          <ul className="mt-3 flex flex-col divide-y divide-line" aria-label="People you blocked">
            {people.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="flex min-w-0 items-center gap-3">
                  <Avatar name={p.name} handle={p.handle} image={p.image} size={36} />
                  <div className="min-w-0">
                    <p className="truncate font-medium">{p.name}</p>
                    <p className="truncate text-sm text-muted">
                      @{p.handle} · blocked <RelativeTime date={p.blockedAt} />
                    </p>
                  </div>
                </div>
                <ActionForm action={unblockPersonAction} submit="Unblock" variant="secondary" size="sm" label={`Unblock ${p.name}`}>
                  <input type="hidden" name="userId" value={p.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
