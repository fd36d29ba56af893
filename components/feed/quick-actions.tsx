import { ActionButton } from '@/components/ui/action-button';
import { joinGroupAction } from '@/lib/groups/actions';
import { followPersonAction } from '@/lib/posts/actions';

/** "Follow Ana" beside a suggestion. */
export function FollowButton({ userId, name }: { userId: string; name: string }) {
  return (
    <ActionButton action={followPersonAction} submit={`Follow ${name}`} pending="Following…" className="mt-1">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="on" value="true" />
    </ActionButton>
  );
}

/** "Join Potters" beside a suggestion (public groups; the action checks). */
export function JoinButton({ groupId, name }: { groupId: string; name: string }) {
  return (
    <ActionButton action={joinGroupAction} submit={`Join ${name}`} pending="Joining…" className="mt-1">
      <input type="hidden" name="groupId" value={groupId} />
    </ActionButton>
  );
}

/** For how long a "show less" or mute holds. */
export function DurationSelect({ defaultValue }: { defaultValue: '7' | '90' | 'always' }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span>For how long</span>
      <select name="duration" defaultValue={defaultValue} className="h-8 rounded-md border border-line bg-surface px-2">
        <option value="7">7 days</option>
        <option value="90">90 days</option>
        <option value="always">Always</option>
      </select>
    </label>
  );
}
