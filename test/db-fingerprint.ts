// "Nothing changed" for tests: a digest of every table's rows, so a refused action is checked against the whole
// database (an audit entry, a shifted role position, a half-written row), not one table.
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';

export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') order by 1`),
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: string; digest: string }>(
      await db.execute(sql`select count(*)::text as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`),
    );
    out[name] = `${row.n} rows, ${row.digest}`;
  }
  return out;
}
