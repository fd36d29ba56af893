// Keyset pagination over (created_at, id): stable under inserts, no OFFSET scans.
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(cursor: Cursor) {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(value: string | undefined | null): Cursor | undefined {
  if (!value || value.length > 200) return undefined;
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso);
  if (!id || Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id };
}
