'use client';

import { ActionForm } from '@/components/ui/action-form';
import { decideRegistrationAction } from '@/lib/admin/actions';

/** Approve or reject one waiting account, with an optional note mailed to them. */
export function RegistrationDecision({ userId, handle }: { userId: string; handle: string }) {
  return (
    <ActionForm action={decideRegistrationAction} submit="Decide" size="sm" label={`Decide on @${handle}`}>
      <input type="hidden" name="userId" value={userId} />
      <fieldset className="flex items-center gap-3 text-sm">
        <legend className="sr-only">Decision for @{handle}</legend>
        <label className="inline-flex items-center gap-1">
          <input type="radio" name="decision" value="approve" defaultChecked /> Approve
        </label>
        <label className="inline-flex items-center gap-1">
          <input type="radio" name="decision" value="reject" /> Reject
        </label>
      </fieldset>
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
        <span className="font-medium">Note to @{handle} (optional)</span>
        <input name="reason" maxLength={500} className="h-8 rounded-lg border border-line bg-surface px-2 text-ink" />
      </label>
    </ActionForm>
  );
}
