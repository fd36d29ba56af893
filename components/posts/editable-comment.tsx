'use client';

import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import type { ActionState } from '@/lib/action-state';
import { editCommentAction } from '@/lib/posts/actions';
import { MAX_COMMENT_LENGTH } from '@/lib/posts/limits';
import { FormStatus } from '@/components/ui/form-status';

/**
 * A comment's text; for its author, an "Edit" button that turns it into a form in place (Save, Cancel; Escape
 * cancels too). The saved text comes back rendered by the server, as on creation. Without JavaScript the button is
 * hidden and a native disclosure holds the same form (NoScriptEdit).
 */
export function EditableComment({
  commentId,
  body,
  bodyHtml,
  canEdit,
  authorName,
  children,
}: {
  commentId: string;
  body: string;
  bodyHtml: string;
  canEdit: boolean;
  authorName: string;
  /** The comment's other controls (delete, remove), in one row with Edit; hidden while editing. */
  children?: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(async (previous, data) => {
    const result = await editCommentAction(previous, data);
    if (result.success) {
      returnFocus.current = true;
      setEditing(false);
    }
    return result;
  }, {});
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const cancel = () => {
    returnFocus.current = true;
    setEditing(false);
  };

  if (editing) {
    return (
      <form
        action={action}
        aria-label={`Edit comment by ${authorName}`}
        className="mt-1 flex flex-col gap-2"
        onKeyDown={(e) => {
          if (e.key === 'Escape') cancel();
        }}
      >
        <input type="hidden" name="commentId" value={commentId} />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Edit your comment
          <textarea name="body" required maxLength={MAX_COMMENT_LENGTH} rows={3} autoFocus defaultValue={state.values?.body ?? body} className="w-full rounded-lg border border-line bg-page px-3 py-2 text-base font-normal" />
        </label>
        {state.error && <FormStatus state={state} />}
        <div className="flex gap-2">
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={cancel} disabled={pending}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }
  return (
    <>
      {/* Sanitized by lib/markdown with the inline allowlist. */}
      <div className="markdown break-words" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {state.success && <FormStatus state={state} quietSuccess />}
      <div className="mt-1 flex flex-wrap items-end gap-3 text-sm">
        {canEdit && (
          <>
            <button ref={editButton} type="button" className={buttonClass('ghost', 'sm', 'noscript:hidden')} onClick={() => setEditing(true)} aria-label={`Edit comment by ${authorName}`}>
              Edit
            </button>
            <noscript>
              <NoScriptEdit commentId={commentId} body={body} authorName={authorName} />
            </noscript>
          </>
        )}
        {children}
      </div>
    </>
  );
}

/**
 * The edit form without JavaScript: a disclosure posting to the same Server Action; the page comes back with the
 * saved text, or with the disclosure open on the error and what was typed.
 */
function NoScriptEdit({ commentId, body, authorName }: { commentId: string; body: string; authorName: string }) {
  const [state, action] = useActionState(editCommentAction, {});
  return (
    <>
      {state.success && <FormStatus state={state} />}
      <details open={Boolean(state.error)}>
        <summary className={buttonClass('ghost', 'sm', 'cursor-pointer')} aria-label={`Edit comment by ${authorName}`}>
          Edit
        </summary>
        <form action={action} aria-label={`Edit comment by ${authorName}`} className="mt-1 flex flex-col gap-2">
          <input type="hidden" name="commentId" value={commentId} />
          <label className="flex flex-col gap-1 text-sm font-medium">
            Edit your comment
            <textarea name="body" required maxLength={MAX_COMMENT_LENGTH} rows={3} defaultValue={state.values?.body ?? body} className="w-full rounded-lg border border-line bg-page px-3 py-2 text-base font-normal" />
          </label>
          {state.error && <FormStatus state={state} />}
          <Button type="submit" size="sm" className="self-start">
            Save
          </Button>
        </form>
      </details>
    </>
  );
}
