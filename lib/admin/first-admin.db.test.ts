// The first account on an empty instance becomes its admin, once: two first sign-ups at the same moment do not both
// become admin, and the first account is never held for approval, whatever the registration mode says.
import { count, eq, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { instanceAuditLog, registrationApprovals, siteSettings, users } from '@/db/schema';
import { createAccount } from '@/lib/auth/users';
import { admitNewAccount } from './registration';

const password = 'a long enough password';
const person = (tag: string) => ({ name: `Person ${tag}`, handle: `first_${tag}`, email: `first.${tag}@example.org`, password });

async function emptyInstance() {
  await db.execute(sql`delete from instance_audit_log`);
  await db.delete(users);
}

describe('the first account', () => {
  it('is the admin, and is not held for approval even while registration needs approval', async () => {
    await emptyInstance();
    await db.insert(siteSettings).values({ id: 'site', name: 'Test', registrationMode: 'approval', approvalQuestion: 'Why?' }).onConflictDoUpdate({ target: siteSettings.id, set: { registrationMode: 'approval' } });
    const first = await createAccount(db, person('a'), { inTransaction: async (tx, userId, isFirst) => void (await admitNewAccount(tx, { userId, first: isFirst })) });
    const second = await createAccount(db, person('b'), { inTransaction: async (tx, userId, isFirst) => void (await admitNewAccount(tx, { userId, first: isFirst })) });
    if (!first.ok || !second.ok) throw new Error('accounts not created');
    const roles = await db.select({ id: users.id, role: users.instanceRole }).from(users);
    expect(roles).toEqual(expect.arrayContaining([{ id: first.userId, role: 'admin' }, { id: second.userId, role: null }]));
    expect((await db.select().from(registrationApprovals)).map((r) => r.userId)).toEqual([second.userId]);
    const [log] = await db.select().from(instanceAuditLog).where(eq(instanceAuditLog.action, 'first_admin'));
    expect(log).toMatchObject({ actorId: null, targetUserId: first.userId });
    await db.delete(siteSettings);
  });

  it('is one account when several sign up at the same moment (raced, five rounds)', async () => {
    for (let round = 0; round < 5; round++) {
      await emptyInstance();
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((tag) => createAccount(db, person(`${tag}${round}`))));
      expect(results.every((r) => r.ok)).toBe(true);
      const [admins] = await db.select({ n: count() }).from(users).where(isNotNull(users.instanceRole));
      expect(admins.n, `round ${round}`).toBe(1);
      const [people] = await db.select({ n: count() }).from(users);
      expect(people.n).toBe(4);
    }
  });
});
