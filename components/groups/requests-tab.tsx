// The Requests tab of a group's settings: people asking to join, with their answers, approved or declined.
import { ActionForm } from '@/components/ui/action-form';
import { decideJoinRequestAction } from '@/lib/groups/actions';
import type { GroupSettings } from '@/lib/groups/queries';

export function RequestsTab({ s }: { s: GroupSettings }) {
  if (s.requests.length === 0) return <p className="text-sm text-muted">No one is waiting to join.</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Join requests">
      {s.requests.map((r) => (
        <li key={r.id} className="rounded-xl border border-line p-4">
          <p className="font-semibold">
            {r.name} <span className="font-normal text-muted">@{r.handle}</span>
          </p>
          <dl className="mt-2 text-sm">
            {s.group.joinQuestions.map((q, i) => (
              <div key={i} className="mt-1">
                <dt className="font-medium">{q}</dt>
                <dd className="text-muted">{r.answers[i] || '—'}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-3 flex gap-2">
            <ActionForm action={decideJoinRequestAction} submit="Approve" size="sm">
              <input type="hidden" name="requestId" value={r.id} />
              <input type="hidden" name="decision" value="approve" />
            </ActionForm>
            <ActionForm action={decideJoinRequestAction} submit="Decline" variant="secondary" size="sm">
              <input type="hidden" name="requestId" value={r.id} />
              <input type="hidden" name="decision" value="deny" />
            </ActionForm>
          </div>
        </li>
      ))}
    </ul>
  );
}
