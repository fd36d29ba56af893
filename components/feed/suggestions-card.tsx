import Link from 'next/link';
import { Avatar } from '@/components/ui/avatar';
import type { GroupSuggestion, PersonSuggestion } from '@/lib/recommend/suggestions';
import { FollowButton, JoinButton } from './quick-actions';

/** Groups and people worth a look, each with why; people only if they allow being suggested. */
export function SuggestionsCard({ groups, people }: { groups: GroupSuggestion[]; people: PersonSuggestion[] }) {
  if (groups.length === 0 && people.length === 0) return null;
  return (
    <section aria-labelledby="suggestions" className="rounded-2xl border border-line bg-surface p-5">
      <h2 id="suggestions" className="font-semibold">
        Suggested for you
      </h2>
      {groups.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-medium text-muted">Groups</h3>
          <ul className="mt-2 flex flex-col gap-3" aria-label="Suggested groups">
            {groups.map((g) => (
              <li key={g.id} className="text-sm">
                <Link href={`/g/${g.slug}`} className="font-medium hover:underline">
                  <span aria-hidden="true" className="mr-1.5 inline-block size-2.5 rounded-full" style={{ backgroundColor: g.accentColor }} />
                  {g.name}
                </Link>
                <p className="text-xs text-muted">{g.reason}</p>
                {g.visibility === 'public' && <JoinButton groupId={g.id} name={g.name} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {people.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-medium text-muted">People</h3>
          <ul className="mt-2 flex flex-col gap-3" aria-label="Suggested people">
            {people.map((p) => (
              <li key={p.id} className="flex items-start gap-2 text-sm">
                <Avatar name={p.name} handle={p.handle} image={p.image} size={32} />
                <div className="min-w-0 flex-1">
                  <Link href={`/u/${p.handle}`} className="font-medium hover:underline">
                    {p.name}
                  </Link>
                  <p className="text-xs text-muted">{p.reason}</p>
                  <FollowButton userId={p.id} name={p.name} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-4 text-xs text-muted">
        People appear here only if they allow it. <Link href="/discover" className="underline">Discover more</Link>
      </p>
    </section>
  );
}
