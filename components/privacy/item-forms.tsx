import { ActionForm } from '@/components/ui/action-form';
import { clearPrivacyCategoryAction, deletePrivacyItemAction } from '@/lib/privacy/actions';

/** Deletes one item of the person's data. The form has no name: a named form is a landmark, and one per item would repeat. */
export function DeleteItemForm({ table, itemKey }: { table: string; itemKey: string }) {
  return (
    <ActionForm action={deletePrivacyItemAction} submit="Delete" pending="Deleting…" variant="secondary" size="sm" className="mt-3">
      <input type="hidden" name="table" value={table} />
      <input type="hidden" name="key" value={itemKey} />
    </ActionForm>
  );
}

/** Deletes every item of one kind, after a ticked confirmation. */
export function ClearCategoryForm({ table, total }: { table: string; total: number }) {
  return (
    <ActionForm action={clearPrivacyCategoryAction} submit={`Delete all ${total}`} pending="Deleting…" variant="danger" className="mt-4" label="Delete all of them">
      <input type="hidden" name="table" value={table} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" value="yes" required />
        Yes, delete all of them
      </label>
    </ActionForm>
  );
}
