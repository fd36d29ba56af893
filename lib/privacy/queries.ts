import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { listSessions } from '@/lib/auth/sessions';
import type { Viewer } from '@/lib/auth/viewer';
import { exportArchive } from './export';
import { categoryLabels, summarize, type PrivacyCategory } from './registry';

export type PrivacyCategorySummary = {
  category: PrivacyCategory;
  label: string;
  items: Awaited<ReturnType<typeof summarize>>;
  total: number;
};

/** What Hearth holds about the viewer, grouped by category, straight from the privacy registry. */
export async function getPrivacySummary(viewer: Viewer): Promise<PrivacyCategorySummary[]> {
  const entries = await summarize(db, viewer.id);
  return (Object.keys(categoryLabels) as PrivacyCategory[]).map((category) => {
    const items = entries.filter((e) => e.category === category);
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
