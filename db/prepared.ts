// Statements the busiest pages send on every view, built once. drizzle builds a query's SQL text from its parts on
// every run (walking each column, subquery and condition); the feed's cards and celebrations cost ~0.3–0.6 ms of the
// one thread that renders pages that way, every view. A statement built here is built once per database and run
// with new values each time: its varying parts are drizzle placeholders (`sql.placeholder('viewer')`), filled when
// it runs. The text is the same every run, so the connection keeps it prepared on the server too (db/connection.ts).
import { getDatabase, type Database } from './client';

type Statement<T> = { execute(values?: Record<string, unknown>): Promise<T> };

/**
 * A statement built by `build` the first time it runs on a database (`.prepare(name)` on a drizzle query whose
 * varying parts are placeholders), then run with `values` each time. Kept per database, so tests that open another
 * database get their own.
 */
export function preparedStatement<T>(build: (database: Database) => Statement<T>): (values: Record<string, unknown>) => Promise<T> {
  const byDatabase = new WeakMap<Database, Statement<T>>();
  return (values) => {
    const database = getDatabase().db;
    let statement = byDatabase.get(database);
    if (!statement) byDatabase.set(database, (statement = build(database)));
    return statement.execute(values);
  };
}
