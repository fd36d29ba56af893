import 'server-only';
// Building an archive reads everything about a person: a few an hour is plenty, and more would be a cheap way to load the server.
import { db } from '@/db/client';
import type { Viewer } from '@/lib/auth/viewer';
import { consume, type Verdict } from '@/lib/rate-limit';

export const exportPerAccount = { name: 'export:account:1h', limit: 10, windowSeconds: 3600 };

export function throttleExport(viewer: Viewer): Promise<Verdict> {
  return consume(db, [{ rule: exportPerAccount, subject: viewer.id }]);
}
