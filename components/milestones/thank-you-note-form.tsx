import { ActionForm } from '@/components/ui/action-form';
import { sendThankYouNoteAction } from '@/lib/milestones/actions';
import { NOTE_MAX } from '@/lib/milestones/templates';

/** A personal thank-you note on someone's milestone, folded away until wanted. */
export function ThankYouNoteForm({ milestoneId, name, title }: { milestoneId: string; name: string; title: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-accent hover:underline">Send {name} a thank-you note</summary>
      <ActionForm action={sendThankYouNoteAction} submit="Send note" size="sm" className="mt-2" label={`Thank-you note to ${name} for ${title}`} resetOnSuccess>
        <input type="hidden" name="milestoneId" value={milestoneId} />
        <label className="flex w-full flex-col gap-1">
          Your note
          <textarea name="body" required maxLength={NOTE_MAX} rows={2} className="rounded-lg border border-line bg-surface px-2 py-1" placeholder={`What ${name}’s ${title.toLowerCase()} meant to you`} />
        </label>
      </ActionForm>
    </details>
  );
}
