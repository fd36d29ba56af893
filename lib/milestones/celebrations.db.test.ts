// Celebrations end to end against the database: group-defined milestones, thank-you templates and notes,
// congratulations, and who sees a celebration card (opt-out, per-milestone visibility, closeness).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { congratulations, follows, groupMembers, groupMilestones, milestones, notifications, thankYouNotes, thankYouTemplates, users } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { createGroupRecords } from '@/lib/groups/setup';
import { runDailyJobs } from '@/lib/jobs';
import * as postActions from '@/lib/posts/actions';
import { setConsent } from '@/lib/privacy/consents';
import { actAs, call } from '@/test/actions';
import { expectAllowed, expectRefused } from '@/test/proofs';
import { congratulateAction, sendThankYouNoteAction, setMilestoneVisibilityAction } from './actions';
import { getCelebrationsFor, getGroupCelebrations } from './celebrations';
import { createGroupMilestoneAction, deleteGroupMilestoneAction, deleteThankYouTemplateAction, saveThankYouTemplateAction } from './group-actions';
import { listMemories } from './queries';
import { sayYes } from '@/test/consents';
import { GET } from '@/app/api/celebrations/route';

vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
vi.mock('next/cache', () => import('@/test/actions'));

let n = 0;
async function person(label: string, createdAt?: Date): Promise<Viewer> {
  const handle = `${label}_${++n}_${Math.random().toString(36).slice(2, 6)}`;
  const [u] = await db.insert(users).values({ name: label, email: `${handle}@example.org`, handle, ...(createdAt ? { createdAt } : {}) }).returning();
  // They said yes to everything asked at onboarding (consents are off until a person does).
  await sayYes(u.id);
  return { id: u.id, handle: u.handle, name: label, image: null };
}

async function groupOf(owner: Viewer, members: Viewer[], options: { visibility?: 'public' | 'invite'; createdAt?: Date; joinedAt?: Date } = {}) {
  const slug = `cel-${++n}-${Math.random().toString(36).slice(2, 6)}`;
  return db.transaction(async (tx) => {
    const { group } = await createGroupRecords(tx, { name: `Group ${n}`, slug, description: '', topic: 'testing', visibility: options.visibility, createdAt: options.createdAt }, owner.id);
    if (members.length) await tx.insert(groupMembers).values(members.map((m) => ({ groupId: group.id, userId: m.id, ...(options.joinedAt ? { joinedAt: options.joinedAt } : {}) })));
    const channels = await tx.query.channels.findMany({ where: (c, { eq }) => eq(c.groupId, group.id) });
    return { group, general: channels.find((c) => c.name === 'general')! };
  });
}

const notesOf = (userId: string, kind: 'thank_you' | 'celebration' | 'milestone') => db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

describe('group-defined milestones and thank-you templates', () => {
  it('awards "N posts in the group" once, in its own words, and sends the owner’s thanks personally', async () => {
    const owner = await person('owner');
    const ana = await person('ana');
    const { group, general } = await groupOf(owner, [ana]);
    actAs(owner);
    expect((await call(createGroupMilestoneAction, { groupId: group.id, kind: 'group_posts', threshold: '2', title: '{count} posts in {group}', message: 'Two already, {name}!' })).success).toMatch(/Added/);
    const [def] = await db.select().from(groupMilestones).where(eq(groupMilestones.groupId, group.id));
    expect((await call(saveThankYouTemplateAction, { groupId: group.id, milestoneKind: `group:${def.id}`, body: 'Thanks {name} for your {nth} post in {group}!' })).success).toMatch(/saved/);
    expect((await call(saveThankYouTemplateAction, { groupId: group.id, milestoneKind: 'first_post', body: 'Welcome to the conversation, {name}.' })).success).toMatch(/saved/);

    actAs(ana);
    for (const body of ['One', 'Two', 'Three']) expect((await call(postActions.createPostAction, { groupId: group.id, channelId: general.id, body, tags: '' })).error).toBeUndefined();

    const earned = await db.select().from(milestones).where(and(eq(milestones.userId, ana.id), eq(milestones.rule, `group:${def.id}`)));
    expect(earned).toHaveLength(1);
    expect(earned[0]).toMatchObject({ title: `2 posts in ${group.name}`, message: 'Two already, ana!', groupId: group.id });
    const thanks = await notesOf(ana.id, 'thank_you');
    expect(thanks.map((t) => t.data.message).sort()).toEqual(['Thanks ana for your 2nd post in ' + group.name + '!', 'Welcome to the conversation, ana.'].sort());
    expect(thanks.every((t) => t.actorId === owner.id)).toBe(true);
  });

  it('awards months of membership and the founding day in the daily job, once even when it runs twice', async () => {
    const now = new Date('2026-11-29T08:00:00Z');
    const owner = await person('owner');
    const old = await person('old');
    const fresh = await person('fresh');
    const { group } = await groupOf(owner, [old], { createdAt: new Date('2023-11-29T12:00:00Z'), joinedAt: new Date('2026-04-01T00:00:00Z') });
    await db.insert(groupMembers).values({ groupId: group.id, userId: fresh.id, joinedAt: new Date('2026-11-01T00:00:00Z') });
    actAs(owner);
    await call(createGroupMilestoneAction, { groupId: group.id, kind: 'membership_months', threshold: '6', title: 'Half a year with us', message: '' });
    await call(createGroupMilestoneAction, { groupId: group.id, kind: 'founding_day', threshold: '', title: 'Happy birthday, {group}!', message: '{count} years today.' });
    const defs = await db.select().from(groupMilestones).where(eq(groupMilestones.groupId, group.id));
    const months = defs.find((d) => d.kind === 'membership_months')!;
    const founding = defs.find((d) => d.kind === 'founding_day')!;
    await call(saveThankYouTemplateAction, { groupId: group.id, milestoneKind: `group:${months.id}`, body: 'Six months, {name} — thank you.' });

    await runDailyJobs(db, now);
    await runDailyJobs(db, now);
    const earned = await db.select().from(milestones).where(eq(milestones.groupId, group.id));
    const byRule = (rule: string) => earned.filter((m) => m.rule === rule).map((m) => m.userId).sort();
    // The owner has been a member since the founding (2023); the newcomer joined this month.
    expect(byRule(`group:${months.id}`)).toEqual([owner.id, old.id].sort());
    expect(byRule(`group:${founding.id}`)).toEqual([owner.id, old.id, fresh.id].sort());
    expect(earned.find((m) => m.rule === `group:${founding.id}`)?.message).toBe('3 years today.');
    expect((await notesOf(old.id, 'thank_you')).map((t) => t.data.message)).toEqual(['Six months, old — thank you.']);
    // The template is the owner's own: nobody thanks themself.
    expect(await notesOf(owner.id, 'thank_you')).toHaveLength(0);
  });

  it('validates templates and wording: lengths and unknown placeholders', async () => {
    const owner = await person('owner');
    const { group } = await groupOf(owner, []);
    actAs(owner);
    expect((await call(saveThankYouTemplateAction, { groupId: group.id, milestoneKind: 'first_post', body: 'Thanks {nmae}!' })).fieldErrors?.body).toMatch(/\{nmae\}/);
    expect((await call(saveThankYouTemplateAction, { groupId: group.id, milestoneKind: 'first_post', body: 'x'.repeat(281) })).fieldErrors?.body).toMatch(/280/);
    await expectRefused(() => call(saveThankYouTemplateAction, { groupId: group.id, milestoneKind: 'group:not-ours', body: 'Thanks' }), { error: /Choose a milestone/ });
    expect((await call(createGroupMilestoneAction, { groupId: group.id, kind: 'group_posts', threshold: '0', title: 'Zero', message: '' })).fieldErrors?.threshold).toMatch(/at least 1/);
    expect((await call(createGroupMilestoneAction, { groupId: group.id, kind: 'group_posts', threshold: '5', title: 'y'.repeat(81), message: '' })).fieldErrors?.title).toMatch(/80/);
    expect(await db.select().from(thankYouTemplates).where(eq(thankYouTemplates.groupId, group.id))).toHaveLength(0);
  });

  it('lets only the owner and manage-celebrations roles remove milestones and templates; earned ones stay', async () => {
    const owner = await person('owner');
    const ana = await person('ana');
    const { group, general } = await groupOf(owner, [ana]);
    actAs(owner);
    await call(createGroupMilestoneAction, { groupId: group.id, kind: 'group_posts', threshold: '1', title: 'First words here', message: '' });
    await call(saveThankYouTemplateAction, { groupId: group.id, milestoneKind: 'first_post', body: 'Thanks!' });
    const [def] = await db.select().from(groupMilestones).where(eq(groupMilestones.groupId, group.id));
    const [template] = await db.select().from(thankYouTemplates).where(eq(thankYouTemplates.groupId, group.id));
    actAs(ana);
    await call(postActions.createPostAction, { groupId: group.id, channelId: general.id, body: 'Hello', tags: '' });
    await expectRefused(() => call(deleteGroupMilestoneAction, { groupMilestoneId: def.id }), { error: /Manage celebrations/ });
    await expectRefused(() => call(deleteThankYouTemplateAction, { templateId: template.id }), { error: /Manage celebrations/ });
    actAs(null);
    await expectRefused(() => call(deleteGroupMilestoneAction, { groupMilestoneId: def.id }), { error: /sign in/ });
    actAs(owner);
    expect((await call(deleteGroupMilestoneAction, { groupMilestoneId: def.id })).success).toMatch(/keep it/);
    expect((await call(deleteThankYouTemplateAction, { templateId: template.id })).success).toMatch(/removed/);
    expect(await db.select().from(milestones).where(and(eq(milestones.userId, ana.id), eq(milestones.rule, `group:${def.id}`)))).toHaveLength(1);
  });
});

describe('celebration cards', () => {
  it('shows a milestone to followers and co-members, lets them congratulate once (a toggle), and tells the person', async () => {
    const ana = await person('ana');
    const follower = await person('follower');
    const coMember = await person('comember');
    const stranger = await person('stranger');
    const { group, general } = await groupOf(coMember, [ana]);
    await db.insert(follows).values({ followerId: follower.id, followeeId: ana.id });
    actAs(ana);
    await call(postActions.createPostAction, { groupId: group.id, channelId: general.id, body: 'My first post', tags: '' });
    const [first] = await db.select().from(milestones).where(and(eq(milestones.userId, ana.id), eq(milestones.rule, 'first_post')));

    const mine = await getCelebrationsFor(ana);
    expect(mine.find((c) => c.id === first.id)).toMatchObject({ isMine: true, fresh: true, title: 'First post' });
    for (const viewer of [follower, coMember]) expect((await getCelebrationsFor(viewer)).map((c) => c.id)).toContain(first.id);
    expect((await getCelebrationsFor(stranger)).map((c) => c.id)).not.toContain(first.id);
    expect((await getGroupCelebrations(coMember, group.id)).map((c) => c.group?.accent)).toEqual([group.accentColor]);

    actAs(follower);
    expect((await expectAllowed(() => call(congratulateAction, { milestoneId: first.id }), { changes: [congratulations] })).success).toMatch(/congratulated ana/);
    actAs(coMember);
    expect((await expectAllowed(() => call(congratulateAction, { milestoneId: first.id }), { changes: [congratulations] })).success).toMatch(/congratulated/);
    expect((await getCelebrationsFor(coMember)).find((c) => c.id === first.id)).toMatchObject({ congratulations: 2, congratulated: true });
    expect((await expectAllowed(() => call(congratulateAction, { milestoneId: first.id }), { changes: [congratulations] })).success).toMatch(/taken back/);
    expect(await db.select().from(congratulations).where(eq(congratulations.milestoneId, first.id))).toHaveLength(1);
    expect(await notesOf(ana.id, 'celebration')).toHaveLength(2);

    actAs(stranger);
    await expectRefused(() => call(congratulateAction, { milestoneId: first.id }), { error: /not shared with you/ });
    actAs(ana);
    await expectRefused(() => call(congratulateAction, { milestoneId: first.id }), { error: /yours/ });
    actAs(null);
    await expectRefused(() => call(congratulateAction, { milestoneId: first.id }), { error: /sign in/ });
  });

  it('hides cards from others when the person opts out of public celebrations; they still see their own', async () => {
    const ana = await person('ana');
    const follower = await person('follower');
    await db.insert(follows).values({ followerId: follower.id, followeeId: ana.id });
    const [m] = await db.insert(milestones).values({ userId: ana.id, rule: 'first_comment' }).returning();
    expect((await getCelebrationsFor(follower)).map((c) => c.id)).toContain(m.id);

    await db.transaction((tx) => setConsent(tx, ana.id, 'public_celebrations', false, 'privacy'));
    expect((await getCelebrationsFor(follower)).map((c) => c.id)).not.toContain(m.id);
    expect((await getCelebrationsFor(ana)).map((c) => c.id)).toContain(m.id);
    actAs(follower);
    await expectRefused(() => call(congratulateAction, { milestoneId: m.id }), { error: /not shared/ });
  });

  it('keeps a milestone to oneself with "only me": no card, not in Memories for others', async () => {
    const ana = await person('ana');
    const follower = await person('follower');
    await db.insert(follows).values({ followerId: follower.id, followeeId: ana.id });
    const [m] = await db.insert(milestones).values({ userId: ana.id, rule: 'first_group_joined' }).returning();
    actAs(follower);
    await expectRefused(() => call(setMilestoneVisibilityAction, { milestoneId: m.id, visibility: 'only_me' }), { error: /not yours/ });
    actAs(ana);
    expect((await expectAllowed(() => call(setMilestoneVisibilityAction, { milestoneId: m.id, visibility: 'only_me' }), { changes: [milestones] })).success).toMatch(/Only you/);
    expect((await getCelebrationsFor(follower)).map((c) => c.id)).not.toContain(m.id);
    expect((await listMemories(follower, ana.id)).map((x) => x.id)).not.toContain(m.id);
    expect((await listMemories(ana, ana.id)).find((x) => x.id === m.id)?.visibility).toBe('only_me');
    actAs(ana);
    await call(setMilestoneVisibilityAction, { milestoneId: m.id, visibility: 'members' });
    expect((await listMemories(follower, ana.id)).map((x) => x.id)).toContain(m.id);
    expect((await listMemories(null, ana.id)).map((x) => x.id)).not.toContain(m.id);
  });

  it('does not tell followers about milestones in private groups', async () => {
    const ana = await person('ana');
    const follower = await person('follower');
    const owner = await person('owner');
    const { group } = await groupOf(owner, [ana], { visibility: 'invite' });
    await db.insert(follows).values({ followerId: follower.id, followeeId: ana.id });
    const [m] = await db.insert(milestones).values({ userId: ana.id, rule: 'first_post', groupId: group.id }).returning();
    expect((await getCelebrationsFor(follower)).map((c) => c.id)).not.toContain(m.id);
    expect((await getCelebrationsFor(owner)).map((c) => c.id)).toContain(m.id);
  });
});

describe('thank-you notes', () => {
  it('sends a note on someone’s milestone: a notification, and kept with it in their Memories', async () => {
    const ana = await person('ana');
    const friend = await person('friend');
    const stranger = await person('stranger');
    await db.insert(follows).values({ followerId: friend.id, followeeId: ana.id });
    const [m] = await db.insert(milestones).values({ userId: ana.id, rule: 'post_10', visibility: 'only_me' }).returning();
    actAs(friend);
    await expectRefused(() => call(sendThankYouNoteAction, { milestoneId: m.id, body: 'Thank you!' }), { error: /not shared/ });
    await db.update(milestones).set({ visibility: 'members' }).where(eq(milestones.id, m.id));
    expect((await call(sendThankYouNoteAction, { milestoneId: m.id, body: '   ' })).fieldErrors?.body).toMatch(/few words/);
    expect((await call(sendThankYouNoteAction, { milestoneId: m.id, body: 'z'.repeat(501) })).fieldErrors?.body).toMatch(/500/);
    expect((await expectAllowed(() => call(sendThankYouNoteAction, { milestoneId: m.id, body: 'Your posts taught me <b>so much</b>.' }), { changes: [thankYouNotes] })).success).toMatch(/on its way/);
    const [told] = await notesOf(ana.id, 'thank_you');
    expect(told).toMatchObject({ actorId: friend.id, data: { milestone: '10 posts', message: 'Your posts taught me <b>so much</b>.' } });
    const memories = await listMemories(stranger, ana.id);
    expect(memories.find((x) => x.id === m.id)?.notes.map((x) => [x.sender.handle, x.body])).toEqual([[friend.handle, 'Your posts taught me <b>so much</b>.']]);
    actAs(ana);
    await expectRefused(() => call(sendThankYouNoteAction, { milestoneId: m.id, body: 'Me!' }), { error: /yourself/ });
    actAs(null);
    await expectRefused(() => call(sendThankYouNoteAction, { milestoneId: m.id, body: 'Hi' }), { error: /sign in/ });
    expect(await db.select().from(thankYouNotes).where(eq(thankYouNotes.milestoneId, m.id))).toHaveLength(1);
  });

  it('GET /api/celebrations answers the cards the signed-in person may see, with the count, and nobody signed out', async () => {
    const owner = await person('owner');
    const ana = await person('ana');
    const stranger = await person('stranger');
    const { group } = await groupOf(owner, [ana]);
    await sayYes(ana.id, ['public_celebrations']);
    const [m] = await db.insert(milestones).values({ userId: ana.id, rule: 'membership_1', scope: group.id, groupId: group.id }).returning();
    await db.insert(congratulations).values({ milestoneId: m.id, userId: owner.id });
    const cards = async (query = '') => (await GET(new Request(`http://hearth.test/api/celebrations${query}`))).json() as Promise<{ error?: string; celebrations?: { id: string; congratulations: number; congratulated: boolean }[] }>;
    actAs(owner);
    await expectAllowed(async () => (await GET(new Request(`http://hearth.test/api/celebrations?group=${group.id}`))).json(), {
      effect: async () => {
        const read = await cards(`?group=${group.id}`);
        expect(read.celebrations?.filter((c) => c.id === m.id).map((c) => [c.congratulations, c.congratulated])).toEqual([[1, true]]);
        expect((await cards('?all=1')).celebrations?.some((c) => c.id === m.id)).toBe(true);
      },
    });
    actAs(stranger);
    expect((await cards(`?group=${group.id}`)).celebrations?.some((c) => c.id === m.id)).toBe(false);
    expect((await cards('?group=bad id!')).error).toMatch(/Ask for/);
    actAs(null);
    await expectRefused(async () => (await GET(new Request('http://hearth.test/api/celebrations'))).json(), { error: /Sign in first/ });
  });
});
