import { ActionForm } from '@/components/ui/action-form';
import { SelectField } from '@/components/ui/field';
import { saveMailChoicesAction } from '@/lib/mail/actions';

type Choices = { moderation: boolean; digest: 'off' | 'daily' | 'weekly' };

/** The Email section of the person's settings: which mail Hearth sends them, beyond the mail about their account. */
export function MailChoices({ choices, unconfirmedEmail }: { choices: Choices; unconfirmedEmail?: string | null }) {
  return (
    <section aria-labelledby="mail-choices" className="rounded-2xl border border-line bg-surface p-5">
      <h2 id="mail-choices" className="text-lg font-semibold">
        Email
      </h2>
      <p className="mt-1 text-sm text-muted">
        Mail about your account (sign-up and sign-in links, password resets, security notices) always comes. The rest is your choice, and every such
        mail has a link to stop it.
        {unconfirmedEmail && ' While your address is not confirmed, only mail about your account is sent.'}
      </p>
      <ActionForm action={saveMailChoicesAction} submit="Save email choices" size="sm" className="mt-3" label="Email choices">
        <div className="flex basis-full flex-col gap-3">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="moderation" defaultChecked={choices.moderation} className="mt-1" />
            <span>
              Moderation mail
              <span className="block text-xs text-muted">The outcome of a report you made, and notices from the people who run this community.</span>
            </span>
          </label>
          <SelectField label="Digest" name="digest" defaultValue={choices.digest} hint="A summary of what you missed in your groups." className="max-w-xs">
            <option value="off">Off</option>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
          </SelectField>
        </div>
      </ActionForm>
    </section>
  );
}
