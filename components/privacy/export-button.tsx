'use client';

import { useState, type MouseEvent } from 'react';
import { buttonClass } from '@/components/ui/button';

type Progress = { phase: 'idle' | 'working' | 'done' | 'failed'; bytes: number };

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * "Download my data": fetches the streamed archive and counts it in as it arrives, so a large account shows
 * progress; without JavaScript the link downloads it directly.
 */
export function ExportButton() {
  const [progress, setProgress] = useState<Progress>({ phase: 'idle', bytes: 0 });

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (progress.phase === 'working') return;
    setProgress({ phase: 'working', bytes: 0 });
    try {
      const response = await fetch('/api/export', { cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        setProgress({ phase: 'working', bytes });
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'hearth-export.zip';
      const url = URL.createObjectURL(new Blob(chunks, { type: 'application/zip' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setProgress({ phase: 'done', bytes });
    } catch {
      setProgress({ phase: 'failed', bytes: 0 });
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <a href="/api/export" download onClick={download} aria-disabled={progress.phase === 'working'} className={buttonClass('primary')}>
        {progress.phase === 'working' ? 'Preparing your archive…' : 'Download my data'}
      </a>
      <p role="status" aria-live="polite" className="text-sm text-muted">
        {progress.phase === 'working' && `${size(progress.bytes)} so far`}
        {progress.phase === 'done' && `Done: ${size(progress.bytes)}. Open index.html inside to browse it.`}
        {progress.phase === 'failed' && <span className="text-danger">The archive could not be made. Please try again in a moment.</span>}
      </p>
    </div>
  );
}
