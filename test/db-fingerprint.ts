// "Nothing changed" for tests: a checksum of every table's rows, so a refused action is checked against the whole
// database (an audit entry, a shifted role position, a half-written row), not one table. One query reads them all:
// a row count and an order-free sum of row hashes per table.
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';

let tables: string[] | undefined;

export async function databaseFingerprint(): Promise<Record<string, string>> {
  tables ??= rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') order by 1`),
  ).map((t) => t.name);
  const parts = tables.map(
    (name) => sql`select ${name}::text as name, count(*)::text as n, coalesce(sum(hashtextextended(t::text, 0)), 0)::text as digest from ${sql.identifier(name)} t`,
  );
  const rows = rowsOf<{ name: string; n: string; digest: string }>(await db.execute(sql.join(parts, sql` union all `)));
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n} rows, ${r.digest}`]));
}
