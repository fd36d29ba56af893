// The quality community in an embedded database (in-memory PGlite, every migration applied), so the bench gathers
// For you candidates with the production SQL of lib/recommend/candidates.ts. Loaded in time order: everything before
// the validation split first, then what happened up to the test split, so a query never sees its own future (the
// candidate SQL has no upper time bound: a post written after "now" must not exist yet).
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migrateDatabase, openMemoryPglite, openPostgres, type DatabaseHandle } from '../../db/client';
import { serverUrl } from '../dataset/target';
import { rebuildInferredProfiles } from '../../lib/recommend/rebuild';
import type { TableRows, Value } from '../dataset/generate';
import { copyRows } from '../dataset/write';
import { BOOKMARK, COMMENT, DAY, EPOCH, OPEN, REACTION, VIEW, type Community } from './community';

const GROUPS_CREATED = EPOCH - 500 * DAY;

/** The rows of everything that happened in [from, to), table by table (people and groups only on the first load). */
function tablesBetween(c: Community, from: number, to: number, first: boolean): TableRows[] {
  const inRange = (at: number) => at >= from && at < to;
  const topic = (t: number) => c.topics[t]!;
  const rows = <T,>(list: T[], f: (x: T) => Value[] | null): Value[][] => list.map(f).filter((r): r is Value[] => r !== null);
  const people = c.people;
  const posts = c.posts.filter((p) => inRange(p.createdAt));
  const ev = c.events;
  const events = (kind: number) => {
    const out: number[] = [];
    for (let i = 0; i < ev.kind.length; i++) if (ev.kind[i] === kind && inRange(ev.at[i]!)) out.push(i);
    return out;
  };
  const person = (i: number) => people[ev.person[i]!]!.id;
  const post = (i: number) => c.posts[ev.post[i]!]!.id;
  const at = (i: number) => new Date(ev.at[i]!);
  const tables: TableRows[] = [];
  if (first) {
    tables.push(
      { table: 'users', columns: ['id', 'name', 'email', 'handle', 'created_at'], rows: people.map((p) => [p.id, p.name, `${p.handle}@quality.bench`, p.handle, new Date(p.joinedAt)]), estimate: people.length },
      { table: 'groups', columns: ['id', 'slug', 'name', 'topic', 'visibility', 'created_at'], rows: c.groups.map((g) => [g.id, g.slug, g.name, topic(g.topics[0]!), 'public', new Date(GROUPS_CREATED)]), estimate: c.groups.length },
    );
  }
  const joined = people.filter((p) => inRange(p.joinedAt) || (first && p.joinedAt < from));
  tables.push(
    { table: 'feed_preferences', columns: ['user_id', 'mode', 'onboarded_at'], rows: joined.map((p) => [p.id, 'foryou', new Date(p.joinedAt)]), estimate: joined.length },
    // Consent is off until a person says yes (migration 0026): the quality community said yes to personalization
    // from activity and to inferred interests at onboarding, as the benchmark community does (bench/dataset).
    {
      table: 'consents',
      columns: ['user_id', 'kind', 'granted', 'updated_at'],
      rows: joined.flatMap((p) => ['personalize_activity', 'inferred_interests'].map((kind) => [p.id, kind, true, new Date(p.joinedAt)])),
      estimate: joined.length * 2,
    },
    {
      table: 'tag_follows',
      columns: ['user_id', 'tag', 'created_at'],
      rows: joined.flatMap((p) => [...p.explicit].filter(([, choice]) => choice === 'follow').map(([t]) => [p.id, topic(t), new Date(p.joinedAt)])),
      estimate: 0,
    },
    {
      table: 'interest_scores',
      columns: ['user_id', 'tag', 'choice', 'choice_at', 'inferred', 'inferred_at', 'updated_at'],
      rows: joined.flatMap((p) => [...p.explicit].filter(([, choice]) => choice === 'more').map(([t]) => [p.id, topic(t), 'more', new Date(p.joinedAt), 0, new Date(p.joinedAt), new Date(p.joinedAt)])),
      estimate: 0,
    },
    {
      table: 'group_members',
      columns: ['group_id', 'user_id', 'joined_at', 'welcomed_at'],
      rows: people.flatMap((p) => rows(p.groups, (g) => (inRange(g.at) || (first && g.at < from) ? [c.groups[g.group]!.id, p.id, new Date(g.at), new Date(g.at)] : null))),
      estimate: 0,
    },
    {
      table: 'follows',
      columns: ['follower_id', 'followee_id', 'created_at'],
      rows: people.flatMap((p) => rows(p.follows, (f) => (inRange(f.at) || (first && f.at < from) ? [p.id, people[f.person]!.id, new Date(f.at)] : null))),
      estimate: 0,
    },
    {
      table: 'posts',
      columns: ['id', 'author_id', 'group_id', 'body', 'body_html', 'created_at'],
      rows: posts.map((p) => {
        const body = `A post about ${p.tags.map((t) => `#${topic(t)}`).join(' ')}`;
        return [p.id, people[p.author]!.id, p.group >= 0 ? c.groups[p.group]!.id : null, body, `<p>${body}</p>`, new Date(p.createdAt)];
      }),
      estimate: posts.length,
    },
    { table: 'post_tags', columns: ['post_id', 'tag'], rows: posts.flatMap((p) => p.tags.map((t) => [p.id, topic(t)])), estimate: 0 },
    { table: 'reactions', columns: ['post_id', 'user_id', 'emoji', 'created_at'], rows: events(REACTION).map((i) => [post(i), person(i), '❤️', at(i)]), estimate: 0 },
    { table: 'comments', columns: ['id', 'post_id', 'author_id', 'body', 'created_at'], rows: events(COMMENT).map((i) => [`c${i}`, post(i), person(i), 'A comment.', at(i)]), estimate: 0 },
    { table: 'bookmarks', columns: ['user_id', 'post_id', 'created_at'], rows: events(BOOKMARK).map((i) => [person(i), post(i), at(i)]), estimate: 0 },
    {
      table: 'activity_signals',
      columns: ['id', 'user_id', 'post_id', 'kind', 'created_at'],
      rows: [...events(VIEW).map((i) => [`s${i}`, person(i), post(i), 'view', at(i)]), ...events(OPEN).map((i) => [`s${i}`, person(i), post(i), 'open', at(i)])],
      estimate: 0,
    },
  );
  return tables;
}

export type QualityDatabase = { handle: DatabaseHandle; loadedUntil: number; close(): Promise<void> };
export type QualityEngine = 'pglite' | 'postgres';

let migrated: Promise<Blob> | null = null;
/** An empty database with every migration applied, made once per process and copied for each seed. */
function migratedSnapshot(): Promise<Blob> {
  migrated ??= (async () => {
    const handle = openMemoryPglite();
    await migrateDatabase(handle);
    const dump = await handle.pglite!.dumpDataDir('none');
    await handle.close();
    return dump;
  })();
  return migrated;
}

/** On a PostgreSQL server (`--db postgres`): a database of its own per seed, made afresh and dropped afterwards. */
async function serverDatabase(seed: number): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  // The process id too: two runs on one server (other sessions, other seeds) never share a database.
  const name = `hearth_bench_quality_${seed}_${process.pid}`;
  const admin = postgres(`${serverUrl()}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name}`);
  await admin.unsafe(`create database ${name}`);
  const handle = openPostgres(`${serverUrl()}/${name}`, { max: 2 });
  await migrateDatabase(handle);
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name}`);
      await admin.end({ timeout: 5 });
    },
  };
}

/**
 * A fresh database holding everything that happened before `until`, profiles rebuilt as of `until`: in memory
 * (PGlite, the default) or on the benchmark PostgreSQL server — the same migrations and the same candidate SQL.
 */
export async function loadCommunity(c: Community, until: number, engine: QualityEngine = 'pglite'): Promise<QualityDatabase> {
  let handle: DatabaseHandle;
  let close: () => Promise<void>;
  if (engine === 'postgres') {
    const server = await serverDatabase(c.scale.seed);
    handle = server.handle;
    close = server.drop;
  } else {
    handle = openMemoryPglite(await migratedSnapshot());
    close = () => handle.close();
  }
  const database = { handle, loadedUntil: -Infinity, close };
  await write(database, c, until, true);
  return database;
}

/** Adds what happened between the last load and `until`, and rebuilds the interest profiles as of `until`. */
export async function advanceCommunity(database: QualityDatabase, c: Community, until: number) {
  await write(database, c, until, false);
}

async function write(database: QualityDatabase, c: Community, until: number, first: boolean) {
  for (const table of tablesBetween(c, first ? -Infinity : database.loadedUntil, until, first)) await copyRows(database.handle, table);
  database.loadedUntil = until;
  // The interest profile from every engagement, as the app keeps it incrementally (lib/recommend/rebuild.ts).
  await rebuildInferredProfiles(database.handle.db, new Date(until));
  await database.handle.db.execute(sql`analyze`);
}
