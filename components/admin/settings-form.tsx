'use client';

import { useActionState, useState } from 'react';
import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';
import { Field, TextAreaField } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { saveSiteSettingsAction } from '@/lib/admin/actions';
import type { SiteSettings } from '@/lib/admin/site';

const modes: { value: SiteSettings['registrationMode']; label: string; explain: string }[] = [
  { value: 'open', label: 'Open', explain: 'Anyone can create an account after confirming their address.' },
  { value: 'approval', label: 'Approval', explain: 'Newcomers answer your question; an admin approves each account before it can sign in.' },
  { value: 'invite', label: 'Invite only', explain: 'Only people with an invite link made in Invites can sign up.' },
  { value: 'closed', label: 'Closed', explain: 'Nobody can sign up. The sign-up page shows your contact address.' },
];

/** The instance settings, saved as a whole; what changed is written to the audit log. */
export function SettingsForm({ settings }: { settings: SiteSettings }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveSiteSettingsAction, {});
  const v = state.values;
  const e = state.fieldErrors ?? {};
  const [mode, setMode] = useState<string>(v?.registrationMode ?? settings.registrationMode);
  return (
    <form action={action} className="flex flex-col gap-5" aria-label="Site settings" noValidate>
      <FormAlert message={state.error} />
      {state.success && (
        <p role="status" className="rounded-lg border border-success/40 bg-surface px-3 py-2 text-sm text-success">
          {state.success}
        </p>
      )}
      <Field label="Site name" name="name" required maxLength={60} defaultValue={v?.name ?? settings.name} error={e.name} hint="Shown in the header and in mail." />
      <TextAreaField label="Description" name="description" maxLength={500} defaultValue={v?.description ?? settings.description} error={e.description} />
      <TextAreaField
        label="Rules"
        name="rules"
        defaultValue={v?.rules ?? settings.rules.join('\n')}
        error={e.rules}
        hint="One rule per line, in order (at most 20). Empty lines are dropped."
      />
      <Field
        label="Contact address"
        name="contactEmail"
        type="email"
        defaultValue={v?.contactEmail ?? settings.contactEmail}
        error={e.contactEmail}
        hint="Shown when registration is closed and to suspended people, so they can reach you."
      />
      <Field
        label="Mail language"
        name="mailLanguage"
        defaultValue={v?.mailLanguage ?? settings.mailLanguage}
        error={e.mailLanguage}
        hint="The language tag mail is marked with, such as en, de or pt-BR."
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Registration</legend>
        {modes.map((m) => (
          <label key={m.value} className="flex items-start gap-2">
            <input type="radio" name="registrationMode" value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} className="mt-1" />
            <span>
              {m.label}
              <span className="block text-sm text-muted">{m.explain}</span>
            </span>
          </label>
        ))}
        {e.registrationMode && <p className="text-sm text-danger">{e.registrationMode}</p>}
      </fieldset>
      <Field
        label="Approval question"
        name="approvalQuestion"
        maxLength={300}
        defaultValue={v?.approvalQuestion ?? settings.approvalQuestion}
        error={e.approvalQuestion}
        hint={mode === 'approval' ? 'Asked on the sign-up form; you read the answer before approving.' : 'Used when registration needs approval.'}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
}
