// The privacy registry must know every table that holds data about a person, and erasure must leave no trace.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { groupMemberRoles, groupRoles, posts, users } from '@/db/schema';
import { demoAccount, seedDemo } from '@/lib/demo/seed';
import { deletedMemberId, eraseAccountData, tablesWithoutDashboard, registry } from './registry';

type Column = { table_name: string; column_name: string; data_type: string; references_table: string | null };

async function liveColumns(): Promise<Column[]> {
  return rowsOf<Column>(
    await db.execute(sql`
      select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as data_type,
             (select r.relname from pg_constraint f join pg_class r on r.oid = f.confrelid
               where f.conrelid = c.oid and f.contype = 'f' and a.attnum = any(f.conkey) limit 1) as references_table
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`),
  );
}

/** A column that points at a person: a foreign key to users, or a name that says so. */
const personColumn = /^(user|author|owner|follower|followee|member|actor|recipient|sender|inviter|invitee|creator|reporter|moderator|banned_by|granted_by|approved_by)_id$|_user_id$|^email$/;

function personalTables(columns: Column[]) {
  const tables = new Set(['users']);
  for (const c of columns) {
    if (c.references_table === 'users' || personColumn.test(c.column_name)) tables.add(c.table_name);
  }
  return tables;
}

describe('privacy registry completeness', () => {
  it('has an entry, with list, export and erase, for every table that refers to a person', async () => {
    const columns = await liveColumns();
    expect(columns.length).toBeGreaterThan(10);
    const missing = [...personalTables(columns)].filter((t) => !registry.some((e) => e.table === t) && !(t in tablesWithoutDashboard));
    expect(missing, `tables holding personal data without a privacy registry entry: ${missing.join(', ')}`).toEqual([]);
    for (const entry of registry) {
      expect(typeof entry.list, entry.table).toBe('function');
      expect(typeof entry.export, entry.table).toBe('function');
      expect(typeof entry.erase, entry.table).toBe('function');
      expect(entry.description.length, entry.table).toBeGreaterThan(10);
      expect(entry.purpose.length, entry.table).toBeGreaterThan(10);
      expect(entry.retention.length, entry.table).toBeGreaterThan(3);
    }
  });

  it('names only tables that exist, once each', async () => {
    const tables = new Set((await liveColumns()).map((c) => c.table_name));
    for (const entry of registry) expect(tables.has(entry.table), `registry entry for missing table ${entry.table}`).toBe(true);
    expect(new Set(registry.map((e) => e.table)).size).toBe(registry.length);
  });

  it('would notice a new table with a user reference', async () => {
    await db.execute(sql`create table scratch_notes (id serial primary key, user_id text references users(id))`);
    try {
      const missing = [...personalTables(await liveColumns())].filter((t) => !registry.some((e) => e.table === t) && !(t in tablesWithoutDashboard));
      expect(missing).toEqual(['scratch_notes']);
    } finally {
      await db.execute(sql`drop table scratch_notes`);
    }
  });
});

describe('erasure and export through the registry', () => {
  let personColumns: Column[];
  beforeAll(async () => {
    const result = await seedDemo(db, { now: new Date('2026-11-01T12:00:00Z') });
    expect(result.seeded).toBe(true);
    personColumns = (await liveColumns()).filter((c) => c.references_table === 'users' || personColumn.test(c.column_name));
  });

  async function rowsReferencing(userId: string) {
    let total = 0;
    for (const c of personColumns) {
      if (c.column_name === 'email') continue;
      const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)} = ${userId}`));
      total += row.n;
    }
    return total;
  }

  /** Rows in any table whose text form has the value as a whole field (row::text is "(a,b,c)"). */
  async function rowsMentioning(value: string) {
    const tables = [...new Set((await liveColumns()).map((c) => c.table_name))];
    const pattern = `[(,]"?${value.replace(/[.+]/g, '\\$&')}"?[,)]`;
    let total = 0;
    for (const t of tables) {
      const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(t)} x where x::text ~* ${pattern}`));
      total += row.n;
    }
    return total;
  }

  async function ownerOfAGroup() {
    const [row] = await db
      .select({ userId: groupMemberRoles.userId, groupId: groupMemberRoles.groupId, handle: users.handle, email: users.email })
      .from(groupMemberRoles)
      .innerJoin(groupRoles, eq(groupRoles.id, groupMemberRoles.roleId))
      .innerJoin(users, eq(users.id, groupMemberRoles.userId))
      .where(and(eq(groupRoles.builtin, 'owner'), sql`exists (select 1 from posts p where p.author_id = ${groupMemberRoles.userId})`))
      .limit(1);
    return row;
  }

  async function ownersOf(groupId: string) {
    return db
      .select({ userId: groupMemberRoles.userId })
      .from(groupMemberRoles)
      .innerJoin(groupRoles, eq(groupRoles.id, groupMemberRoles.roleId))
      .where(and(eq(groupMemberRoles.groupId, groupId), eq(groupRoles.builtin, 'owner')));
  }

  it('exports a person’s content and account without secrets', async () => {
    const [demo] = await db.select().from(users).where(eq(users.email, demoAccount.email));
    const exported = Object.fromEntries(await Promise.all(registry.map(async (e) => [e.table, await e.export(db, demo.id)] as const)));
    expect(exported.users).toHaveLength(1);
    expect(exported.users[0]).toMatchObject({ handle: demoAccount.handle, email: demoAccount.email, hasPassword: true });
    expect(JSON.stringify(exported)).not.toContain('argon2');
    const postCount = (await db.select().from(posts).where(eq(posts.authorId, demo.id))).length;
    expect(postCount).toBeGreaterThan(0);
    expect(exported.posts).toHaveLength(postCount);
    expect(await registry.find((e) => e.table === 'posts')!.count(db, demo.id)).toBe(postCount);
  });

  it('erases everything about a group owner in one transaction, and the group keeps an owner', async () => {
    const owner = await ownerOfAGroup();
    expect(await rowsReferencing(owner.userId)).toBeGreaterThan(3);
    expect(await rowsMentioning(owner.email)).toBe(1);
    expect(await rowsMentioning(owner.handle)).toBeGreaterThanOrEqual(1);
    await db.transaction((tx) => eraseAccountData(tx, owner.userId, { keepContent: false }));
    expect(await rowsReferencing(owner.userId)).toBe(0);
    expect(await rowsMentioning(owner.email)).toBe(0);
    expect(await rowsMentioning(owner.handle)).toBe(0);
    const owners = await ownersOf(owner.groupId);
    expect(owners).toHaveLength(1);
    expect(owners[0].userId).not.toBe(owner.userId);
  });

  it('can keep posts as [deleted member] while removing the person', async () => {
    const owner = await ownerOfAGroup();
    const theirPosts = await db.select({ id: posts.id }).from(posts).where(eq(posts.authorId, owner.userId));
    expect(theirPosts.length).toBeGreaterThan(0);
    await db.transaction((tx) => eraseAccountData(tx, owner.userId, { keepContent: true }));
    expect(await rowsReferencing(owner.userId)).toBe(0);
    const kept = await db.select({ authorId: posts.authorId }).from(posts).where(sql`${posts.id} in ${theirPosts.map((p) => p.id)}`);
    expect(kept).toHaveLength(theirPosts.length);
    expect(new Set(kept.map((p) => p.authorId))).toEqual(new Set([deletedMemberId]));
  });

  it('rolls back completely when erasure fails half-way', async () => {
    const owner = await ownerOfAGroup();
    const before = await rowsReferencing(owner.userId);
    await expect(
      db.transaction(async (tx) => {
        await eraseAccountData(tx, owner.userId, { keepContent: false });
        throw new Error('simulated failure after erasing');
      }),
    ).rejects.toThrow('simulated failure');
    expect(await rowsReferencing(owner.userId)).toBe(before);
  });
});
