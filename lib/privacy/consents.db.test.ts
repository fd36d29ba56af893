// Consents: off until the person says yes; one click each, taking effect at once; every answer logged (what, when,
// old → new, where) — the first one too, and a "no" or a skipped question as much as a "yes".
import { eq, sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { activitySignals, consentLog, consents, interestScores, posts, postTags, profiles, users } from '@/db/schema';
import { insertPerson } from '@/lib/auth/users';
import { celebrationsAllowed } from '@/lib/milestones/visibility';
import { completeOnboardingAction, skipOnboardingAction } from '@/lib/recommend/actions';
import { recordSignals } from '@/lib/recommend/signals';
import { personalizationOf } from '@/lib/recommend/profile';
import type { Viewer } from '@/lib/auth/viewer';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { forgetCollectedAction, setConsentAction } from './actions';
import { consentInfo } from './consent';
import { consentLogOf, consentsOf, setConsent } from './consents';
import { exportArchive } from './export';
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

  it('every default is off: nothing is on until the person says yes', () => {
    for (const [kind, info] of Object.entries(consentInfo)) expect(info.default, kind).toBe(false);
  });

  it('a new account has every consent off, is neither suggested nor celebrated, and nothing is profiled until it says yes', async () => {
    const { user } = await db.transaction((tx) => insertPerson(tx, { name: 'Newcomer', email: `newcomer_${Date.now()}@example.org`, handle: `newcomer_${Date.now().toString(36)}` }));
    const newcomer: Viewer = { id: user.id, handle: user.handle, name: user.name ?? 'Newcomer', image: null };
    expect(Object.values(await consentsOf(db, newcomer.id)).every((on) => !on)).toBe(true);
    const [profile] = await db.select({ suggestMe: profiles.suggestMe }).from(profiles).where(eq(profiles.userId, newcomer.id));
    expect(profile.suggestMe).toBe(false);
    const [{ allowed }] = rowsOf<{ allowed: boolean }>(await db.execute(sql`select ${celebrationsAllowed(newcomer.id)} as allowed`));
    expect(allowed).toBe(false);
    const allowedNow = await personalizationOf(db, newcomer.id);
    expect([allowedNow.recordActivity, allowedNow.useInferred]).toEqual([false, false]);

    // Reading a post records nothing and teaches the profile nothing.
    const [p] = await db.insert(posts).values({ authorId: other.id, body: 'Raku firing', bodyHtml: '' }).returning();
    await db.insert(postTags).values({ postId: p.id, tag: 'raku' });
    expect(await recordSignals(newcomer.id, { events: [{ postId: p.id, kind: 'open' }] })).toEqual({ recorded: 0, reason: 'no-consent' });
    expect(await db.select().from(activitySignals).where(eq(activitySignals.userId, newcomer.id))).toEqual([]);
    expect(await db.select().from(interestScores).where(eq(interestScores.userId, newcomer.id))).toEqual([]);

    // Yes at onboarding: now the same read is recorded and learned from.
    actAs(newcomer);
    expect((await call(completeOnboardingAction, { tags: ['raku', 'glaze', 'kiln'], personalize: 'yes', inferred: 'yes' })).error).toBeUndefined();
    expect(await recordSignals(newcomer.id, { events: [{ postId: p.id, kind: 'open' }] })).toEqual({ recorded: 1 });
    expect((await db.select({ tag: interestScores.tag }).from(interestScores).where(eq(interestScores.userId, newcomer.id))).map((r) => r.tag)).toEqual(['raku']);
  });

  it('logs every onboarding answer, the first yes and every no, where it was given', async () => {
    const joiner = await person('Joiner');
    actAs(joiner);
    expect((await call(completeOnboardingAction, { tags: ['raku', 'glaze', 'kiln'], personalize: 'yes', celebrations: 'yes' })).error).toBeUndefined();
    expect(await consentsOf(db, joiner.id)).toEqual({ personalize_activity: true, inferred_interests: false, suggest_me: false, public_celebrations: true, email_notifications: false });
    const log = await consentLogOf(db, joiner.id);
    expect(log.map((l) => [l.kind, l.oldValue, l.newValue, l.via]).sort()).toEqual([
      ['inferred_interests', false, false, 'onboarding'],
      ['personalize_activity', false, true, 'onboarding'],
      ['public_celebrations', false, true, 'onboarding'],
      ['suggest_me', false, false, 'onboarding'],
    ]);
    expect(log.every((l) => l.where === 'answered when you joined')).toBe(true);
    // The dashboard shows the same log.
    expect((await getMyConsents(joiner)).log.map((l) => l.id).sort()).toEqual(log.map((l) => l.id).sort());
  });

  it('“Skip for now” stores every onboarding consent as off and logs the skip, keeping answers already given', async () => {
    const skipper = await person('Skipper');
    actAs(skipper);
    await call(setConsentAction, { kind: 'public_celebrations', value: 'on' });
    // It ends by going to the feed (a redirect is how a Server Action says "done, go there").
    const toFeed = (answer: Promise<unknown>) =>
      answer.then(
        () => expect.fail('expected a redirect to the feed'),
        (error: Error) => void expect(error.message).toContain('NEXT_REDIRECT'),
      );
    await expectAllowed(() => toFeed(call(skipOnboardingAction, {})), { changes: [consents, consentLog] });
    const stored = await db.select({ kind: consents.kind, granted: consents.granted }).from(consents).where(eq(consents.userId, skipper.id));
    expect(stored.map((c) => [c.kind, c.granted]).sort()).toEqual([
      ['inferred_interests', false],
      ['personalize_activity', false],
      ['public_celebrations', true],
      ['suggest_me', false],
    ]);
    const skipped = (await consentLogOf(db, skipper.id)).filter((l) => l.via === 'onboarding_skip');
    expect(skipped.map((l) => [l.kind, l.oldValue, l.newValue]).sort()).toEqual([
      ['inferred_interests', false, false],
      ['personalize_activity', false, false],
      ['suggest_me', false, false],
    ]);
    expect(skipped[0].where).toBe('you skipped the question when you joined');
    expect((await personalizationOf(db, skipper.id)).recordActivity).toBe(false);
    // Skipping again answers nothing new.
    await expect(call(skipOnboardingAction, {})).rejects.toThrow('NEXT_REDIRECT');
    expect(await consentLogOf(db, skipper.id)).toHaveLength(4);
    actAs(null);
    await expectRefused(() => call(skipOnboardingAction, {}), { error: /session has ended/ });
  });

  it('the export holds every answer, the first ones included', async () => {
    const answerer = await person('Answerer');
    actAs(answerer);
    await call(completeOnboardingAction, { tags: ['raku', 'glaze', 'kiln'], personalize: 'no' });
    await call(setConsentAction, { kind: 'personalize_activity', value: 'on' });
    const files = unzipSync(new Uint8Array(await new Response(exportArchive(db, answerer.id, answerer.handle)).arrayBuffer()));
    const exported = JSON.parse(strFromU8(files['data/consent_log.json'])) as { kind: string; oldValue: boolean; newValue: boolean; via: string }[];
    const logged = await db.select().from(consentLog).where(eq(consentLog.userId, answerer.id));
    expect(logged).toHaveLength(5);
    expect(exported.map((l) => [l.kind, l.oldValue, l.newValue, l.via]).sort()).toEqual(logged.map((l) => [l.kind, l.oldValue, l.newValue, l.via]).sort());
    expect(exported).toContainEqual(expect.objectContaining({ kind: 'personalize_activity', oldValue: false, newValue: false, via: 'onboarding' }));
    expect(exported).toContainEqual(expect.objectContaining({ kind: 'personalize_activity', oldValue: false, newValue: true, via: 'privacy' }));
  });

  it('switch in one call and log each change, old → new; a repeat logs nothing', async () => {
    // Maya said yes to personalizing when she joined.
    await db.transaction((tx) => setConsent(tx, me.id, 'personalize_activity', true, 'onboarding'));
    actAs(me);
    expect((await expectAllowed(() => call(setConsentAction, { kind: 'personalize_activity', value: 'off' }), { changes: [consents] })).success).toBe('“Use my activity to personalize” is off, from now on.');
    expect((await call(setConsentAction, { kind: 'personalize_activity', value: 'off' })).success).toMatch(/was already off/);
    expect((await expectAllowed(() => call(setConsentAction, { kind: 'email_notifications', value: 'on' }), { changes: [consents] })).success).toBe('“Email notifications” is on.');
    await expectAllowed(() => call(setConsentAction, { kind: 'personalize_activity', value: 'on' }), { changes: [consents] });
    const state = await consentsOf(db, me.id);
    expect(state.personalize_activity).toBe(true);
    expect(state.email_notifications).toBe(true);
    const log = await consentLogOf(db, me.id);
    // (Newest first; changes in the same millisecond may come in either order, so compare as a set.)
    expect(log).toHaveLength(4);
    expect(log.map((l) => [l.kind, l.oldValue, l.newValue, l.via]).sort()).toEqual([
      ['email_notifications', false, true, 'privacy'],
      ['personalize_activity', false, true, 'onboarding'],
      ['personalize_activity', false, true, 'privacy'],
      ['personalize_activity', true, false, 'privacy'],
    ]);
    expect(log.every((l) => l.label === consentInfo[l.kind as keyof typeof consentInfo].label)).toBe(true);
    // Only the caller's consents change.
    expect(await consentLogOf(db, other.id)).toEqual([]);
  });

  it('“suggest me to others” is the profile’s own switch, kept in sync', async () => {
    actAs(me);
    await call(setConsentAction, { kind: 'suggest_me', value: 'on' });
    const [profile] = await db.select({ suggestMe: profiles.suggestMe }).from(profiles).where(eq(profiles.userId, me.id));
    expect(profile.suggestMe).toBe(true);
    await call(setConsentAction, { kind: 'suggest_me', value: 'off' });
    const [after] = await db.select({ suggestMe: profiles.suggestMe }).from(profiles).where(eq(profiles.userId, me.id));
    expect(after.suggestMe).toBe(false);
    await db.update(profiles).set({ suggestMe: true }).where(eq(profiles.userId, me.id));
    expect((await consentsOf(db, me.id)).suggest_me).toBe(true);
  });

  it('refuses unknown consents and signed-out callers', async () => {
    actAs(me);
    expect((await call(setConsentAction, { kind: 'sell_my_data', value: 'on' })).fieldErrors?.kind).toBe('That is not one of Hearth’s consents.');
    actAs(null);
    await expectRefused(() => call(setConsentAction, { kind: 'suggest_me', value: 'on' }), { error: /session has ended/ });
  });

  it('withdrawing personalization stops it at once and offers to delete what was collected, which one confirmed call does', async () => {
    const reader = await person('Reader');
    await db.transaction((tx) => setConsent(tx, reader.id, 'personalize_activity', true, 'onboarding'));
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
    await expectRefused(() => call(forgetCollectedAction, { scope: 'activity' }), { error: 'Please fix the highlighted fields.', caller: reader, others: [other.id] });
    await expectRefused(() => call(forgetCollectedAction, { scope: 'everything', confirm: 'yes' }), { error: 'Please fix the highlighted fields.', caller: reader, others: [other.id] });
    actAs(null);
    await expectRefused(() => call(forgetCollectedAction, { scope: 'activity', confirm: 'yes' }), { error: /session has ended/ });
    expect(await db.select().from(activitySignals).where(eq(activitySignals.userId, reader.id))).toHaveLength(2);

    actAs(reader);
    const forgot = await expectAllowed(() => call(forgetCollectedAction, { scope: 'activity', confirm: 'yes' }), {
      changes: [activitySignals, interestScores],
      effect: async () => expect(await db.select().from(activitySignals).where(eq(activitySignals.userId, reader.id))).toEqual([]),
    });
    expect(forgot.success).toBe('Deleted 2 views and opens and the inferred scores of 2 topics.');
    // The explicit ban stays, without its inferred score; the inferred-only topic is gone.
    const left = await db.select().from(interestScores).where(eq(interestScores.userId, reader.id));
    expect(left.map((r) => [r.tag, r.choice, r.inferred, r.signalCounts])).toEqual([['chess', 'hide', 0, {}]]);
    expect(await db.select().from(activitySignals).where(eq(activitySignals.userId, other.id))).toHaveLength(1);
    expect(await offerOf('personalize_activity')).toBeNull();
  });

  it('withdrawing inferred interests offers to delete only the inferred scores', async () => {
    const reader = await person('Guesser');
    await db.transaction(async (tx) => {
      await setConsent(tx, reader.id, 'personalize_activity', true, 'onboarding');
      await setConsent(tx, reader.id, 'inferred_interests', true, 'onboarding');
    });
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
