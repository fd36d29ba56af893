'use client';
// Choose a picture, crop it (drag, arrow keys or the zoom slider), and save it. The server checks and processes
// it again from scratch: nothing here is trusted, this only lets the person choose what to keep.
import { ImagePlus, Trash2 } from '@/components/ui/icons';
import { startTransition, useActionState, useEffect, useId, useState } from 'react';
import Cropper, { type Area } from 'react-easy-crop';
import { FormAlert } from '@/components/auth/form-alert';
import { Button } from '@/components/ui/button';
import { Toast } from '@/components/ui/toast';
import type { ActionState } from '@/lib/action-state';
import { acceptedImageTypes, imageFilesProblem } from '@/lib/media/limits';
import { removeImageAction, uploadImageAction } from '@/lib/profiles/actions';

const copy = {
  avatar: { choose: 'Upload a picture', save: 'Save avatar', remove: 'Remove avatar', aspect: 1 },
  banner: { choose: 'Upload a banner image', save: 'Save banner', remove: 'Remove banner image', aspect: 3 },
} as const;

export function ImageUploader({ kind, hasUpload }: { kind: 'avatar' | 'banner'; hasUpload: boolean }) {
  const text = copy[kind];
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [uploadState, upload, uploading] = useActionState<ActionState, FormData>(uploadImageAction, {});
  const [removeState, remove, removing] = useActionState<ActionState, FormData>(removeImageAction, {});
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [crop, setCrop] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const [area, setArea] = useState<Area | null>(null);
  const [seenUpload, setSeenUpload] = useState(uploadState);

  // A saved upload closes the cropper.
  if (uploadState !== seenUpload) {
    setSeenUpload(uploadState);
    if (uploadState.success) {
      setFile(null);
      setPreview(null);
    }
  }

  useEffect(() => {
    if (!preview) return;
    return () => URL.revokeObjectURL(preview);
  }, [preview]);

  function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    event.target.value = '';
    setLocalError(null);
    if (!chosen) return;
    // Refused here, before any upload: over the Server Action body limit Next would answer with a bare error.
    const problem = imageFilesProblem([chosen]);
    if (problem) {
      setLocalError(problem);
      return;
    }
    setFile(chosen);
    setPreview(URL.createObjectURL(chosen));
    setCrop({ x: 0, y: 0 });
    setZoom(1);
  }

  function save() {
    if (!file) return;
    const data = new FormData();
    data.set('kind', kind);
    data.set('file', file);
    if (area) {
      data.set('cropX', String(area.x / 100));
      data.set('cropY', String(area.y / 100));
      data.set('cropWidth', String(area.width / 100));
      data.set('cropHeight', String(area.height / 100));
    }
    startTransition(() => upload(data));
  }

  const error = localError ?? uploadState.fieldErrors?.file ?? uploadState.error;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={inputId} className="inline-flex h-10 cursor-pointer items-center gap-2 rounded-lg border border-line bg-surface px-4 text-sm font-medium hover:bg-raised focus-within:outline-2 focus-within:outline-accent">
          <ImagePlus aria-hidden="true" className="size-4" />
          {text.choose}
          <input
            id={inputId}
            type="file"
            accept={acceptedImageTypes}
            onChange={choose}
            aria-describedby={[hintId, error && !file ? errorId : null].filter(Boolean).join(' ')}
            aria-invalid={error && !file ? true : undefined}
            className="sr-only"
          />
        </label>
        {hasUpload && !file && (
          <form action={remove}>
            <input type="hidden" name="kind" value={kind} />
            <Button type="submit" variant="ghost" disabled={removing}>
              <Trash2 aria-hidden="true" className="size-4" />
              {removing ? 'Removing…' : text.remove}
            </Button>
          </form>
        )}
      </div>
      <p id={hintId} className="text-xs text-muted">
        PNG, JPEG, WebP or GIF, up to 5 MB and 4096×4096 pixels. Location and camera details are removed.
      </p>
      {error && !file && <FormAlert id={errorId} message={error} />}
      {file && preview && (
        <div className="flex flex-col gap-3 rounded-xl border border-line bg-raised p-3" role="group" aria-label={kind === 'avatar' ? 'Crop your avatar' : 'Crop your banner'}>
          <div className="relative h-64 overflow-hidden rounded-lg bg-page sm:h-72">
            <Cropper
              image={preview}
              crop={crop}
              zoom={zoom}
              aspect={text.aspect}
              cropShape={kind === 'avatar' ? 'round' : 'rect'}
              showGrid={false}
              onCropChange={setCrop}
              onZoomChange={setZoom}
              onCropComplete={(percentages) => setArea(percentages)}
              cropperProps={{ 'aria-label': 'Crop area: drag, or move with the arrow keys' }}
              mediaProps={{ onError: () => setLocalError('Your browser can’t preview this file. Save to let Hearth check it.') } as React.ImgHTMLAttributes<HTMLElement>}
            />
          </div>
          <label className="flex items-center gap-3 text-sm">
            <span className="font-medium">Zoom</span>
            <input type="range" min={1} max={4} step={0.05} value={zoom} onChange={(e) => setZoom(Number(e.target.value))} className="flex-1 accent-[var(--color-accent)]" />
          </label>
          {error && <FormAlert message={error} />}
          <div className="flex gap-2">
            <Button onClick={save} disabled={uploading}>
              {uploading ? 'Saving…' : text.save}
            </Button>
            <Button variant="secondary" onClick={() => (setFile(null), setPreview(null), setLocalError(null))} disabled={uploading}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      <Toast message={uploadState.success ?? removeState.success} id={uploadState.success ? uploadState : removeState} />
    </div>
  );
}
