// The interest profile from scratch: every engagement's decayed weight, summed per person and topic. The app keeps
// the same numbers incrementally (profile.ts); this rebuild is for the demo seed, the bench and the tests that
// check the two agree. Choices (more / less / hide) are kept; inferred scores and counts are replaced.
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { HALF_LIFE_DAYS, signalWeights } from './weights';

export async function rebuildInferredProfiles(db: Executor, now = new Date(), userId?: string) {
  const nowIso = now.toISOString();
  const hl = HALF_LIFE_DAYS * 24 * 3600;
  const who = (column: string) => (userId ? sql`and ${sql.raw(column)} = ${userId}` : sql``);
  await db.execute(sql`
    with engagement as (
      select r.user_id, r.post_id, 'reaction' as kind, r.created_at from reactions r where true ${who('r.user_id')}
      union all select c.author_id, c.post_id, 'comment', c.created_at from comments c where c.removed_at is null ${who('c.author_id')}
      union all select b.user_id, b.post_id, 'bookmark', b.created_at from bookmarks b where true ${who('b.user_id')}
      union all select p.author_id, p.id, 'post', p.created_at from posts p where true ${who('p.author_id')}
      union all select s.user_id, s.post_id, s.kind, s.created_at from activity_signals s where true ${who('s.user_id')}
    ),
    weighted as (
      select e.user_id, t.tag, e.kind,
        (case e.kind when 'reaction' then ${signalWeights.reaction} when 'comment' then ${signalWeights.comment} when 'bookmark' then ${signalWeights.bookmark}
          when 'post' then ${signalWeights.post} when 'open' then ${signalWeights.open} else ${signalWeights.view} end)::float8
          * power(0.5, greatest(0, extract(epoch from (${nowIso}::timestamptz - e.created_at))) / ${hl}) as value
      from engagement e join post_tags t on t.post_id = e.post_id
    ),
    per_kind as (select user_id, tag, kind, sum(value) as value, count(*)::int as n from weighted group by user_id, tag, kind),
    totals as (select user_id, tag, sum(value)::real as inferred, jsonb_object_agg(kind, n) as counts from per_kind group by user_id, tag)
    insert into interest_scores (user_id, tag, inferred, inferred_at, signal_counts, updated_at)
    select user_id, tag, inferred, ${nowIso}::timestamptz, counts, ${nowIso}::timestamptz from totals
    on conflict (user_id, tag) do update set inferred = excluded.inferred, inferred_at = excluded.inferred_at, signal_counts = excluded.signal_counts, updated_at = excluded.updated_at`);
}
