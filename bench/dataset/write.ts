// Bulk loading: COPY ... FROM STDIN on a PostgreSQL server (postgres.js streams it), COPY from a blob on PGlite.
// Both take PostgreSQL's text format, produced here once.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DatabaseHandle } from '../../db/client';
import type { TableRows, Value } from './generate';

const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

function field(v: Value): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return escapeText(`{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  if (typeof v === 'object') return escapeText(JSON.stringify(v));
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return escapeText(String(v));
}

/** Rows as COPY text, in chunks of `size` rows. */
function* chunks(rows: Iterable<Value[]>, size: number, count: { n: number }): Generator<string> {
  let buffer: string[] = [];
  for (const row of rows) {
    buffer.push(row.map(field).join('\t'));
    count.n++;
    if (buffer.length >= size) {
      yield buffer.join('\n') + '\n';
      buffer = [];
    }
  }
  if (buffer.length) yield buffer.join('\n') + '\n';
}

/** Loads one table; returns the number of rows written. */
export async function copyRows(handle: DatabaseHandle, table: TableRows): Promise<number> {
  const count = { n: 0 };
  const columns = table.columns.map((c) => `"${c}"`).join(', ');
  if (handle.kind === 'postgres') {
    const sql = handle.postgres!;
    const writable = await sql.unsafe(`copy "${table.table}" (${columns}) from stdin`).writable();
    await pipeline(Readable.from(chunks(table.rows, 5000, count)), writable);
    return count.n;
  }
  const pg = handle.pglite!;
  // PGlite reads COPY input from a blob; 20 000 rows a statement keeps memory small.
  for (const text of chunks(table.rows, 20_000, count)) {
    await pg.query(`copy "${table.table}" (${columns}) from '/dev/blob'`, [], { blob: new Blob([text]) });
  }
  return count.n;
}
