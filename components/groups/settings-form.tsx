'use client';

import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextAreaField as TextArea } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import { updateGroupSettingsAction } from '@/lib/groups/actions';
import { renderWelcome } from '@/lib/groups/welcome';

type Settings = {
  id: string;
  name: string;
  description: string;
  topic: string;
  visibility: 'public' | 'request' | 'invite';
  accentColor: string;
  welcomeMessage: string;
  rules: string[];
  joinQuestions: string[];
};

const palette = ['#b4471f', '#a23b72', '#6a4c93', '#1f5fa8', '#2f6f73', '#3d7a3a', '#8a6d1f', '#4b5563'];

/** The group's look, words and door, with a live preview of the welcome a new member will see. */
export function GroupSettingsForm({ group, viewerName, memberCount }: { group: Settings; viewerName: string; memberCount: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateGroupSettingsAction, {});
  const [welcome, setWelcome] = useState(group.welcomeMessage);
  const [accent, setAccent] = useState(group.accentColor);
  const [name, setName] = useState(group.name);
  const e = state.fieldErrors ?? {};
  const rules = [...group.rules, '', ''];
  const questions = [0, 1, 2].map((i) => group.joinQuestions[i] ?? '');
  return (
    <form action={action} className="flex flex-col gap-5" aria-label="Group settings">
      <input type="hidden" name="groupId" value={group.id} />
      <Field label="Name" name="name" required maxLength={60} defaultValue={group.name} onChange={(ev) => setName(ev.target.value)} error={e.name} />
      <Field label="Topic" name="topic" required maxLength={40} defaultValue={group.topic} error={e.topic} />
      <TextArea label="Description" name="description" maxLength={500} defaultValue={group.description} error={e.description} />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Accent colour</legend>
        <div className="flex flex-wrap items-center gap-2">
          {palette.map((c) => (
            <button
              key={c}
              type="button"
              aria-label={`Use ${c}`}
              aria-pressed={accent === c}
              onClick={() => setAccent(c)}
              className="size-8 rounded-full border-2 border-transparent aria-pressed:border-ink noscript:hidden"
              style={{ backgroundColor: c }}
            />
          ))}
          <label className="ml-2 flex items-center gap-2 text-sm">
            Custom
            <input name="accentColor" value={accent} onChange={(ev) => setAccent(ev.target.value)} className="h-9 w-28 rounded-lg border border-line bg-surface px-2 font-mono" />
          </label>
        </div>
        {e.accentColor && <p className="text-sm text-danger">{e.accentColor}</p>}
        <div aria-hidden="true" className="h-3 rounded-full" style={{ backgroundColor: /^#[0-9a-f]{6}$/i.test(accent) ? accent : 'transparent' }} />
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Who can join</legend>
        {(
          [
            ['public', 'Anyone'],
            ['request', 'People who ask and are approved'],
            ['invite', 'Only people with an invite link'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="visibility" value={value} defaultChecked={group.visibility === value} />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Questions for people who ask to join (up to 3)</legend>
        {questions.map((q, i) => (
          <input key={i} name="joinQuestions[]" defaultValue={q} maxLength={200} aria-label={`Join question ${i + 1}`} className="h-10 rounded-lg border border-line bg-surface px-3" />
        ))}
        {e.joinQuestions && <p className="text-sm text-danger">{e.joinQuestions}</p>}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Rules, in order</legend>
        {rules.map((rule, i) => (
          <input key={i} name="rules[]" defaultValue={rule} maxLength={300} aria-label={`Rule ${i + 1}`} className="h-10 rounded-lg border border-line bg-surface px-3" />
        ))}
        <p className="text-xs text-muted">Leave a line empty to drop it. Save to get more empty lines.</p>
        {e.rules && <p className="text-sm text-danger">{e.rules}</p>}
      </fieldset>
      <TextArea
        label="Welcome message"
        name="welcomeMessage"
        maxLength={1000}
        value={welcome}
        onChange={(ev) => setWelcome(ev.target.value)}
        hint="Shown personally to each new member. {name}, {group} and {memberCount} are filled in."
        error={e.welcomeMessage}
      />
      <div className="rounded-xl border-2 p-4" style={{ borderColor: /^#[0-9a-f]{6}$/i.test(accent) ? accent : undefined }}>
        <p className="text-xs font-medium uppercase tracking-wide text-muted">Preview: what {viewerName} would see on joining</p>
        <p className="mt-1 whitespace-pre-wrap" data-testid="welcome-preview">
          {renderWelcome(welcome, { name: viewerName, group: name, memberCount: memberCount + 1 })}
        </p>
      </div>
      {state.error && (
        <p role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      )}
      {state.success && (
        <p role="status" className="text-sm text-success">
          {state.success}
        </p>
      )}
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Saving…' : 'Save settings'}
      </Button>
    </form>
  );
}
