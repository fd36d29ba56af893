import Link from 'next/link';
import { History, X } from '@/components/ui/icons';
import { ActionForm } from '@/components/ui/action-form';
import { clearRecentSearchesAction, deleteRecentSearchAction } from '@/lib/search/actions';
import type { RecentSearch } from '@/lib/search/queries';
import { RelativeTime } from '@/components/ui/relative-time';

/** The person's recent searches, each removable, and all of them at once. Only they see this. */
export function RecentSearches({ searches, paused }: { searches: RecentSearch[]; paused: boolean }) {
  return (
    <section aria-labelledby="recent-searches" className="rounded-xl border border-line bg-surface p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="recent-searches" className="inline-flex items-center gap-2 font-semibold">
          <History aria-hidden="true" className="size-4 text-muted" /> Recent searches
        </h2>
        {searches.length > 0 && <ActionForm action={clearRecentSearchesAction} submit="Clear all" pending="Clearing…" variant="secondary" size="sm" label="Clear recent searches" />}
      </div>
      {paused && <p className="mt-2 text-sm text-muted">Your history is paused, so new searches are not remembered.</p>}
      {searches.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{paused ? 'Nothing remembered.' : 'Searches you run appear here, only for you. You can remove them at any time.'}</p>
      ) : (
        <ul className="mt-3 divide-y divide-line" aria-label="Recent searches">
          {searches.map((s) => (
            <li key={s.id} className="flex items-center gap-2 py-1.5">
              <Link href={`/search?q=${encodeURIComponent(s.query)}`} className="min-w-0 flex-1 truncate text-sm hover:underline">
                {s.query}
              </Link>
              <span className="shrink-0 text-xs text-muted"><RelativeTime date={s.createdAt} /></span>
              <ActionForm
                action={deleteRecentSearchAction}
                submit={
                  <>
                    <X aria-hidden="true" className="size-4" />
                    <span className="sr-only">Remove “{s.query}” from recent searches</span>
                  </>
                }
                pending="…"
                variant="ghost"
                size="sm"
                className="flex-nowrap"
                label={`Remove “${s.query}”`}
              >
                <input type="hidden" name="searchId" value={s.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
