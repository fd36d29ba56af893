import type { Metadata } from 'next';
import Link from 'next/link';
import { VisibilityMark } from '@/components/groups/visibility-mark';
import { Plus, Search } from '@/components/ui/icons';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';
import { plural } from '@/lib/format';
import { SuggestionsCard } from '@/components/feed/suggestions-card';
import { listGroups, listTopics } from '@/lib/groups/queries';
import { mediaVariantUrl } from '@/lib/media/urls';
import { groupSuggestionsFor } from '@/lib/recommend/suggestions';

export const metadata: Metadata = { title: 'Groups' };

const statusLabel = { member: 'Member', pending: 'Requested', banned: 'Banned' } as const;

export default async function GroupsPage({ searchParams }: { searchParams: Promise<{ q?: string; topic?: string }> }) {
  const viewer = await requireUser('/groups');
  const { q, topic } = await searchParams;
  const [groups, topics, suggested] = await Promise.all([
    listGroups(viewer, { q, topic }),
    listTopics(),
    q || topic ? Promise.resolve([]) : groupSuggestionsFor(viewer.id, 3),
  ]);
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Groups</h1>
          <p className="mt-1 text-sm text-muted">Interest groups on Hearth. Each is run by its members.</p>
        </div>
        <Link href="/g/new" className={buttonClass('primary')}>
          <Plus aria-hidden="true" className="size-4" /> Create a group
        </Link>
      </div>
      {suggested.length > 0 && (
        <div className="mt-6">
          <SuggestionsCard groups={suggested} people={[]} />
        </div>
      )}
      <form role="search" aria-label="Find groups" className="my-6 flex flex-wrap items-end gap-3" action="/groups">
        <label className="flex min-w-56 flex-1 flex-col gap-1.5 text-sm font-medium">
          Search groups
          <span className="relative">
            <Search aria-hidden="true" className="absolute left-3 top-3 size-4 text-muted" />
            <input name="q" defaultValue={q} type="search" placeholder="ceramics, running…" className="h-10 w-full rounded-lg border border-line bg-surface pl-9 pr-3 text-base" />
          </span>
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Topic
          <select name="topic" defaultValue={topic ?? ''} className="h-10 rounded-lg border border-line bg-surface px-3 text-base">
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass('secondary')}>
          Search
        </button>
      </form>
      {groups.length === 0 ? (
        <EmptyState title={q || topic ? 'No groups match that search' : 'No groups yet'}>{q || topic ? 'Try another word, or all topics.' : 'Be the first to create one.'}</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Groups">
          {groups.map((g) => (
            <li key={g.id} className="overflow-hidden rounded-xl border border-line bg-surface">
              <div aria-hidden="true" className="h-2" style={{ backgroundColor: g.accentColor }} />
              <div className="p-5">
                <div className="flex items-start justify-between gap-3">
                  {g.iconUrl && (
                    // eslint-disable-next-line @next/next/no-img-element -- our own media route, already sized
                    <img src={mediaVariantUrl(g.iconUrl, '48')} alt="" width={40} height={40} className="size-10 rounded-lg" />
                  )}
                  <h2 className="flex-1 font-semibold">
                    <Link href={`/g/${g.slug}`} className="hover:underline">
                      {g.name}
                    </Link>
                  </h2>
                  {g.viewerStatus && <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent">{statusLabel[g.viewerStatus]}</span>}
                </div>
                <p className="mt-1 text-sm text-muted">{g.description}</p>
                <p className="mt-3 flex flex-wrap items-center gap-x-2 text-xs text-muted">
                  <span>#{g.topic}</span>·<span>{plural(g.memberCount, 'member')}</span>·<span>{plural(g.postCount, 'post')}</span>
                  <VisibilityMark visibility={g.visibility} />
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
