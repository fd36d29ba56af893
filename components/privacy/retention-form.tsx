import { ActionForm } from '@/components/ui/action-form';
import type { RetentionKind } from '@/db/schema';
import { setRetentionAction } from '@/lib/privacy/actions';
import { retentionDefaults, retentionInfo, type RetentionDays } from '@/lib/privacy/retention-policy';

const order: RetentionKind[] = ['signals', 'search', 'notifications', 'profile'];
const value = (days: RetentionDays) => (days === null ? 'keep' : String(days));
const optionText = (days: RetentionDays, kind: RetentionKind) => {
  const text = days === null ? 'Keep until I delete it' : `Delete after ${days} days`;
  return retentionDefaults[kind] === days ? `${text} (default)` : text;
};

/** One choice per kind of data: auto-delete after 30, 90 or 365 days, or keep until deleted. */
export function RetentionForm({ choices }: { choices: Record<RetentionKind, RetentionDays> }) {
  return (
    <ActionForm action={setRetentionAction} submit="Save retention" pending="Saving…" variant="secondary" label="How long your data is kept" className="mt-3">
      <div className="grid basis-full grid-cols-1 gap-3 sm:grid-cols-2">
        {order.map((kind) => (
          <div key={kind} className="flex flex-col gap-1 text-sm">
            <label htmlFor={`retention-${kind}`} className="font-medium">
              {retentionInfo[kind].label}
            </label>
            <span id={`retention-${kind}-what`} className="text-xs text-muted">
              {retentionInfo[kind].what}
            </span>
            <select
              id={`retention-${kind}`}
              name={kind}
              defaultValue={value(choices[kind])}
              aria-describedby={`retention-${kind}-what`}
              className="h-9 rounded-md border border-line bg-surface px-2 text-ink"
            >
              {([30, 90, 365, null] as RetentionDays[]).map((d) => (
                <option key={value(d)} value={value(d)}>
                  {optionText(d, kind)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </ActionForm>
  );
}
