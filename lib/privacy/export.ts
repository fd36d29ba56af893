// The export archive: everything the privacy registry knows about a person, as a ZIP streamed while it is built —
// one JSON file per registry entry, their images as files, a manifest describing each file and an index.html to browse.
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import type { Executor } from '@/db/client';
import { categoryLabels, registry, type Row } from './registry';
import { log } from '@/lib/log';
import { escapeHtml } from '@/lib/html';

export const exportFormat = 'hearth-export/1';

export type ManifestFile = {
  path: string;
  kind: 'data' | 'image' | 'index';
  /** The registry entry (table) the file comes from. */
  table?: string;
  category?: string;
  description: string;
  purpose?: string;
  retention?: string;
  /** Rows in a data file. */
  rows?: number;
  contentType: string;
};

export type Manifest = { format: string; generatedAt: string; handle: string; files: ManifestFile[] };

type Variant = { name: string; width: number; height: number; contentType: string; base64: string };

const extensions: Record<string, string> = { 'image/webp': 'webp', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

/** JSON for people and machines: dates as ISO strings, bytes as base64 (none are expected outside images). */
function toJson(value: unknown) {
  return JSON.stringify(value, (_key, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v), 2);
}

/** The human-readable index: each file with what it is and why it is kept, and each category's rows to read. */
export function renderIndexHtml(manifest: Manifest, data: Map<string, Row[]>) {
  const sections = manifest.files
    .filter((f) => f.kind === 'data')
    .map((f) => {
      const rows = data.get(f.path) ?? [];
      return `<section>
<h2>${escapeHtml(f.description)}</h2>
<p><strong>Category:</strong> ${escapeHtml(f.category ?? '')} · <strong>Why:</strong> ${escapeHtml(f.purpose ?? '')} · <strong>Kept:</strong> ${escapeHtml(f.retention ?? '')}</p>
<p><a href="${escapeHtml(f.path)}">${escapeHtml(f.path)}</a> — ${rows.length} ${rows.length === 1 ? 'item' : 'items'}</p>
${rows.length ? `<details><summary>Show the items</summary><pre>${escapeHtml(toJson(rows))}</pre></details>` : ''}
</section>`;
    })
    .join('\n');
  const images = manifest.files
    .filter((f) => f.kind === 'image')
    .map((f) => `<figure><img src="${escapeHtml(f.path)}" alt="" loading="lazy"><figcaption>${escapeHtml(f.path)}</figcaption></figure>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your Hearth data — @${escapeHtml(manifest.handle)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1f2328;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#16181d}a{color:#8ab4f8}}
section{border-top:1px solid #8884;padding:.5rem 0}pre{white-space:pre-wrap;word-break:break-word;font-size:.85rem}
figure{display:inline-block;margin:.5rem}img{max-width:12rem;height:auto}
</style>
</head>
<body>
<h1>Everything Hearth keeps about @${escapeHtml(manifest.handle)}</h1>
<p>Made ${escapeHtml(manifest.generatedAt)}. Each file is described in <a href="manifest.json">manifest.json</a>; the data files are JSON.</p>
${sections}
${images ? `<section><h2>Your pictures</h2>${images}</section>` : ''}
</body>
</html>
`;
}

/**
 * Streams the archive of one person. The ZIP is written as each registry entry is read, so a large account
 * starts downloading at once and never sits whole in memory (images are stored, not re-compressed).
 */
export function exportArchive(db: Executor, userId: string, handle: string, now = new Date()): ReadableStream<Uint8Array> {
  // A download the person abandons (closed tab, cancelled) stops the work instead of building the rest for nobody.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    cancel() {
      cancelled = true;
    },
    async start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (cancelled) return;
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      const addText = (path: string, text: string) => {
        const file = new ZipDeflate(path, { level: 6 });
        zip.add(file);
        file.push(strToU8(text), true);
      };
      try {
        const manifest: Manifest = { format: exportFormat, generatedAt: now.toISOString(), handle, files: [] };
        const data = new Map<string, Row[]>();
        for (const entry of registry) {
          if (cancelled) return zip.terminate();
          let rows = await entry.export(db, userId);
          if (entry.table === 'media') {
            // Images become files of their own; the JSON names them instead of carrying base64.
            rows = rows.map((row) => ({
              ...row,
              variants: ((row.variants as Variant[]) ?? []).map(({ base64, ...variant }) => {
                const path = `images/${row.id}-${variant.name}.${extensions[variant.contentType] ?? 'bin'}`;
                const file = new ZipPassThrough(path);
                zip.add(file);
                file.push(Buffer.from(base64, 'base64'), true);
                manifest.files.push({ path, kind: 'image', table: 'media', category: entry.category, description: `Your ${String(row.kind).replace('_', ' ')} picture, ${variant.width}×${variant.height}.`, contentType: variant.contentType });
                return { ...variant, file: path };
              }),
            }));
          }
          const path = `data/${entry.table}.json`;
          addText(path, toJson(rows));
          data.set(path, rows);
          manifest.files.push({
            path,
            kind: 'data',
            table: entry.table,
            category: categoryLabels[entry.category],
            description: entry.description,
            purpose: entry.purpose,
            retention: entry.retention,
            rows: rows.length,
            contentType: 'application/json',
          });
        }
        manifest.files.push({ path: 'index.html', kind: 'index', description: 'This archive to browse in a web browser.', contentType: 'text/html' });
        manifest.files.push({ path: 'manifest.json', kind: 'index', description: 'What each file in this archive holds, why it is kept and for how long.', contentType: 'application/json' });
        addText('index.html', renderIndexHtml(manifest, data));
        addText('manifest.json', toJson(manifest));
        zip.end();
      } catch (error) {
        log.error({ err: error, userId }, '[export] building the archive failed');
        zip.terminate();
        controller.error(error);
      }
    },
  });
}
