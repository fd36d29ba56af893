// A guard on every query the db suite sends: a bare quoted column ("id") inside a subquery fails the test. Drizzle
// writes `${table.column}` without its table in the select list of a query over one table, and inside a correlated
// subquery such a name means the subquery's own table — a count that compares a post's id to a group's id is
// silently zero (issue 18, the second time this class landed). Name the outer column with qualified() (lib/sql.ts).
import type { Logger } from 'drizzle-orm';

/** The text of each parenthesized `select` in a statement (nested ones separately, each without its children). */
function subqueries(statement: string): string[] {
  const found: string[] = [];
  const stack: { start: number; select: boolean; text: string[] }[] = [];
  let chunk = '';
  for (let i = 0; i < statement.length; i++) {
    const ch = statement[i];
    if (ch === "'") {
      // Skip string literals.
      const end = statement.indexOf("'", i + 1);
      i = end < 0 ? statement.length : end;
      continue;
    }
    if (ch === '(') {
      if (stack.length) stack[stack.length - 1].text.push(chunk);
      chunk = '';
      stack.push({ start: i, select: /^\s*select\b/i.test(statement.slice(i + 1, i + 20)), text: [] });
    } else if (ch === ')') {
      const open = stack.pop();
      if (open) {
        open.text.push(chunk);
        if (open.select) found.push(open.text.join(' '));
      }
      chunk = '';
    } else {
      chunk += ch;
    }
  }
  return found;
}

/**
 * Bare quoted columns compared inside a subquery (`= "id"`, `"group_id" = $1`): which table they belong to depends
 * on the subquery's own columns. A subquery's own select list (`select "id" from "search_history" …`, as drizzle
 * writes a subquery it builds) is not a comparison and passes.
 */
export function bareColumnsInSubqueries(statement: string): { column: string; subquery: string }[] {
  const bare: { column: string; subquery: string }[] = [];
  const operator = String.raw`(?:=|<>|!=|<=|>=|<|>|\bin\b|\bis\b|\blike\b|\bilike\b)`;
  const compared = new RegExp(String.raw`(?:${operator}\s*"([A-Za-z_][A-Za-z0-9_]*)"(?!\s*\.))|(?:(?<![.\w"])"([A-Za-z_][A-Za-z0-9_]*)"\s*${operator})`, 'gi');
  for (const text of subqueries(statement)) {
    for (const m of text.matchAll(compared)) bare.push({ column: m[1] ?? m[2], subquery: text.trim().replace(/\s+/g, ' ') });
  }
  return bare;
}

const recorders = new Set<string[]>();

/**
 * The statements (their SQL text, parameters apart) sent while `work` runs: a test that two paths do the same work
 * compares these, which no busy machine can blur, before it compares times.
 */
export async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  recorders.add(seen);
  try {
    await work();
  } finally {
    recorders.delete(seen);
  }
  return seen;
}

export const sqlGuard: Logger = {
  logQuery(query) {
    for (const seen of recorders) seen.push(query);
    const bare = bareColumnsInSubqueries(query);
    if (bare.length) {
      throw new Error(
        `A subquery compares a column named without its table ("${bare[0].column}"): inside a subquery a bare name means the subquery's own table if it has ` +
          `such a column. Write the column with qualified(column) from lib/sql.ts.\nIn: (${bare[0].subquery})`,
      );
    }
  },
};
