// The data access layer for profiles: every read checks who is asking and returns only what they may see.
// A hidden section is never fetched for someone who may not see it, so it cannot reach the browser.
import 'server-only';
import { and, asc, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { cache } from 'react';
import { db, rowsOf } from '@/db/client';
import { cachedForPerson } from '@/lib/cache/person-cache';
import { follows, groupMembers, handleRedirects, interests, posts, profiles, userInterests, users } from '@/db/schema';
import type { ProfileLayout, ProfileVisibility } from '@/db/schema/profiles';
import type { Viewer } from '@/lib/auth/viewer';
import { markdownToText, renderMarkdown } from '@/lib/markdown/render';
import { blockBetween, blockedEitherWay } from '@/lib/blocks/rule';
import { listMemberships } from '@/lib/groups/queries';
import { qualified } from '@/lib/sql';
import { listMemories, type Memory } from '@/lib/milestones/queries';
import { getAuthorPosts, getPost, type PostCard, type PostPage } from '@/lib/posts/queries';
import { profileMediaUrl } from '@/lib/media/urls';
import { generatedAvatarUrl } from './avatar';
import { greetingFor, nextAnniversary, type GreetingFacts } from './greeting';
import { isBannerGradient, type BannerGradient } from './theme';
import { canSeeProfile, canSeeSection, hiddenSections, profilePostScope, type ProfileSection } from './visibility';

export type ProfileTheme = { accent: string; bannerGradient: BannerGradient; bannerUrl: string | null; layout: ProfileLayout };

export type ProfileView = {
  id: string;
  name: string;
  handle: string;
  image: string;
  pronouns: string;
  bioHtml: string;
  bioText: string;
  location: string;
  links: string[];
  joinedAt: Date;
  followers: number;
  following: number;
  theme: ProfileTheme;
  isSelf: boolean;
  visibility: ProfileVisibility;
  /** null: the section is hidden from this viewer (and was not read). */
  interests: { slug: string; label: string }[] | null;
  groups: { slug: string; name: string; role: string }[] | null;
  memories: Memory[] | null;
  showsPosts: boolean;
  pinnedPost: PostCard | null;
  /** Only for the person themself: sections others don't see. */
  hiddenFromOthers: ProfileSection[];
};

export type ProfileLookup =
  | { kind: 'found'; profile: ProfileView }
  | { kind: 'redirect'; handle: string }
  | { kind: 'restricted'; handle: string; reason: 'members' | 'only_me' }
  /** The viewer blocked this person: a minimal page with "Unblock" (someone who blocked the viewer is not_found). */
  | { kind: 'blocked'; id: string; handle: string; name: string }
  | { kind: 'not_found' };

const lower = (handle: string) => handle.trim().toLowerCase();

async function findRedirect(handle: string, now: Date) {
  const [row] = await db
    .select({ handle: users.handle })
    .from(handleRedirects)
    .innerJoin(users, eq(users.id, handleRedirects.userId))
    .where(and(eq(handleRedirects.oldHandle, lower(handle)), gt(handleRedirects.expiresAt, now)))
    .limit(1);
  return row?.handle ?? null;
}

/** A profile as `viewer` (null: signed out) may see it. Cached per request (metadata and page share it). */
export const getProfile = cache(async (viewer: Viewer | null, handle: string, now: Date = new Date()): Promise<ProfileLookup> => {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      handle: users.handle,
      image: users.image,
      createdAt: users.createdAt,
      profile: profiles,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(sql`lower(${users.handle})`, lower(handle)))
    .limit(1);
  if (!row) {
    const moved = await findRedirect(handle, now);
    return moved ? { kind: 'redirect', handle: moved } : { kind: 'not_found' };
  }
  const viewerId = viewer?.id ?? null;
  const block = viewerId ? await blockBetween(db, viewerId, row.id) : null;
  if (block === 'you_blocked') return { kind: 'blocked', id: row.id, handle: row.handle, name: row.name ?? row.handle };
  if (block === 'blocked_you') return { kind: 'not_found' };
  const p = row.profile;
  const visibility = p?.visibility ?? 'members';
  if (!canSeeProfile(visibility, viewerId, row.id)) {
    return { kind: 'restricted', handle: row.handle, reason: visibility === 'only_me' ? 'only_me' : 'members' };
  }
  const isSelf = viewerId === row.id;
  const flags = {
    showPosts: p?.showPosts ?? true,
    showGroups: p?.showGroups ?? true,
    showInterests: p?.showInterests ?? true,
    showMilestones: p?.showMilestones ?? true,
  };
  const sees = (section: ProfileSection) => canSeeSection(section, flags, isSelf);

  const [counts, interestRows, groupRows, pinned, memories] = await Promise.all([
    db
      .select({
        followers: sql<number>`(select count(*)::int from ${follows} f where f.followee_id = ${row.id})`,
        following: sql<number>`(select count(*)::int from ${follows} f where f.follower_id = ${row.id})`,
      })
      .from(sql`(select 1) as one`),
    sees('interests') ? showcasedInterests(row.id) : null,
    sees('groups') ? listMemberships(viewer, row.id) : null,
    sees('posts') && p?.pinnedPostId ? pinnedPostFor(row.id, p.pinnedPostId, viewer) : null,
    sees('milestones') ? listMemories(viewer, row.id, now) : null,
  ]);

  const bio = p?.bio ?? '';
  return {
    kind: 'found',
    profile: {
      id: row.id,
      name: row.name ?? row.handle,
      handle: row.handle,
      image: row.image ?? generatedAvatarUrl(row.handle),
      pronouns: p?.pronouns ?? '',
      bioHtml: renderMarkdown(bio, { profile: 'bio' }),
      bioText: markdownToText(bio),
      location: p?.location ?? '',
      links: p?.links ?? [],
      joinedAt: new Date(row.createdAt),
      followers: Number(counts[0]?.followers ?? 0),
      following: Number(counts[0]?.following ?? 0),
      theme: {
        accent: p?.accentColor ?? '',
        bannerGradient: p && isBannerGradient(p.bannerGradient) ? p.bannerGradient : 'ember',
        bannerUrl: p?.bannerMediaId ? profileMediaUrl(p.bannerMediaId, visibility) : null,
        layout: p?.layout ?? 'classic',
      },
      isSelf,
      visibility,
      interests: interestRows,
      groups: groupRows,
      memories,
      showsPosts: sees('posts'),
      pinnedPost: pinned,
      hiddenFromOthers: isSelf ? hiddenSections(flags) : [],
    },
  };
});

async function showcasedInterests(userId: string) {
  return db
    .select({ slug: interests.slug, label: interests.label })
    .from(userInterests)
    .innerJoin(interests, eq(interests.id, userInterests.interestId))
    .where(and(eq(userInterests.userId, userId), eq(userInterests.showcased, true)))
    .orderBy(asc(interests.label));
}

async function pinnedPostFor(ownerId: string, postId: string, viewer: Viewer | null) {
  const viewerId = viewer?.id ?? null;
  const card = await getPost(viewer, postId);
  const [post] = await db.select({ authorId: posts.authorId, groupId: posts.groupId }).from(posts).where(eq(posts.id, postId)).limit(1);
  if (!card || !post || post.authorId !== ownerId) return null;
  if (post.groupId && profilePostScope(viewerId) === 'profile_only') return null;
  return card;
}

/** The posts section of a profile, or null when the viewer may not see it (nothing is read then). */
export async function getProfilePosts(viewer: Viewer | null, profile: ProfileView, cursor?: string): Promise<PostPage | null> {
  if (!profile.showsPosts) return null;
  return getAuthorPosts(viewer, profile.id, cursor, { profileOnly: profilePostScope(viewer?.id ?? null) === 'profile_only' });
}

/** Everything the edit form needs about the viewer's own profile. */
export async function getProfileForEditing(viewer: Viewer) {
  const [row] = await db
    .select({ name: users.name, handle: users.handle, image: users.image, createdAt: users.createdAt, profile: profiles })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, viewer.id))
    .limit(1);
  if (!row) return null;
  const [vocabulary, mine, ownPosts, redirect, groupRows] = await Promise.all([
    db.select({ slug: interests.slug, label: interests.label }).from(interests).orderBy(asc(interests.label)),
    db
      .select({ slug: interests.slug, showcased: userInterests.showcased })
      .from(userInterests)
      .innerJoin(interests, eq(interests.id, userInterests.interestId))
      .where(eq(userInterests.userId, viewer.id)),
    db
      .select({ id: posts.id, body: posts.body, createdAt: posts.createdAt })
      .from(posts)
      .where(eq(posts.authorId, viewer.id))
      // The pinned post first (it may be older than the rest), then the most recent.
      .orderBy(sql`${posts.id} = ${row.profile?.pinnedPostId ?? ''} desc`, desc(posts.createdAt))
      .limit(30),
    db
      .select({ oldHandle: handleRedirects.oldHandle, expiresAt: handleRedirects.expiresAt })
      .from(handleRedirects)
      .where(and(eq(handleRedirects.userId, viewer.id), gt(handleRedirects.expiresAt, new Date())))
      .orderBy(desc(handleRedirects.expiresAt)),
    listMemberships(viewer, viewer.id),
  ]);
  const p = row.profile;
  return {
    name: row.name ?? row.handle,
    handle: row.handle,
    image: row.image ?? generatedAvatarUrl(row.handle),
    joinedAt: new Date(row.createdAt),
    bio: p?.bio ?? '',
    pronouns: p?.pronouns ?? '',
    location: p?.location ?? '',
    links: p?.links ?? [],
    accent: p?.accentColor ?? '',
    bannerGradient: p && isBannerGradient(p.bannerGradient) ? p.bannerGradient : ('ember' as BannerGradient),
    bannerUrl: p?.bannerMediaId ? profileMediaUrl(p.bannerMediaId, p.visibility) : null,
    layout: p?.layout ?? 'classic',
    avatarUploaded: Boolean(p?.avatarMediaId),
    avatarStyle: p?.avatarStyle ?? 'thumbs',
    avatarBackground: p?.avatarBackground ?? '',
    avatarShape: p?.avatarShape ?? 'circle',
    visibility: p?.visibility ?? 'members',
    showPosts: p?.showPosts ?? true,
    showGroups: p?.showGroups ?? true,
    showInterests: p?.showInterests ?? true,
    showMilestones: p?.showMilestones ?? true,
    suggestMe: p?.suggestMe ?? false,
    pinnedPostId: p?.pinnedPostId ?? '',
    timeZone: p?.timeZone ?? '',
    interests: vocabulary.map((i) => ({ ...i, showcased: mine.some((m) => m.slug === i.slug && m.showcased) })),
    ownPosts: ownPosts.map((post) => ({ id: post.id, excerpt: markdownToText(post.body, 80), createdAt: new Date(post.createdAt) })),
    bioHtml: renderMarkdown(p?.bio ?? '', { profile: 'bio' }),
    groups: groupRows as { slug: string; name: string; role: string }[],
    formerHandles: redirect.map((r) => ({ handle: r.oldHandle, until: new Date(r.expiresAt) })),
  };
}

export type ProfileForEditing = NonNullable<Awaited<ReturnType<typeof getProfileForEditing>>>;

/**
 * People a viewer might like to know: members of their groups who chose "suggest me to others" and whose profile
 * is not private, whom the viewer does not follow yet. The condition is the one every suggestion must apply.
 */
export const suggestable = sql`exists (select 1 from ${profiles} sp where sp.user_id = ${users.id} and sp.suggest_me and sp.visibility <> 'only_me')`;

export async function listSuggestedPeople(viewer: Viewer, limit = 5) {
  const rows = await db
    .selectDistinct({ id: users.id, name: users.name, handle: users.handle, image: users.image })
    .from(users)
    .innerJoin(groupMembers, eq(groupMembers.userId, users.id))
    .where(
      and(
        ne(users.id, viewer.id),
        suggestable,
        sql`${groupMembers.groupId} in (select m.group_id from ${groupMembers} m where m.user_id = ${viewer.id})`,
        sql`not exists (select 1 from ${follows} f where f.follower_id = ${viewer.id} and f.followee_id = ${users.id})`,
        sql`not ${blockedEitherWay(viewer.id, qualified(users.id))}`,
      ),
    )
    .orderBy(asc(users.handle))
    .limit(limit);
  return rows.map((r) => ({ ...r, name: r.name ?? r.handle, image: r.image ?? generatedAvatarUrl(r.handle) }));
}

const visitGap = 30 * 60 * 1000;

/** What the feed's greeting says beyond the hour of the day: read for a visit, the same for the whole of it. */
export type VisitNews = { timeZone: string | null; joined: string; newGroupPosts: number; newFollower: string | null; newFollowerCount: number };

/**
 * The news since the person's last visit, and the note of this visit: a new visit begins after 30 minutes away, and
 * "since your last visit" means since the one before this.
 */
export async function visitNews(viewer: Viewer, now: Date = new Date()): Promise<VisitNews | null> {
  // One statement: the person's clock and visits, and what happened since their previous visit (a new visit begins
  // after visitGap; then "since" is the end of the last one).
  const nowIso = now.toISOString();
  const gapStart = new Date(now.getTime() - visitGap).toISOString();
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const [row] = rowsOf<{ time_zone: string | null; seen: string | Date | null; joined: string | Date; group_posts: number; follower_count: number; follower: string | null }>(
    await db.execute(sql`
      with me as (
        select pr.time_zone, pr.feed_seen_at as seen, u.created_at as joined,
          coalesce(case when pr.feed_seen_at is null or pr.feed_seen_at < ${gapStart}::timestamptz then pr.feed_seen_at else pr.feed_prev_seen_at end, ${weekAgo}::timestamptz) as recent
        from ${users} u left join ${profiles} pr on pr.user_id = u.id where u.id = ${viewer.id}
      )
      select me.time_zone, me.seen, me.joined,
        (select count(*)::int from ${posts} p where p.created_at > me.recent and p.created_at <= ${nowIso}::timestamptz and p.author_id <> ${viewer.id}
          and p.group_id in (select m.group_id from ${groupMembers} m where m.user_id = ${viewer.id})) as group_posts,
        (select count(*)::int from ${follows} f where f.followee_id = ${viewer.id} and f.created_at > me.recent and f.created_at <= ${nowIso}::timestamptz) as follower_count,
        (select coalesce(u.name, u.handle) from ${follows} f join ${users} u on u.id = f.follower_id
          where f.followee_id = ${viewer.id} and f.created_at > me.recent and f.created_at <= ${nowIso}::timestamptz
          order by f.created_at desc limit 1) as follower
      from me`),
  );
  if (!row) return null;
  const seen = row.seen ? new Date(row.seen) : null;
  if (!seen || now.getTime() - seen.getTime() > visitGap) {
    await db.update(profiles).set({ feedPrevSeenAt: seen, feedSeenAt: now }).where(eq(profiles.userId, viewer.id));
  }
  return {
    timeZone: row.time_zone,
    joined: new Date(row.joined).toISOString(),
    newGroupPosts: Number(row.group_posts ?? 0),
    newFollower: row.follower ?? null,
    newFollowerCount: Number(row.follower_count ?? 0),
  };
}

/** The greeting for `now` from a visit's news: the hour of the day and the anniversary are of this moment. */
export function greetingOf(viewer: Viewer, news: VisitNews, now: Date) {
  const anniversary = nextAnniversary(new Date(news.joined), now, news.timeZone);
  const facts: GreetingFacts = {
    name: viewer.name,
    timeZone: news.timeZone,
    newGroupPosts: news.newGroupPosts,
    newFollower: news.newFollower,
    newFollowerCount: news.newFollowerCount,
    anniversaryInDays: anniversary.years >= 1 ? anniversary.inDays : null,
    anniversaryYears: anniversary.years,
  };
  return { ...greetingFor(facts, now), timeZoneKnown: news.timeZone !== null };
}

/** The feed greeting for the viewer, read afresh (and noting this visit). */
export async function getFeedGreeting(viewer: Viewer, now: Date = new Date()) {
  const news = await visitNews(viewer, now);
  return news && greetingOf(viewer, news, now);
}

/**
 * The feed greeting as the feed shows it: the visit's news is kept per person for a few minutes (lib/cache/
 * person-cache.ts), so a person reading their feed is not counted the posts of their groups on every view — the news
 * is of the visit, not of the minute. What they change themselves (their time zone, say) is forgotten on every instance
 * through their cache version; a new follower shows within minutes. The hour of the day is always this one.
 */
export async function feedGreeting(viewer: Viewer, now: Date = new Date()) {
  const news = await cachedForPerson(viewer.id, 'greeting', () => visitNews(viewer, now), now.getTime(), viewer.cacheVersion);
  return news && greetingOf(viewer, news, now);
}

