// Groups and people to suggest, each with a reason. People appear only if they allow "suggest me to others".
import { sql } from 'drizzle-orm';
import { blockedEitherWay } from '@/lib/blocks/rule';
import { db as appDb, rowsOf, type Executor } from '@/db/client';
import { cachedForPerson } from '@/lib/cache/person-cache';
import { getInterestProfile, personalizationOf } from './profile';

export type GroupSuggestion = { id: string; slug: string; name: string; description: string; accentColor: string; members: number; visibility: string; reason: string };
export type PersonSuggestion = { id: string; handle: string; name: string; image: string | null; reason: string };

async function positiveTags(db: Executor, userId: string, useInferred: boolean) {
  const profile = await getInterestProfile(db, userId, { useInferred });
  return profile.filter((p) => p.weight > 0 && p.choice !== 'less').slice(0, 20);
}

/**
 * Groups the person is not in (public or by request), ranked by shared topics, then size.
 * One pass over the posts carrying the person's tags counts them per group (a group's affinity is Σ weight·ln(1 + posts)
 * over those tags); counting per group and tag in turn read the same tag's posts once per group (seconds at medium).
 */
export async function suggestGroups(db: Executor, userId: string, options: { limit?: number; useInferred?: boolean } = {}): Promise<GroupSuggestion[]> {
  const limit = options.limit ?? 5;
  const tags = await positiveTags(db, userId, options.useInferred ?? true);
  const weights = tags.length ? sql`(values ${sql.join(tags.map((t) => sql`(${t.tag}, ${t.weight}::real)`), sql`, `)}) as w(tag, weight)` : sql`(select null::text as tag, 0::real as weight where false) as w`;
  const rows = rowsOf<{ id: string; slug: string; name: string; description: string; accent_color: string; visibility: string; members: number; affinity: number; top_tag: string | null }>(
    await db.execute(sql`
      with w as (select * from ${weights}),
      per_tag as (
        select p.group_id, pt.tag, count(*)::real as posts
        from post_tags pt join posts p on p.id = pt.post_id
        where pt.tag in (select tag from w) and p.group_id is not null and p.removed_at is null
        group by p.group_id, pt.tag
      ),
      affinity as (
        select c.group_id, sum(w.weight * ln(1 + c.posts)) as affinity, (array_agg(w.tag order by w.weight * c.posts desc))[1] as top_tag
        from per_tag c join w on w.tag = c.tag
        group by c.group_id
      )
      select g.id, g.slug, g.name, g.description, g.accent_color, g.visibility,
        (select count(*)::int from group_members m where m.group_id = g.id) as members,
        coalesce(a.affinity, 0)::real as affinity, a.top_tag
      from groups g
      left join affinity a on a.group_id = g.id
      where g.visibility in ('public', 'request')
        and not exists (select 1 from group_members m where m.group_id = g.id and m.user_id = ${userId})
        and not exists (select 1 from group_bans b where b.group_id = g.id and b.user_id = ${userId})
        and not exists (select 1 from feed_controls c where c.user_id = ${userId} and c.kind = 'mute_group' and c.target = g.id and c.ended_at is null)
      order by coalesce(a.affinity, 0) desc, members desc, g.name
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
 * person's topics, then the longest here. Scores come from two aggregates — the members of the person's groups, and
 * the authors of posts on their tags — instead of three subqueries for every person in Hearth; the favourite tag is
 * looked up for the few people shown.
 */
export async function suggestPeople(db: Executor, userId: string, options: { limit?: number; useInferred?: boolean } = {}): Promise<PersonSuggestion[]> {
  const limit = options.limit ?? 5;
  const tags = (await positiveTags(db, userId, options.useInferred ?? true)).map((t) => t.tag);
  const tagList = tags.length ? sql.join(tags.map((t) => sql`${t}`), sql`, `) : null;
  const eligible = sql`u.id <> ${userId} and pr.suggest_me
        and not exists (select 1 from consents c where c.user_id = u.id and c.kind = 'suggest_me' and not c.granted)
        and not exists (select 1 from follows f where f.follower_id = ${userId} and f.followee_id = u.id)
        and not exists (select 1 from feed_controls c where c.user_id = ${userId} and c.kind = 'mute_user' and c.target = u.id and c.ended_at is null)
        and not ${blockedEitherWay(userId, sql.raw('u.id'))}
        and exists (select 1 from posts p where p.author_id = u.id)`;
  const rows = rowsOf<{ id: string; handle: string; name: string | null; image: string | null; shared_groups: number; topic_posts: number; top_tag: string | null }>(
    await db.execute(sql`
      with shared as (
        select b.user_id, count(*)::int as shared_groups
        from group_members a
        join groups g on g.id = a.group_id and g.visibility <> 'invite'
        join group_members b on b.group_id = a.group_id
        where a.user_id = ${userId}
        group by b.user_id
      ),
      topic as (
        ${tagList ? sql`select p.author_id as user_id, count(*)::int as topic_posts from post_tags pt join posts p on p.id = pt.post_id where pt.tag in (${tagList}) and p.removed_at is null group by p.author_id` : sql`select null::text as user_id, 0 as topic_posts where false`}
      ),
      scored as (
        select coalesce(s.user_id, t.user_id) as user_id, coalesce(s.shared_groups, 0) as shared_groups, coalesce(t.topic_posts, 0) as topic_posts
        from shared s full join topic t on t.user_id = s.user_id
      ),
      candidates as (
        (select u.id, u.handle, u.name, u.image, u.created_at, sc.shared_groups, sc.topic_posts
         from scored sc join users u on u.id = sc.user_id join profiles pr on pr.user_id = u.id
         where ${eligible}
         order by sc.topic_posts * 2 + sc.shared_groups * 3 desc, u.created_at, u.id
         limit ${limit})
        union all
        -- Too few with anything in common: the longest here who post.
        (select u.id, u.handle, u.name, u.image, u.created_at, 0, 0
         from users u join profiles pr on pr.user_id = u.id
         where ${eligible} and not exists (select 1 from scored sc where sc.user_id = u.id)
         order by u.created_at, u.id
         limit ${limit})
      )
      select c.id, c.handle, c.name, c.image, c.shared_groups, c.topic_posts,
        ${tagList ? sql`(select pt.tag from posts p join post_tags pt on pt.post_id = p.id where p.author_id = c.id and pt.tag in (${tagList}) group by pt.tag order by count(*) desc, pt.tag limit 1)` : sql`null`} as top_tag
      from (select * from candidates order by topic_posts * 2 + shared_groups * 3 desc, created_at, id limit ${limit}) c
      order by c.topic_posts * 2 + c.shared_groups * 3 desc, c.created_at, c.id`),
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
export function feedSuggestions(db: Executor, userId: string, options: { limit: number; useInferred: boolean; people: boolean; cacheVersion?: number }) {
  return cachedForPerson(userId, `suggestions:${options.limit}:${options.useInferred}:${options.people}`, async () => {
    const [groups, people] = await Promise.all([
      suggestGroups(db, userId, { limit: options.limit, useInferred: options.useInferred }),
      options.people ? suggestPeople(db, userId, { limit: options.limit, useInferred: options.useInferred }) : Promise.resolve([]),
    ]);
    return { groups, people };
  }, Date.now(), options.cacheVersion);
}

/**
 * The feed's suggestions for a person, on the app's database (for pages, which do not import db/). `cacheVersion`:
 * the viewer's, read with their session in this request (Viewer.cacheVersion).
 */
export function suggestionsForFeed(userId: string, options: { limit: number; useInferred: boolean; people: boolean; cacheVersion?: number }) {
  return feedSuggestions(appDb, userId, options);
}

/** Groups to suggest on the directory page, with the person's own personalization choices. */
export async function groupSuggestionsFor(userId: string, limit: number) {
  const personalization = await personalizationOf(appDb, userId);
  return suggestGroups(appDb, userId, { limit, useInferred: personalization.useInferred });
}
