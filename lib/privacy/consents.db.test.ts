// Consents: one click each, taking effect at once, every change logged (what, when, old → new).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { activitySignals, consentLog, interestScores, posts, postTags, profiles, users } from '@/db/schema';
import { personalizationOf } from '@/lib/recommend/profile';
import type { Viewer } from '@/lib/auth/viewer';
import { actAs, call } from '@/test/actions';
import { forgetCollectedAction, setConsentAction } from './actions';
import { consentInfo } from './consent';
import { consentLogOf, consentsOf } from './consents';
import { getMyConsents } from './queries';
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

  it('withdrawing personalization stops it at once and offers to delete what was collected, which one confirmed call does', async () => {
    const reader = await person('Reader');
    const [p] = await db.insert(posts).values({ authorId: other.id, body: 'Glaze notes', bodyHtml: '' }).returning();
    await db.insert(postTags).values({ postId: p.id, tag: 'glaze' });
    await db.insert(activitySignals).values([
      { userId: reader.id, postId: p.id, kind: 'view' },
      { userId: reader.id, postId: p.id, kind: 'open' },
    ]);
    await db.insert(interestScores).values([
      { userId: reader.id, tag: 'glaze', inferred: 2, signalCounts: { view: 1, open: 1 } },
      { userId: reader.id, tag: 'chess', choice: 'hide', inferred: 1, signalCounts: { view: 2 } },
    ]);
    // Someone else's collected data, which nothing here may touch.
    await db.insert(activitySignals).values({ userId: other.id, postId: p.id, kind: 'view' });
    const offerOf = async (kind: string) => (await getMyConsents(reader)).consents.find((c) => c.kind === kind)!.offer;
    expect(await offerOf('personalize_activity')).toBeNull();

    actAs(reader);
    await call(setConsentAction, { kind: 'personalize_activity', value: 'off' });
    expect((await personalizationOf(db, reader.id)).recordActivity).toBe(false);
    expect(await offerOf('personalize_activity')).toEqual({ scope: 'activity', signals: 2, topics: 2 });

    expect((await call(forgetCollectedAction, { scope: 'activity' })).fieldErrors?.confirm).toMatch(/Tick the box/);
    actAs(null);
    expect((await call(forgetCollectedAction, { scope: 'activity', confirm: 'yes' })).error).toMatch(/session has ended/);
    expect(await db.select().from(activitySignals).where(eq(activitySignals.userId, reader.id))).toHaveLength(2);

    actAs(reader);
    expect((await call(forgetCollectedAction, { scope: 'activity', confirm: 'yes' })).success).toBe('Deleted 2 views and opens and the inferred scores of 2 topics.');
    expect(await db.select().from(activitySignals).where(eq(activitySignals.userId, reader.id))).toEqual([]);
    // The explicit ban stays, without its inferred score; the inferred-only topic is gone.
    const left = await db.select().from(interestScores).where(eq(interestScores.userId, reader.id));
    expect(left.map((r) => [r.tag, r.choice, r.inferred, r.signalCounts])).toEqual([['chess', 'hide', 0, {}]]);
    expect(await db.select().from(activitySignals).where(eq(activitySignals.userId, other.id))).toHaveLength(1);
    expect(await offerOf('personalize_activity')).toBeNull();
  });

  it('withdrawing inferred interests offers to delete only the inferred scores', async () => {
    const reader = await person('Guesser');
    const [p] = await db.insert(posts).values({ authorId: other.id, body: 'Kiln log', bodyHtml: '' }).returning();
    await db.insert(activitySignals).values({ userId: reader.id, postId: p.id, kind: 'view' });
    await db.insert(interestScores).values({ userId: reader.id, tag: 'kiln', inferred: 0.5, signalCounts: { view: 1 } });
    actAs(reader);
    await call(setConsentAction, { kind: 'inferred_interests', value: 'off' });
    expect((await personalizationOf(db, reader.id)).useInferred).toBe(false);
    expect((await getMyConsents(reader)).consents.find((c) => c.kind === 'inferred_interests')!.offer).toMatchObject({ scope: 'inferred', topics: 1 });
    expect((await call(forgetCollectedAction, { scope: 'inferred', confirm: 'yes' })).success).toBe('Deleted the inferred scores of 1 topic.');
    expect(await db.select().from(interestScores).where(eq(interestScores.userId, reader.id))).toEqual([]);
    expect(await db.select().from(activitySignals).where(eq(activitySignals.userId, reader.id))).toHaveLength(1);
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
