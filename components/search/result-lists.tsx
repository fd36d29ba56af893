import Link from 'next/link';
import { VisibilityMark } from '@/components/groups/visibility-mark';
import { Avatar } from '@/components/ui/avatar';
import { plural } from '@/lib/format';
import type { GroupHit, InterestHit, PersonHit } from '@/lib/search/queries';

const choiceLabel = { more: 'Showing more', less: 'Showing less', hide: 'Hidden from your feed' } as const;

export function GroupResults({ groups }: { groups: GroupHit[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="Groups found">
      {groups.map((g) => (
        <li key={g.id} className="flex gap-3 overflow-hidden rounded-xl border border-line bg-surface p-4">
          <span aria-hidden="true" className="w-1.5 shrink-0 rounded-full" style={{ backgroundColor: g.accentColor }} />
          <div className="min-w-0">
            <h3 className="font-semibold">
              <Link href={`/g/${g.slug}`} className="hover:underline">
                {g.name}
              </Link>
            </h3>
            {g.description && <p className="mt-0.5 line-clamp-2 text-sm text-muted">{g.description}</p>}
            <p className="mt-2 flex flex-wrap items-center gap-x-2 text-xs text-muted">
              <span>#{g.topic}</span>·<span>{plural(g.memberCount, 'member')}</span>
              {g.isMember && (
                <>
                  ·<span className="font-medium text-accent">Member</span>
                </>
              )}
              <VisibilityMark visibility={g.visibility} />
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function PeopleResults({ people }: { people: PersonHit[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="People found">
      {people.map((p) => (
        <li key={p.id} className="flex items-center gap-3 rounded-xl border border-line bg-surface p-3">
          <Avatar name={p.name} handle={p.handle} image={p.image} size={40} />
          <div className="min-w-0 flex-1 text-sm">
            <Link href={`/u/${p.handle}`} className="block truncate font-semibold hover:underline">
              {p.name}
            </Link>
            <span className="block truncate text-muted">@{p.handle}</span>
          </div>
          {p.following && <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent">Following</span>}
        </li>
      ))}
    </ul>
  );
}

export function InterestResults({ interests }: { interests: InterestHit[] }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Interests found">
      {interests.map((i) => (
        <li key={i.slug}>
          <Link href={`/t/${encodeURIComponent(i.slug)}`} className="inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1.5 text-sm hover:bg-raised">
            <span className="font-medium">#{i.slug}</span>
            {i.label.toLowerCase() !== i.slug.replace(/-/g, ' ') && <span className="text-muted">{i.label}</span>}
            {i.following && <span className="text-xs font-medium text-accent">Following</span>}
            {i.choice && <span className="text-xs text-muted">{choiceLabel[i.choice]}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
