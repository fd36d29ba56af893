// A group whose owner erases their account passes on by the written rule — told to the new owner and written in the
// group's audit log, never silently — and the erasure form shows who would take over before anyone confirms.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { groupAuditLog, groupMemberRoles, groupMembers, groupRoles, groups, notifications, users } from '@/db/schema';
import { notificationText } from '@/components/notifications/notification-text';
import type { Viewer } from '@/lib/auth/viewer';
import { listNotifications } from '@/lib/notifications/queries';
import { eraseAccount } from '@/lib/privacy/erase';
import { getGroupSuccession } from '@/lib/privacy/queries';
import { createGroupRecords } from './setup';

let n = 0;
async function person(name: string): Promise<Viewer> {
  const handle = `${name.toLowerCase()}_${++n}${Math.random().toString(36).slice(2, 6)}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  return { id: u.id, handle: u.handle, name, image: null };
}

const day = (d: number) => new Date(Date.UTC(2025, 0, d));

type Member = { who: Viewer; joined: number; role?: { name: 'admin' | 'moderator' | 'guest'; granted: number } };

/** A group of the owner's with these members, joined and given roles on these days; a custom role sits at 99, above Moderator. */
async function groupOf(owner: Viewer, name: string, members: Member[]) {
  return db.transaction(async (tx) => {
    const { group, roles } = await createGroupRecords(tx, { name, slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}`, description: '', topic: 'pottery' }, owner.id, day(1));
    const [guest] = await tx.insert(groupRoles).values({ groupId: group.id, name: 'Read-only guest', position: 99, permissions: ['react'] }).returning();
    const roleId = { admin: roles.find((r) => r.builtin === 'admin')!.id, moderator: roles.find((r) => r.builtin === 'moderator')!.id, guest: guest.id };
    for (const m of members) {
      await tx.insert(groupMembers).values({ groupId: group.id, userId: m.who.id, joinedAt: day(m.joined) });
      if (m.role) await tx.insert(groupMemberRoles).values({ groupId: group.id, userId: m.who.id, roleId: roleId[m.role.name], grantedAt: day(m.role.granted) });
    }
    return group;
  });
}

async function ownersOf(groupId: string) {
  const rows = await db
    .select({ userId: groupMemberRoles.userId })
    .from(groupMemberRoles)
    .innerJoin(groupRoles, eq(groupRoles.id, groupMemberRoles.roleId))
    .where(and(eq(groupMemberRoles.groupId, groupId), eq(groupRoles.builtin, 'owner')));
  return rows.map((r) => r.userId);
}

let owner: Viewer, early: Viewer, guest: Viewer, moderator: Viewer, oldAdmin: Viewer, newAdmin: Viewer, first: Viewer, second: Viewer;
let withAdmins: typeof groups.$inferSelect, withModerator: typeof groups.$inferSelect, plain: typeof groups.$inferSelect, alone: typeof groups.$inferSelect;

beforeAll(async () => {
  [owner, early, guest, moderator, oldAdmin, newAdmin, first, second] = await Promise.all(
    ['Owner', 'Early', 'Guest', 'Moderator', 'Oldadmin', 'Newadmin', 'First', 'Second'].map(person),
  );
  // newAdmin joined before oldAdmin but became an admin later: the admin who has been one longest wins.
  withAdmins = await groupOf(owner, 'Glaze Lab', [
    { who: early, joined: 2 },
    { who: newAdmin, joined: 3, role: { name: 'admin', granted: 20 } },
    { who: moderator, joined: 4, role: { name: 'moderator', granted: 5 } },
    { who: oldAdmin, joined: 6, role: { name: 'admin', granted: 10 } },
  ]);
  // No admin: the moderator, though a custom role ranks above Moderator and Early joined first.
  withModerator = await groupOf(owner, 'Wheel Club', [
    { who: early, joined: 2 },
    { who: guest, joined: 3, role: { name: 'guest', granted: 3 } },
    { who: moderator, joined: 9, role: { name: 'moderator', granted: 12 } },
  ]);
  // Members only: whoever joined first (a custom role counts for nothing here).
  plain = await groupOf(owner, 'Kiln Friends', [
    { who: second, joined: 8, role: { name: 'guest', granted: 8 } },
    { who: first, joined: 7 },
  ]);
  alone = await groupOf(owner, 'Solo Studio', []);
});

describe('ownership when the owner erases their account', () => {
  it('shows the rule, and who would take over each group, before the owner confirms', async () => {
    const succession = await getGroupSuccession(owner);
    expect(succession.rule).toMatch(/admin who has been an admin the longest.*moderator.*member who joined first/);
    expect(succession.alone).toMatch(/no owner/);
    const byName = Object.fromEntries(succession.groups.map((g) => [g.name, g.heir?.handle ?? null]));
    expect(byName).toEqual({ 'Glaze Lab': oldAdmin.handle, 'Wheel Club': moderator.handle, 'Kiln Friends': first.handle, 'Solo Studio': null });
    expect(succession.groups.find((g) => g.name === 'Glaze Lab')?.heir?.why).toBe('its longest-serving admin');
  });

  it('passes each group by the rule, tells the new owner, and writes why in the audit log', async () => {
    expect(await eraseAccount(db, owner.id, { keepContent: false })).toBe(true);
    const expected = [
      [withAdmins, oldAdmin, 'its longest-serving admin'],
      [withModerator, moderator, 'its longest-serving moderator'],
      [plain, first, 'its longest-standing member'],
    ] as const;
    for (const [group, heir, why] of expected) {
      expect(await ownersOf(group.id), group.name).toEqual([heir.id]);
      const log = await db.select().from(groupAuditLog).where(and(eq(groupAuditLog.groupId, group.id), eq(groupAuditLog.action, 'group.transfer')));
      expect(log, group.name).toEqual([
        expect.objectContaining({ actorId: null, targetUserId: heir.id, details: { reason: 'The owner left Hearth (account erased)', rule: `Ownership passed to ${why}` } }),
      ]);
      const told = await db.select().from(notifications).where(and(eq(notifications.userId, heir.id), eq(notifications.groupId, group.id)));
      expect(told, group.name).toEqual([
        expect.objectContaining({ kind: 'ownership', actorId: null, link: `/g/${group.slug}/settings`, data: { group: group.name, heir: why } }),
      ]);
    }
    // Nobody else was told or made owner.
    const ownership = await db.select().from(notifications).where(eq(notifications.kind, 'ownership'));
    expect(ownership.map((o) => o.userId).sort()).toEqual([oldAdmin.id, moderator.id, first.id].sort());
  });

  it('says so in words the new owner reads, without the former owner’s name', async () => {
    const { items } = await listNotifications(oldAdmin, { kind: 'ownership' });
    expect(items).toHaveLength(1);
    expect(items[0].actors).toEqual([]);
    const text = notificationText(items[0]);
    expect(text).toBe('You are now the owner of Glaze Lab: its owner left Hearth, and ownership passed to you as its longest-serving admin.');
    expect(text).not.toContain(owner.handle);
  });

  it('leaves a group nobody else was in without an owner or members, as before', async () => {
    expect(await db.select().from(groups).where(eq(groups.id, alone.id))).toHaveLength(1);
    expect(await ownersOf(alone.id)).toEqual([]);
    expect(await db.select().from(groupMembers).where(eq(groupMembers.groupId, alone.id))).toEqual([]);
    expect(await db.select().from(groupAuditLog).where(and(eq(groupAuditLog.groupId, alone.id), eq(groupAuditLog.action, 'group.transfer')))).toEqual([]);
  });
});
