import { ActionForm } from '@/components/ui/action-form';
import { joinGroupAction, leaveGroupAction, requestToJoinAction } from '@/lib/groups/actions';

type Props = {
  groupId: string;
  status: 'member' | 'pending' | 'banned' | null;
  visibility: 'public' | 'request' | 'invite';
  canJoin: boolean;
  canRequest: boolean;
  canLeave: boolean;
  isOwner: boolean;
  joinQuestions: string[];
};

/** The join button in the state that fits: join, request (with the group's questions), invite only, member, banned. */
export function MembershipControls(p: Props) {
  if (p.status === 'banned') return <p className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">You are banned from this group.</p>;
  if (p.status === 'pending') return <p className="rounded-lg bg-raised px-3 py-2 text-sm">Request sent — the group will answer soon.</p>;
  if (p.status === 'member') {
    if (p.isOwner) return <p className="text-sm text-muted">You own this group. To leave it, transfer ownership first (Settings → Members).</p>;
    return p.canLeave ? (
      <ActionForm action={leaveGroupAction} submit="Leave group" variant="secondary" pending="Leaving…">
        <input type="hidden" name="groupId" value={p.groupId} />
      </ActionForm>
    ) : null;
  }
  if (p.canJoin) {
    return (
      <ActionForm action={joinGroupAction} submit="Join group" pending="Joining…">
        <input type="hidden" name="groupId" value={p.groupId} />
      </ActionForm>
    );
  }
  if (p.canRequest) {
    return (
      <ActionForm action={requestToJoinAction} submit="Request to join" pending="Sending…" className="flex-col items-stretch" label="Request to join">
        <input type="hidden" name="groupId" value={p.groupId} />
        {p.joinQuestions.map((q, i) => (
          <label key={i} className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{q}</span>
            <textarea name="answers[]" required maxLength={1000} rows={2} className="rounded-lg border border-line bg-surface px-3 py-2 text-base" />
          </label>
        ))}
      </ActionForm>
    );
  }
  return <p className="rounded-lg bg-raised px-3 py-2 text-sm">This group is invite only. Ask a member for an invite link.</p>;
}
