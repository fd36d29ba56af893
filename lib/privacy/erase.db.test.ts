// Account erasure through its Server Action: a heavy person is erased and nothing anywhere still names them.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { posts, releasedHandles, users } from '@/db/schema';
import { authenticate, createAccount, isHandleTaken } from '@/lib/auth/users';
import type { Viewer } from '@/lib/auth/viewer';
import { actAs, call } from '@/test/actions';
import { seedHeavyPerson } from '@/test/privacy';
import { eraseAccountAction } from './actions';
import { handleDigest } from './handles';
import { deletedMemberId, registry } from './registry';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
const signedOut: string[] = [];
vi.mock('@/lib/auth/config', () => ({ signOut: async ({ redirectTo }: { redirectTo: string }) => void signedOut.push(redirectTo) }));

type Column = { table_name: string; column_name: string; references_table: string | null };

async function columns(): Promise<Column[]> {
  return rowsOf<Column>(
    await db.execute(sql`
      select c.relname as table_name, a.attname as column_name,
             (select r.relname from pg_constraint f join pg_class r on r.oid = f.confrelid
               where f.conrelid = c.oid and f.contype = 'f' and a.attnum = any(f.conkey) limit 1) as references_table
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`),
  );
}

/** Rows in any column that refers to users and holds this id. */
async function rowsReferencing(userId: string) {
  let total = 0;
  for (const c of (await columns()).filter((c) => c.references_table === 'users')) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)} = ${userId}`));
    total += row.n;
  }
  return total;
}

/** Rows of any table whose text form contains the value anywhere (as a whole word), in any column. */
async function rowsContaining(value: string) {
  const tables = [...new Set((await columns()).map((c) => c.table_name))];
  const pattern = `(^|[^a-z0-9_.@-])${value.replace(/[.+]/g, '\\$&')}($|[^a-z0-9_.@-])`;
  let total = 0;
  for (const t of tables) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(t)} x where x::text ~* ${pattern}`));
    total += row.n;
  }
  return total;
}

let heavy: Awaited<ReturnType<typeof seedHeavyPerson>>;
let viewer: Viewer;

beforeAll(async () => {
  heavy = await seedHeavyPerson();
  viewer = { id: heavy.user.id, handle: heavy.user.handle, name: heavy.user.name ?? '', image: null };
});

describe('account erasure', () => {
  it('is a heavy person: rows in most registry tables, their email and handle in text', async () => {
    const counts = Object.fromEntries(await Promise.all(registry.map(async (e) => [e.table, await e.count(db, heavy.user.id)] as const)));
    const filled = Object.entries(counts).filter(([, n]) => n > 0).map(([t]) => t);
    expect(filled).toEqual(expect.arrayContaining(['users', 'profiles', 'media', 'posts', 'comments', 'reactions', 'follows', 'group_members']));
    expect(await rowsReferencing(heavy.user.id)).toBeGreaterThan(20);
    expect(await rowsContaining(heavy.user.email)).toBeGreaterThan(0);
    expect(await rowsContaining(heavy.user.handle)).toBeGreaterThan(0);
  });

  it('refuses without the exact handle or the right password, and changes nothing', async () => {
    actAs(viewer);
    const before = await rowsReferencing(heavy.user.id);
    const wrongHandle = await call(eraseAccountAction, { password: heavy.password, confirmHandle: 'someone_else', content: 'delete' });
    expect(wrongHandle.fieldErrors?.confirmHandle).toMatch(/Type your handle/);
    const wrongPassword = await call(eraseAccountAction, { password: 'not the password', confirmHandle: heavy.user.handle, content: 'delete' });
    expect(wrongPassword.fieldErrors?.password).toBe('That is not your password.');
    const noChoice = await call(eraseAccountAction, { password: heavy.password, confirmHandle: heavy.user.handle });
    expect(noChoice.fieldErrors?.content).toMatch(/Choose what happens/);
    actAs(null);
    expect((await call(eraseAccountAction, { password: heavy.password, confirmHandle: heavy.user.handle, content: 'delete' })).error).toMatch(/session has ended/);
    expect(await rowsReferencing(heavy.user.id)).toBe(before);
    expect(signedOut).toEqual([]);
  });

  it('erases everything in one go: no row refers to them, no text holds their email or handle, sign-in fails', async () => {
    actAs(viewer);
    const result = await call(eraseAccountAction, { password: heavy.password, confirmHandle: `@${heavy.user.handle.toUpperCase()}`, content: 'delete' });
    expect(result.error).toBeUndefined();
    expect(signedOut).toEqual(['/?erased=1']);
    expect(await db.select().from(users).where(eq(users.id, heavy.user.id))).toEqual([]);
    expect(await rowsReferencing(heavy.user.id)).toBe(0);
    expect(await rowsContaining(heavy.user.id)).toBe(0);
    expect(await rowsContaining(heavy.user.email)).toBe(0);
    expect(await rowsContaining(heavy.user.handle)).toBe(0);
    expect(await db.select().from(posts).where(eq(posts.authorId, deletedMemberId))).toEqual([]);
    expect(await authenticate(db, { email: heavy.user.email, password: heavy.password })).toBeNull();
  });

  it('rests the handle for 30 days, then frees it', async () => {
    expect(await db.select().from(releasedHandles).where(eq(releasedHandles.handleDigest, handleDigest(heavy.user.handle)))).toHaveLength(1);
    expect(await isHandleTaken(db, heavy.user.handle)).toBe(true);
    expect(await isHandleTaken(db, heavy.user.handle.toUpperCase())).toBe(true);
    expect(await isHandleTaken(db, heavy.user.handle, new Date(Date.now() + 31 * 86_400_000))).toBe(false);
    // The email is free at once: the person may come back.
    const again = await createAccount(db, { name: 'Back again', handle: `back_${Date.now().toString(36)}`, email: heavy.user.email, password: 'a new beginning here' });
    expect(again.ok).toBe(true);
  });

  it('can keep posts and comments as [deleted member]', async () => {
    const [other] = await db
      .select({ id: users.id, handle: users.handle, name: users.name, email: users.email })
      .from(users)
      .where(sql`exists (select 1 from posts p where p.author_id = ${users.id}) and ${users.passwordHash} is not null and ${users.id} <> ${deletedMemberId}`)
      .limit(1);
    const theirPosts = await db.select({ id: posts.id }).from(posts).where(eq(posts.authorId, other.id));
    actAs({ id: other.id, handle: other.handle, name: other.name ?? '', image: null });
    const result = await call(eraseAccountAction, { password: heavy.password, confirmHandle: other.handle, content: 'keep' });
    expect(result.error).toBeUndefined();
    expect(await rowsReferencing(other.id)).toBe(0);
    expect(await rowsContaining(other.email)).toBe(0);
    const kept = await db.select({ authorId: posts.authorId }).from(posts).where(sql`${posts.id} in ${theirPosts.map((p) => p.id)}`);
    expect(kept.map((p) => p.authorId)).toEqual(theirPosts.map(() => deletedMemberId));
  });

  it('asks a person without a password for a fresh sign-in instead', async () => {
    const [u] = await db.insert(users).values({ name: 'Oauth Only', email: `oauth.${Date.now()}@example.org`, handle: `oauth_${Date.now().toString(36)}` }).returning();
    actAs({ id: u.id, handle: u.handle, name: 'Oauth Only', image: null, signedInAt: Date.now() - 60 * 60_000 });
    expect((await call(eraseAccountAction, { confirmHandle: u.handle, content: 'delete' })).error).toMatch(/sign in again/);
    actAs({ id: u.id, handle: u.handle, name: 'Oauth Only', image: null, signedInAt: Date.now() - 60_000 });
    expect((await call(eraseAccountAction, { confirmHandle: u.handle, content: 'delete' })).error).toBeUndefined();
    expect(await rowsReferencing(u.id)).toBe(0);
  });
});
