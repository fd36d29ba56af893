import Link from 'next/link';
import type { GroupSuccession } from '@/lib/privacy/queries';

/** On the erasure form, before anyone confirms: groups the person owns pass on by a written rule, never silently. */
export function GroupSuccessionNotice({ succession }: { succession: GroupSuccession }) {
  const { rule, alone, groups } = succession;
  return (
    <div className="mb-4 flex flex-col gap-2 text-sm">
      <p className="text-muted">
        Groups you own pass to {rule}. The new owner is told, and the group’s audit log says that ownership passed because its owner left
        Hearth. A group nobody else is in: {alone}. To choose the new owner yourself, transfer ownership in the group’s settings first.
      </p>
      {groups.length > 0 && (
        <ul className="list-disc pl-5" aria-label="Groups you own">
          {groups.map((g) => (
            <li key={g.slug}>
              <Link href={`/g/${g.slug}/settings?tab=members`} className="text-accent underline underline-offset-2">
                {g.name}
              </Link>
              {g.heir ? ` passes to ${g.heir.name} (@${g.heir.handle}), ${g.heir.why}.` : `: you are its only member, so ${alone}.`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
