// SQL helpers for the few places drizzle's own column rendering is not enough.
import { getTableName, sql, type Column, type SQL } from 'drizzle-orm';

/**
 * A column written with its table's name, for correlated subqueries in a select list. Drizzle writes `${table.col}`
 * as a bare `"col"` in the select list of a query over one table, and inside `(select … from <table> t where
 * t.group_id = "id")` a bare name means the subquery's own table: the count is silently wrong. test/sql-guard.ts
 * fails every db test that sends such a query.
 */
export function qualified(column: Column): SQL {
  return sql.raw(`"${getTableName(column.table)}"."${column.name}"`);
}
