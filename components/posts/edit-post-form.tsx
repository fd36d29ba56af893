'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/action-state';
import { editPostAction } from '@/lib/posts/actions';
import { MAX_POST_LENGTH } from '@/lib/posts/limits';
import { FormStatus } from '@/components/ui/form-status';

export function EditPostForm({ postId, body, tags }: { postId: string; body: string; tags: string[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(editPostAction, {});
  return (
    <details className="rounded-xl border border-line bg-surface p-4">
      <summary className="cursor-pointer text-sm font-medium">Edit this post</summary>
      <form action={action} aria-label="Edit post" className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="postId" value={postId} />
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Post
          <textarea name="body" required maxLength={MAX_POST_LENGTH} rows={4} defaultValue={state.values?.body ?? body} className="rounded-lg border border-line bg-page px-3 py-2 text-base font-normal" />
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          Tags
          <input name="tags" defaultValue={state.values?.tags ?? tags.map((t) => `#${t}`).join(', ')} className="h-10 rounded-lg border border-line bg-page px-3 text-base font-normal" />
        </label>
        <FormStatus state={state} />
        <Button type="submit" disabled={pending} className="self-start">
          {pending ? 'Saving…' : 'Save changes'}
        </Button>
      </form>
    </details>
  );
}
