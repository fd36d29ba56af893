'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ImageFileInput } from '@/components/ui/image-file-input';
import type { ActionState } from '@/lib/action-state';
import { createPostAction } from '@/lib/posts/actions';
import { MAX_POST_IMAGES, MAX_POST_LENGTH } from '@/lib/posts/limits';
import { FormStatus } from '@/components/ui/form-status';

/** Write a post: in a group channel the viewer may post in, or on their own profile. */
export function Composer({ groupId, channels, defaultChannelId }: { groupId?: string; channels?: { id: string; name: string }[]; defaultChannelId?: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createPostAction, {});
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.success) ref.current?.reset();
  }, [state]);
  const v = state.error ? (state.values ?? {}) : {};
  // Images the browser already knows cannot be sent (ImageFileInput says why): nothing to post until they change.
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  return (
    <form ref={ref} action={action} aria-label="Write a post" className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
      {groupId && <input type="hidden" name="groupId" value={groupId} />}
      {channels && channels.length > 0 && (
        <label className="flex items-center gap-2 text-sm font-medium">
          Channel
          <select name="channelId" defaultValue={v.channelId ?? defaultChannelId ?? channels[0].id} className="h-9 rounded-lg border border-line bg-surface px-2">
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                #{c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex flex-col gap-1.5 text-sm font-medium">
        Your post
        <textarea
          name="body"
          required
          maxLength={MAX_POST_LENGTH}
          rows={3}
          defaultValue={v.body}
          placeholder={groupId ? "Share something with the group…" : "Share something with the people who follow you…"}
          aria-invalid={state.fieldErrors?.body ? true : undefined}
          className="rounded-lg border border-line bg-page px-3 py-2 text-base font-normal"
        />
      </label>
      {state.fieldErrors?.body && <p className="text-sm text-danger">{state.fieldErrors.body}</p>}
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-48 flex-1 flex-col gap-1.5 text-sm font-medium">
          Tags
          <input name="tags" defaultValue={v.tags} placeholder="#ceramics, glazes" className="h-10 rounded-lg border border-line bg-page px-3 text-base font-normal" />
        </label>
        <Button type="submit" disabled={pending || Boolean(fileProblem)}>
          {pending ? 'Posting…' : 'Post'}
        </Button>
      </div>
      {state.fieldErrors?.tags && <p className="text-sm text-danger">{state.fieldErrors.tags}</p>}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">Add images (up to {MAX_POST_IMAGES})</summary>
        <div className="mt-2 flex flex-col gap-2">
          <ImageFileInput
            name="images"
            label="Images"
            multiple
            maxFiles={MAX_POST_IMAGES}
            hint="PNG, JPEG, WebP or GIF, up to 5 MB each and 6 MB together. Location and camera details are removed."
            error={state.fieldErrors?.images}
            onProblem={setFileProblem}
          />
          <label className="flex flex-col gap-1.5 font-medium">
            Describe the images for people who can’t see them
            <input name="imageAlt" maxLength={500} defaultValue={v.imageAlt} className="h-10 rounded-lg border border-line bg-page px-3 text-base font-normal" />
          </label>
        </div>
      </details>
      <FormStatus state={state} besideFields={['body', 'tags', 'images']} />
    </form>
  );
}
