// The Bans tab of a group's settings: who is banned, why, and the way back.
import { ActionForm } from '@/components/ui/action-form';
import { timeAgo } from '@/lib/format';
import { unbanMemberAction } from '@/lib/groups/actions';
import type { GroupSettings } from '@/lib/groups/queries';

export function BansTab({ s }: { s: GroupSettings }) {
  if (s.bans.length === 0) return <p className="text-sm text-muted">Nobody is banned.</p>;
  return (
    <ul className="flex flex-col gap-2" aria-label="Bans">
      {s.bans.map((b) => (
        <li key={b.userId} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line p-3 text-sm">
          <span>
            <strong>{b.name}</strong> @{b.handle} — “{b.reason}”, {timeAgo(new Date(b.createdAt))}
          </span>
          <ActionForm action={unbanMemberAction} submit={`Unban ${b.name}`} variant="ghost" size="sm">
            <input type="hidden" name="groupId" value={s.group.id} />
            <input type="hidden" name="userId" value={b.userId} />
          </ActionForm>
        </li>
      ))}
    </ul>
  );
}
