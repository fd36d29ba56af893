// Comments were once rendered on every read; they are now rendered when written (lib/posts/render.ts). Those written
// before — and any a bulk loader inserted without HTML (the demo seed, bench datasets) — get their HTML here, once.
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { renderBodyHtml } from './render';

/**
 * Renders and stores the HTML of every comment that has none, in batches; returns how many it rendered. Safe to run
 * on several instances at once: a row is only written while it still has no HTML, with the same result.
 */
export async function renderUnrenderedComments(executor: Executor, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = rowsOf<{ id: string; body: string }>(
      await executor.execute(sql`select id, body from comments where body_html is null order by id limit ${batchSize}`),
    );
    if (!rows.length) return total;
    const values = sql.join(rows.map((r) => sql`(${r.id}, ${renderBodyHtml(r.body, 'comment')})`), sql`, `);
    await executor.execute(sql`
      update comments c set body_html = v.html
      from (values ${values}) as v(id, html)
      where c.id = v.id and c.body_html is null`);
    total += rows.length;
    if (rows.length < batchSize) return total;
  }
}
