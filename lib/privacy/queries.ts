import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { comments, groups, posts, users } from '@/db/schema';
import { dateTimeText, plainValue } from '@/lib/format';
import { markdownToText } from '@/lib/markdown/render';
import { visiblePosts } from '@/lib/posts/visibility';
import { listSessions } from '@/lib/auth/sessions';
import type { Viewer } from '@/lib/auth/viewer';
import { exportArchive } from './export';
import { categoryLabels, registry, summarize, type PrivacyCategory } from './registry';
import { privacyPageSize } from './schemas';
import { consentInfo, consentKinds } from './consent';
import { consentLogOf, consentsOf } from './consents';
import { collectedOf } from './collected';
import { confidenceOf, signalsSentence, signalTotal } from './interests';
import { previewPurge, retentionOf } from './retention';
import { aloneInGroupRule, groupsOwnedBy, heirOf, successionRule } from '@/lib/groups/succession';
import { getInterestProfile, personalizationOf } from '@/lib/recommend/profile';
import { tasteOf, tasteText } from '@/lib/recommend/taste';
import { inferredStrength, inferredText, strongestInferred } from '@/lib/recommend/weights';

export type PrivacyCategorySummary = {
  category: PrivacyCategory;
  label: string;
  items: (Awaited<ReturnType<typeof summarize>>[number] & { browsable: boolean })[];
  total: number;
};

/** What Hearth holds about the viewer, grouped by category, straight from the privacy registry. */
export async function getPrivacySummary(viewer: Viewer): Promise<PrivacyCategorySummary[]> {
  const entries = await summarize(db, viewer.id);
  return (Object.keys(categoryLabels) as PrivacyCategory[]).map((category) => {
    const items = entries.filter((e) => e.category === category).map((e) => ({ ...e, browsable: e.count > 0 }));
    return { category, label: categoryLabels[category], items, total: items.reduce((n, e) => n + e.count, 0) };
  });
}

/** What the erasure form needs to know about the viewer's own account. */
export async function getAccountFacts(viewer: Viewer) {
  const [row] = await db
    .select({ handle: users.handle, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, viewer.id))
    .limit(1);
  return { handle: row?.handle ?? viewer.handle, hasPassword: Boolean(row?.hasPassword) };
}

export type GroupSuccession = {
  /** Who a group passes to, in words (lib/groups/succession.ts). */
  rule: string;
  /** What becomes of a group nobody else is in, in words. */
  alone: string;
  /** The groups the viewer owns, each with who would own it after the erasure — the rule applied as erasure will. */
  groups: { name: string; slug: string; heir: { name: string; handle: string; why: string } | null }[];
};

/** For the erasure form: what happens to the groups the viewer owns when their account goes. */
export async function getGroupSuccession(viewer: Viewer): Promise<GroupSuccession> {
  const owned = await groupsOwnedBy(db, viewer.id);
  const groups = await Promise.all(
    owned.map(async (g) => {
      const heir = await heirOf(db, g.id, viewer.id);
      return { name: g.name, slug: g.slug, heir: heir && { name: heir.name, handle: heir.handle, why: heir.why } };
    }),
  );
  return { rule: successionRule, alone: aloneInGroupRule, groups };
}

/** The viewer's own export archive, streamed; the file name says whose and when. */
export function getExportArchive(viewer: Viewer, now = new Date()) {
  return { filename: `hearth-${viewer.handle}-${now.toISOString().slice(0, 10)}.zip`, stream: exportArchive(db, viewer.id, viewer.handle, now) };
}

/** Where the viewer is signed in, this browser marked. */
export function getMySessions(viewer: Viewer) {
  return listSessions(db, viewer.id, viewer.sessionId);
}

/** A value of a listed row as text for the page: dates as people read them, long text shortened, never JSON. */
function display(value: unknown): string {
  if (value === null || value === undefined) return '—';
  // Times some entries hand over as ISO text are dates too.
  const text = typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value) && !Number.isNaN(Date.parse(value)) ? dateTimeText(new Date(value)) : plainValue(value);
  return text.length > 280 ? `${text.slice(0, 279)}…` : text;
}

/** A field's name as words: "postId" → "Post", "createdAt" → "Created at". */
function fieldName(name: string): string {
  const words = name.replace(/Id$/, '').replace(/([A-Z])/g, ' $1').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A listed value: what an id points at by name, or that it is out of sight; anything else as text. */
function shownValue(name: string, value: unknown, names: Map<string, string>): string {
  if (typeof value === 'string' && names.has(value)) return names.get(value)!;
  if (typeof value === 'string' && (/Id$/.test(name) || uuidPattern.test(value))) return `(${fieldName(name).toLowerCase()} no longer shown to you)`;
  return display(value);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Fields that say nothing to the person: the row's own id, their own user id, and a link (offered as a link instead). */
const hiddenFields = new Set(['id', 'userId', 'link']);

/**
 * What the ids in listed rows point at, in words: people by name and handle, groups by name, posts and comments by
 * their first words (a post only while the viewer may see it). One query per kind for the whole page.
 */
async function namesFor(viewerId: string, rows: Record<string, unknown>[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const row of rows) for (const [key, value] of Object.entries(row)) if (key !== 'id' && typeof value === 'string' && (/Id$/.test(key) || uuidPattern.test(value))) ids.add(value);
  const names = new Map<string, string>();
  if (ids.size === 0) return names;
  const list = [...ids];
  const [people, groupRows, postRows, commentRows] = await Promise.all([
    db.select({ id: users.id, name: users.name, handle: users.handle }).from(users).where(inArray(users.id, list)),
    db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, list)),
    db.select({ id: posts.id, body: posts.body }).from(posts).where(and(inArray(posts.id, list), visiblePosts(viewerId))),
    db.select({ id: comments.id, body: comments.body }).from(comments).where(and(inArray(comments.id, list), eq(comments.authorId, viewerId))),
  ]);
  for (const p of people) names.set(p.id, p.id === viewerId ? 'You' : `${p.name ?? p.handle} (@${p.handle})`);
  for (const g of groupRows) names.set(g.id, g.name);
  for (const p of postRows) names.set(p.id, `“${markdownToText(p.body, 80)}”`);
  for (const c of commentRows) names.set(c.id, `Your comment “${markdownToText(c.body, 80)}”`);
  return names;
}

/** Where a kind of data is edited, rather than only deleted. */
const editLinks: Record<string, { href: string; text: string }> = {
  profiles: { href: '/settings/profile', text: 'Edit your profile' },
  user_interests: { href: '/settings/profile', text: 'Edit the interests on your profile' },
  media: { href: '/settings/profile', text: 'Change your picture and banner' },
  interest_scores: { href: '/settings/privacy/interests', text: 'See and change what Hearth thinks you like' },
  tag_follows: { href: '/settings/privacy/interests', text: 'See and change what Hearth thinks you like' },
  taste_vectors: { href: '/settings/privacy/interests#taste', text: 'See it in words in What Hearth thinks you like' },
  feed_controls: { href: '/settings/feed', text: 'Undo or change them in your feed controls' },
  user_blocks: { href: '/settings/blocked', text: 'See and undo them in Blocked people' },
  feed_preferences: { href: '/settings/feed', text: 'Change your feed settings' },
  retention_settings: { href: '/settings/privacy#retention', text: 'Change how long your data is kept' },
  consents: { href: '/settings/privacy#consents', text: 'Change what you allow' },
  users: { href: '/settings/account', text: 'Change your account and password' },
};

/** The post an item is about, to open it (posts, comments, reactions, signals …). */
function postLinkOf(table: string, row: Record<string, unknown>) {
  if (table === 'posts' && typeof row.id === 'string') return `/p/${row.id}`;
  if (typeof row.postId === 'string') return `/p/${row.postId}`;
  return typeof row.link === 'string' && /^\/p\/[\w-]+$/.test(row.link) ? row.link : null;
}

/** One page of the viewer's own rows of one registry entry, for the dashboard's drill-down; null for an unknown table. */
export async function getPrivacyItems(viewer: Viewer, table: string, page: number) {
  const entry = registry.find((e) => e.table === table);
  if (!entry) return null;
  const current = Math.max(1, Math.min(10_000, Math.floor(page) || 1));
  const [rows, total] = await Promise.all([
    entry.list(db, viewer.id, { limit: privacyPageSize, offset: (current - 1) * privacyPageSize }),
    entry.count(db, viewer.id),
  ]);
  const names = await namesFor(viewer.id, rows);
  return {
    table: entry.table,
    label: categoryLabels[entry.category],
    description: entry.description,
    purpose: entry.purpose,
    retention: entry.retention,
    total,
    page: current,
    pages: Math.max(1, Math.ceil(total / privacyPageSize)),
    canClear: Boolean(entry.clearAll),
    edit: editLinks[entry.table] ?? null,
    items: rows.map((row) => ({
      key: entry.itemKey?.(row) ?? null,
      postHref: postLinkOf(entry.table, row),
      deletable: Boolean(entry.deleteItem && entry.itemKey),
      fields: Object.entries(row)
        .filter(([name]) => !hiddenFields.has(name))
        .map(([name, value]) => ({ name: fieldName(name), value: shownValue(name, value, names) })),
    })),
  };
}

/**
 * The viewer's consents, each explained, and the log of their changes. A personalization consent that is off while
 * what it collected is still kept carries an offer to delete that.
 */
export async function getMyConsents(viewer: Viewer) {
  const [state, log, collected] = await Promise.all([consentsOf(db, viewer.id), consentLogOf(db, viewer.id), collectedOf(db, viewer.id)]);
  const offerFor = (kind: string) => {
    if (kind === 'personalize_activity' && !state.personalize_activity && (collected.signals > 0 || collected.topics > 0)) return { scope: 'activity' as const, ...collected };
    if (kind === 'inferred_interests' && !state.inferred_interests && collected.topics > 0) return { scope: 'inferred' as const, ...collected };
    return null;
  };
  return { consents: consentKinds.map((kind) => ({ kind, ...consentInfo[kind], on: state[kind], offer: offerFor(kind) })), log };
}

/** The viewer's retention choices and what the next purge will delete of theirs, and when. */
export async function getMyRetention(viewer: Viewer, now = new Date()) {
  const [choices, preview] = await Promise.all([retentionOf(db, viewer.id), previewPurge(db, viewer.id, now)]);
  return { choices, ...preview, now };
}

export type InterestView = {
  tag: string;
  choice: 'follow' | 'more' | 'less' | 'hide' | null;
  /** Stored choice only (more / less / hide), for the controls; following is a follow, not a choice. */
  explicit: 'more' | 'less' | 'hide' | null;
  /** The inferred score as it stands now. */
  inferred: number;
  /** 0..1: the score against the strongest topic (what the ranker adds when inferred interests may be used). */
  strength: number;
  /** The two above in words, as every page writes them (lib/recommend/weights.ts inferredText). */
  inferredText: string;
  /** What the feed uses for this topic right now. */
  weight: number;
  signals: number;
  signalsText: string;
  confidence: ReturnType<typeof confidenceOf>;
  updatedAt: Date | null;
};

/** "What Hearth thinks you like": every topic of the viewer's profile with its numbers, strongest first. */
export async function getMyInterests(viewer: Viewer, now = new Date()) {
  const personalization = await personalizationOf(db, viewer.id, now);
  const profile = await getInterestProfile(db, viewer.id, { now, useInferred: personalization.useInferred });
  const strongest = strongestInferred(profile);
  const interests: InterestView[] = profile.map((p) => ({
    tag: p.tag,
    choice: p.choice,
    explicit: p.choice === 'more' || p.choice === 'less' || p.choice === 'hide' ? p.choice : null,
    inferred: p.inferred,
    strength: inferredStrength(p.inferred, strongest),
    inferredText: inferredText(p.inferred, strongest),
    weight: p.weight,
    signals: signalTotal(p.signalCounts),
    signalsText: signalsSentence(p.signalCounts, p.tag),
    confidence: confidenceOf(p.signalCounts),
    updatedAt: p.updatedAt,
  }));
  const lastChange = interests.reduce<Date | null>((latest, i) => (i.updatedAt && (!latest || i.updatedAt > latest) ? i.updatedAt : latest), null);
  const taste = await tasteOf(db, viewer.id);
  return {
    interests,
    useInferred: personalization.useInferred,
    historyPaused: personalization.historyPaused,
    recordActivity: personalization.recordActivity,
    lastChange,
    // The learned taste vector, in words; the numbers are on its privacy page and in the export.
    taste: taste ? { text: tasteText(taste), engagements: taste.engagements, trainedAt: taste.trainedAt } : null,
  };
}
