// Groups and people to suggest, each with a reason. People appear only if they allow "suggest me to others".
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { cachedForPerson } from '@/lib/cache/person-cache';
import { getInterestProfile } from './profile';

export type GroupSuggestion = { id: string; slug: string; name: string; description: string; accentColor: string; members: number; visibility: string; reason: string };
export type PersonSuggestion = { id: string; handle: string; name: string; image: string | null; reason: string };

async function positiveTags(db: Executor, userId: string, useInferred: boolean) {
  const profile = await getInterestProfile(db, userId, { useInferred });
  return profile.filter((p) => p.weight > 0 && p.choice !== 'less').slice(0, 20);
}

/** Groups the person is not in (public or by request), ranked by shared topics, then size. */
export async function suggestGroups(db: Executor, userId: string, options: { limit?: number; useInferred?: boolean } = {}): Promise<GroupSuggestion[]> {
  const limit = options.limit ?? 5;
  const tags = await positiveTags(db, userId, options.useInferred ?? true);
  const weights = tags.length ? sql`(values ${sql.join(tags.map((t) => sql`(${t.tag}, ${t.weight}::real)`), sql`, `)}) as w(tag, weight)` : sql`(select null::text as tag, 0::real as weight where false) as w`;
  const rows = rowsOf<{ id: string; slug: string; name: string; description: string; accent_color: string; visibility: string; members: number; affinity: number; top_tag: string | null }>(
    await db.execute(sql`
      select g.id, g.slug, g.name, g.description, g.accent_color, g.visibility,
        (select count(*)::int from group_members m where m.group_id = g.id) as members,
        coalesce(t.affinity, 0)::real as affinity, t.top_tag
      from groups g
      left join lateral (
        select sum(w.weight * ln(1 + n.posts)) as affinity,
               (array_agg(w.tag order by w.weight * n.posts desc))[1] as top_tag
        from ${weights}
        join lateral (
          select count(*)::real as posts from post_tags pt join posts p on p.id = pt.post_id
          where p.group_id = g.id and pt.tag = w.tag and p.removed_at is null
        ) n on n.posts > 0
      ) t on true
      where g.visibility in ('public', 'request')
        and not exists (select 1 from group_members m where m.group_id = g.id and m.user_id = ${userId})
        and not exists (select 1 from group_bans b where b.group_id = g.id and b.user_id = ${userId})
        and not exists (select 1 from feed_controls c where c.user_id = ${userId} and c.kind = 'mute_group' and c.target = g.id and c.ended_at is null)
      order by coalesce(t.affinity, 0) desc, members desc, g.name
      limit ${limit}`),
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    accentColor: r.accent_color,
    visibility: r.visibility,
    members: Number(r.members),
    reason: r.top_tag && Number(r.affinity) > 0 ? `Posts about #${r.top_tag}, which you follow or enjoy` : `Popular: ${r.members} member${Number(r.members) === 1 ? '' : 's'}`,
  }));
}

/**
 * People the person does not follow, who allow being suggested: ranked by groups in common and posts on the
 * person's topics.
 */
export async function suggestPeople(db: Executor, userId: string, options: { limit?: number; useInferred?: boolean } = {}): Promise<PersonSuggestion[]> {
  const limit = options.limit ?? 5;
  const tags = (await positiveTags(db, userId, options.useInferred ?? true)).map((t) => t.tag);
  const tagList = tags.length ? sql.join(tags.map((t) => sql`${t}`), sql`, `) : null;
  const rows = rowsOf<{ id: string; handle: string; name: string | null; image: string | null; shared_groups: number; topic_posts: number; top_tag: string | null }>(
    await db.execute(sql`
      select * from (
      select u.id, u.handle, u.name, u.image, u.created_at,
        (select count(*)::int from group_members a join group_members b on a.group_id = b.group_id
           join groups g on g.id = a.group_id and g.visibility <> 'invite'
           where a.user_id = u.id and b.user_id = ${userId}) as shared_groups,
        ${tagList ? sql`(select count(*)::int from posts p join post_tags pt on pt.post_id = p.id where p.author_id = u.id and p.removed_at is null and pt.tag in (${tagList}))` : sql`0`} as topic_posts,
        ${tagList ? sql`(select pt.tag from posts p join post_tags pt on pt.post_id = p.id where p.author_id = u.id and pt.tag in (${tagList}) group by pt.tag order by count(*) desc limit 1)` : sql`null`} as top_tag
      from users u join profiles pr on pr.user_id = u.id
      where u.id <> ${userId} and pr.suggest_me
        and not exists (select 1 from consents c where c.user_id = u.id and c.kind = 'suggest_me' and not c.granted)
        and not exists (select 1 from follows f where f.follower_id = ${userId} and f.followee_id = u.id)
        and not exists (select 1 from feed_controls c where c.user_id = ${userId} and c.kind = 'mute_user' and c.target = u.id and c.ended_at is null)
        and exists (select 1 from posts p where p.author_id = u.id)
      ) candidates
      order by topic_posts * 2 + shared_groups * 3 desc, created_at, id
      limit ${limit}`),
  );
  return rows.map((r) => ({
    id: r.id,
    handle: r.handle,
    name: r.name ?? r.handle,
    image: r.image,
    reason:
      Number(r.topic_posts) > 0 && r.top_tag
        ? `Posts about #${r.top_tag}`
        : Number(r.shared_groups) > 0
          ? `In ${r.shared_groups} of your groups`
          : 'Active on Hearth',
  }));
}

/**
 * The feed's sidebar suggestions, cached per person for a few minutes: both queries weigh every group and every
 * person in Hearth, far more than the feed itself (bench/README.md). The person's own actions forget the cache.
 */
export function feedSuggestions(db: Executor, userId: string, options: { limit: number; useInferred: boolean; people: boolean }) {
  return cachedForPerson(userId, `suggestions:${options.limit}:${options.useInferred}:${options.people}`, async () => {
    const [groups, people] = await Promise.all([
      suggestGroups(db, userId, { limit: options.limit, useInferred: options.useInferred }),
      options.people ? suggestPeople(db, userId, { limit: options.limit, useInferred: options.useInferred }) : Promise.resolve([]),
    ]);
    return { groups, people };
  });
}
