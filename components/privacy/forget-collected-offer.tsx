import { ActionForm } from '@/components/ui/action-form';
import { forgetCollectedAction } from '@/lib/privacy/actions';
import { plural } from '@/lib/format';

/** Shown under a withdrawn personalization consent while what it collected is still kept. */
export function ForgetCollectedOffer({ scope, signals, topics }: { scope: 'activity' | 'inferred'; signals: number; topics: number }) {
  const question =
    scope === 'activity'
      ? `Also delete the ${plural(signals, 'view or open', 'views and opens')} and the inferred scores${topics ? ` of ${plural(topics, 'topic')}` : ''} collected so far?`
      : `Also delete the inferred scores of ${plural(topics, 'topic')} collected so far?`;
  return (
    <div className="mb-3 rounded-xl bg-raised p-4 text-sm">
      <p className="font-medium">{question}</p>
      <p className="mt-1 text-muted">Hearth stopped using them the moment you switched this off. Your follows and your own choices (more, less, hide) stay.</p>
      <ActionForm action={forgetCollectedAction} submit="Delete them" pending="Deleting…" variant="danger" size="sm" className="mt-2" label={question}>
        <input type="hidden" name="scope" value={scope} />
        <label className="flex basis-full items-center gap-2">
          <input type="checkbox" name="confirm" value="yes" required />
          Yes, delete what was collected
        </label>
      </ActionForm>
    </div>
  );
}
