'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextAreaField as TextArea } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { createGroupAction } from '@/lib/groups/actions';
import { suggestSlug } from '@/lib/groups/slug';

export function CreateGroupForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createGroupAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  // The address follows the name as it is typed, until the person edits the address themself.
  const [slug, setSlug] = useState<string | null>(null);
  const [suggested, setSuggested] = useState('');
  return (
    <form action={action} className="flex flex-col gap-4" aria-label="Create a group" noValidate>
      {state.error && (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
          {state.error}
        </p>
      )}
      <Field label="Name" name="name" required maxLength={60} defaultValue={v.name} error={e.name} onChange={(event) => setSuggested(suggestSlug(event.currentTarget.value))} />
      <Field
        label="Address"
        name="slug"
        required
        maxLength={40}
        value={slug ?? (suggested || v.slug || '')}
        onChange={(event) => setSlug(event.currentTarget.value)}
        error={e.slug}
        hint="Suggested from the name; change it if you like. Lowercase letters, digits and dashes: your group lives at /g/address."
      />
      <Field label="Topic" name="topic" required maxLength={40} defaultValue={v.topic} error={e.topic} hint="One word or two, like ceramics or trail running." />
      <TextArea label="Description" name="description" maxLength={500} defaultValue={v.description} error={e.description} />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Who can join</legend>
        {[
          ['public', 'Anyone — a public group'],
          ['request', 'People who ask, once someone approves them'],
          ['invite', 'Only people with an invite link'],
        ].map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="visibility" value={value} defaultChecked={(v.visibility ?? 'public') === value} />
            {label}
          </label>
        ))}
        {e.visibility && <p className="text-sm text-danger">{e.visibility}</p>}
      </fieldset>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Creating…' : 'Create group'}
      </Button>
    </form>
  );
}
