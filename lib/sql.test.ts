import { describe, expect, it } from 'vitest';
import { bareColumnsInSubqueries } from '@/test/sql-guard';

describe('the subquery column guard', () => {
  it('finds the bare outer column of issue 18, and the one hidden in a case expression', () => {
    const columns = (statement: string) => bareColumnsInSubqueries(statement).map((b) => b.column);
    expect(columns('select "id", (select count(*)::int from posts p where p.group_id = "id" and p.removed_at is null) from "groups"')).toEqual(['id']);
    expect(columns(`select case when exists (select 1 from group_join_requests r where r.group_id = "id" and r.status = 'pending') then 'pending' end from "groups"`)).toEqual(['id']);
    expect(columns('select exists (select 1 from "group_members" where "group_id" = $1 and "user_id" = $2) from (select 1) as one')).toEqual(['group_id', 'user_id']);
  });

  it('lets qualified columns, tables, aliases, strings and top-level names through', () => {
    expect(bareColumnsInSubqueries('select "id", (select count(*) from "group_members" m where m.group_id = "groups"."id") as "n" from "groups" where "id" = $1')).toEqual([]);
    expect(bareColumnsInSubqueries(`select (select json_agg(t.tag) from post_tags t where t.post_id = "posts"."id" and t.tag <> '"id"') from "posts" join "users" on "users"."id" = "posts"."author_id"`)).toEqual([]);
    // A subquery drizzle builds selects its own column by its bare name: not a comparison.
    expect(bareColumnsInSubqueries('delete from "search_history" where "search_history"."id" not in (select "id" from "search_history" where "search_history"."user_id" = $1 limit $2)')).toEqual([]);
  });
});
