// The seeded people a benchmark acts as: spread over the activity ranks (person 0 is the busiest), so the rotating
// set has a few heavy users and many light ones, like real traffic. The same indexes at every scale.
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client';
import { benchHandle, prefersFollowing } from './generate';

export type BenchPerson = { index: number; id: string; handle: string; name: string; groupSlug: string | null };

/** `count` people who read For you (or, with `following`, who chose the Following feed), spread over activity. */
export function personIndexes(people: number, count: number, following = false): number[] {
  const out: number[] = [];
  const want = (i: number) => prefersFollowing(i) === following;
  const stride = Math.max(1, Math.floor(people / count));
  for (let i = following ? 5 : 0; out.length < count && i < people; i += stride) {
    let j = i;
    while (j < people && (!want(j) || out.includes(j))) j++;
    if (j < people) out.push(j);
  }
  return out;
}

/** The people with those indexes, each with one group they belong to (for the group page). */
export async function loadPeople(db: Database, indexes: number[]): Promise<BenchPerson[]> {
  if (indexes.length === 0) return [];
  const handles = indexes.map(benchHandle);
  const rows = rowsOf<{ id: string; handle: string; name: string; slug: string | null }>(
    await db.execute(sql`
      select u.id, u.handle, u.name,
        (select g.slug from group_members m join groups g on g.id = m.group_id where m.user_id = u.id order by g.slug limit 1) as slug
      from users u where u.handle in (${sql.join(handles.map((h) => sql`${h}`), sql`, `)})`),
  );
  const byHandle = new Map(rows.map((r) => [r.handle, r]));
  return indexes.flatMap((index) => {
    const r = byHandle.get(benchHandle(index));
    return r ? [{ index, id: r.id, handle: r.handle, name: r.name, groupSlug: r.slug }] : [];
  });
}
