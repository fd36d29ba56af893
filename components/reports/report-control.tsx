'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import type { ReportTargetKind } from '@/db/schema';
import { Button } from '@/components/ui/button';
import { element, Noscript } from '@/components/ui/noscript';
import { cn } from '@/lib/cn';
import { reportAction } from '@/lib/reports/actions';
import { reasonLabels } from '@/lib/reports/outcome';

const reasons = Object.entries(reasonLabels) as [keyof typeof reasonLabels, string][];

function SelfHarmHelp() {
  return (
    <p role="note" className="rounded-lg border border-line bg-raised px-3 py-2 text-sm">
      If someone may be in danger right now, call your local emergency number.{' '}
      <a href="https://findahelpline.com" target="_blank" rel="noreferrer" className="text-accent underline">
        Find A Helpline
      </a>{' '}
      lists free, confidential helplines by country — for them, or for you.
    </p>
  );
}

/**
 * "Report" for a post, comment, profile or group: a button that opens a small form (a reason, a note) in place.
 * Keyboard: Enter or Space opens it, focus moves to the first reason, Escape closes it and returns to the button.
 * Without JavaScript the button is hidden and a link in its place opens the same form on a page of its own
 * (/report), which posts to the Server Action and comes back with the answer: a page of twenty cards does not carry
 * twenty forms nobody opened.
 */
export function ReportControl({ kind, targetId, what, className }: { kind: ReportTargetKind; targetId: string; /** "this post by Ana" */ what: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className={cn('text-sm', className)}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="rounded text-muted hover:text-ink hover:underline noscript:hidden"
      >
        Report<span className="sr-only">{` ${what}`}</span>
      </button>
      {open && (
        <div
          id={panelId}
          className="mt-2 rounded-lg border border-line bg-surface p-3 text-ink"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <ReportForm kind={kind} targetId={targetId} what={what} focusFirst />
        </div>
      )}
      <Noscript html={element('a', { href: `/report?${new URLSearchParams({ kind, id: targetId })}`, class: 'rounded text-muted hover:text-ink hover:underline' }, { text: 'Report', inner: element('span', { class: 'sr-only' }, { text: ` ${what}` }) })} />
    </div>
  );
}

/** The report form: in place under the Report button, or on the /report page. */
export function ReportForm({
  kind,
  targetId,
  what,
  focusFirst = false,
}: {
  kind: ReportTargetKind;
  targetId: string;
  what: string;
  /** Opened by the button: focus moves into it. */
  focusFirst?: boolean;
}) {
  const [state, action, pending] = useActionState(reportAction, {});
  const [reason, setReason] = useState(state.values?.reason ?? '');
  const first = useRef<HTMLInputElement>(null);
  const noteId = useId();
  useEffect(() => {
    if (focusFirst) first.current?.focus();
  }, [focusFirst]);
  if (state.success) {
    return (
      <div className="flex flex-col gap-2">
        <p role="status" className="text-success">
          {state.success}
        </p>
        {reason === 'self_harm' && <SelfHarmHelp />}
      </div>
    );
  }
  return (
    <form action={action} aria-label={`Report ${what}`} className="flex flex-col gap-3">
      <input type="hidden" name="targetKind" value={kind} />
      <input type="hidden" name="targetId" value={targetId} />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 font-medium">What is wrong with {what}?</legend>
        {reasons.map(([value, label], i) => (
          <label key={value} className="flex items-center gap-2">
            <input ref={i === 0 ? first : undefined} type="radio" name="reason" value={value} required defaultChecked={state.values?.reason === value} onChange={() => setReason(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {reason === 'self_harm' && <SelfHarmHelp />}
      <div className="flex flex-col gap-1">
        <label htmlFor={noteId} className="font-medium">
          Note {reason === 'other' ? '(needed for “Something else”)' : '(optional)'}
        </label>
        <textarea
          id={noteId}
          name="note"
          rows={3}
          maxLength={1000}
          required={reason === 'other'}
          defaultValue={state.values?.note ?? ''}
          aria-invalid={state.fieldErrors?.note ? true : undefined}
          className="rounded-lg border border-line bg-surface px-3 py-2"
        />
      </div>
      <p className="text-xs text-muted">The moderators see your reason and note, never your name; the person you report is not told who reported them.</p>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? 'Sending…' : 'Send report'}
        </Button>
      </div>
      {(state.error || state.fieldErrors) && (
        <p role="alert" className="text-danger">
          {Object.values(state.fieldErrors ?? {}).join(' ') || state.error}
        </p>
      )}
    </form>
  );
}
