import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { listSessions } from '@/lib/auth/sessions';
import type { Viewer } from '@/lib/auth/viewer';
import { exportArchive } from './export';
import { categoryLabels, registry, summarize, type PrivacyCategory } from './registry';
import { privacyPageSize } from './schemas';
import { consentInfo, consentKinds } from './consent';
import { consentLogOf, consentsOf } from './consents';

export type PrivacyCategorySummary = {
  category: PrivacyCategory;
  label: string;
  items: (Awaited<ReturnType<typeof summarize>>[number] & { browsable: boolean })[];
  total: number;
};

/** What Hearth holds about the viewer, grouped by category, straight from the privacy registry. */
export async function getPrivacySummary(viewer: Viewer): Promise<PrivacyCategorySummary[]> {
  const entries = await summarize(db, viewer.id);
  return (Object.keys(categoryLabels) as PrivacyCategory[]).map((category) => {
    const items = entries.filter((e) => e.category === category).map((e) => ({ ...e, browsable: e.count > 0 }));
    return { category, label: categoryLabels[category], items, total: items.reduce((n, e) => n + e.count, 0) };
  });
}

/** What the erasure form needs to know about the viewer's own account. */
export async function getAccountFacts(viewer: Viewer) {
  const [row] = await db
    .select({ handle: users.handle, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, viewer.id))
    .limit(1);
  return { handle: row?.handle ?? viewer.handle, hasPassword: Boolean(row?.hasPassword) };
}

/** The viewer's own export archive, streamed; the file name says whose and when. */
export function getExportArchive(viewer: Viewer, now = new Date()) {
  return { filename: `hearth-${viewer.handle}-${now.toISOString().slice(0, 10)}.zip`, stream: exportArchive(db, viewer.id, viewer.handle, now) };
}

/** Where the viewer is signed in, this browser marked. */
export function getMySessions(viewer: Viewer) {
  return listSessions(db, viewer.id, viewer.sessionId);
}

/** A value of a listed row as text for the page: dates as ISO, long text shortened. */
function display(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (value instanceof Date) return value.toISOString();
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 280 ? `${text.slice(0, 279)}…` : text;
}

/** One page of the viewer's own rows of one registry entry, for the dashboard's drill-down; null for an unknown table. */
export async function getPrivacyItems(viewer: Viewer, table: string, page: number) {
  const entry = registry.find((e) => e.table === table);
  if (!entry) return null;
  const current = Math.max(1, Math.min(10_000, Math.floor(page) || 1));
  const [rows, total] = await Promise.all([
    entry.list(db, viewer.id, { limit: privacyPageSize, offset: (current - 1) * privacyPageSize }),
    entry.count(db, viewer.id),
  ]);
  return {
    table: entry.table,
    label: categoryLabels[entry.category],
    description: entry.description,
    purpose: entry.purpose,
    retention: entry.retention,
    total,
    page: current,
    pages: Math.max(1, Math.ceil(total / privacyPageSize)),
    canClear: Boolean(entry.clearAll),
    items: rows.map((row) => ({
      key: entry.itemKey?.(row) ?? null,
      deletable: Boolean(entry.deleteItem && entry.itemKey),
      fields: Object.entries(row).map(([name, value]) => ({ name, value: display(value) })),
    })),
  };
}

/** The viewer's consents, each explained, and the log of their changes. */
export async function getMyConsents(viewer: Viewer) {
  const [state, log] = await Promise.all([consentsOf(db, viewer.id), consentLogOf(db, viewer.id)]);
  return { consents: consentKinds.map((kind) => ({ kind, ...consentInfo[kind], on: state[kind] })), log };
}
