// Consents: one click each, taking effect at once, every change logged (what, when, old → new).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { consentLog, profiles, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { actAs, call } from '@/test/actions';
import { setConsentAction } from './actions';
import { consentInfo } from './consent';
import { consentLogOf, consentsOf } from './consents';
import { registry } from './registry';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));
vi.mock('@/lib/auth/config', () => ({ signOut: async () => {} }));

let me: Viewer, other: Viewer;
async function person(name: string): Promise<Viewer> {
  const handle = `${name.toLowerCase()}_${Math.random().toString(36).slice(2, 8)}`;
  const [u] = await db.insert(users).values({ name, email: `${handle}@example.org`, handle }).returning();
  await db.insert(profiles).values({ userId: u.id });
  return { id: u.id, handle, name, image: null };
}

beforeAll(async () => {
  [me, other] = [await person('Maya'), await person('Sam')];
});

describe('consents', () => {
  it('start at their defaults, with nothing logged', async () => {
    const state = await consentsOf(db, me.id);
    for (const [kind, info] of Object.entries(consentInfo)) expect(state[kind as keyof typeof state], kind).toBe(info.default);
    expect(await consentLogOf(db, me.id)).toEqual([]);
  });

  it('switch in one call and log each change, old → new; a repeat logs nothing', async () => {
    actAs(me);
    expect((await call(setConsentAction, { kind: 'personalize_activity', value: 'off' })).success).toBe('“Use my activity to personalize” is off, from now on.');
    expect((await call(setConsentAction, { kind: 'personalize_activity', value: 'off' })).success).toMatch(/was already off/);
    expect((await call(setConsentAction, { kind: 'email_notifications', value: 'on' })).success).toBe('“Email notifications” is on.');
    expect((await call(setConsentAction, { kind: 'personalize_activity', value: 'on' })).error).toBeUndefined();
    const state = await consentsOf(db, me.id);
    expect(state.personalize_activity).toBe(true);
    expect(state.email_notifications).toBe(true);
    const log = await consentLogOf(db, me.id);
    // (Newest first; changes in the same millisecond may come in either order, so compare as a set.)
    expect(log).toHaveLength(3);
    expect(log.map((l) => [l.kind, l.oldValue, l.newValue])).toEqual(
      expect.arrayContaining([
        ['personalize_activity', false, true],
        ['email_notifications', false, true],
        ['personalize_activity', true, false],
      ]),
    );
    expect(log.every((l) => l.label === consentInfo[l.kind as keyof typeof consentInfo].label)).toBe(true);
    // Only the caller's consents change.
    expect(await consentLogOf(db, other.id)).toEqual([]);
  });

  it('“suggest me to others” is the profile’s own switch, kept in sync', async () => {
    actAs(me);
    await call(setConsentAction, { kind: 'suggest_me', value: 'off' });
    const [profile] = await db.select({ suggestMe: profiles.suggestMe }).from(profiles).where(eq(profiles.userId, me.id));
    expect(profile.suggestMe).toBe(false);
    await db.update(profiles).set({ suggestMe: true }).where(eq(profiles.userId, me.id));
    expect((await consentsOf(db, me.id)).suggest_me).toBe(true);
  });

  it('refuses unknown consents and signed-out callers', async () => {
    actAs(me);
    expect((await call(setConsentAction, { kind: 'sell_my_data', value: 'on' })).fieldErrors?.kind).toBe('That is not one of Hearth’s consents.');
    actAs(null);
    expect((await call(setConsentAction, { kind: 'suggest_me', value: 'on' })).error).toMatch(/session has ended/);
  });

  it('are registered, exported and erased with the account', async () => {
    const entries = registry.filter((e) => e.table === 'consents' || e.table === 'consent_log');
    expect(entries).toHaveLength(2);
    expect((await entries[1].export(db, me.id)).length).toBeGreaterThan(0);
    await db.transaction(async (tx) => {
      for (const e of entries) await e.erase(tx, me.id, { keepContent: false });
    });
    expect(await db.select().from(consentLog).where(eq(consentLog.userId, me.id))).toEqual([]);
  });
});
