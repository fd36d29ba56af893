'use server';
// Everything a person can tell their feed. Each action checks who is calling and acts only on their own rows;
// the post or group a control names must be one they can see.
import { qualified } from '@/lib/sql';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db, type Transaction } from '@/db/client';
import { activitySignals, feedControls, feedPreferences, groupBans, groupMembers, groups, interestScores, posts, postTags, tagFollows, users, type FeedControlKind } from '@/db/schema';
import { validatedActionWithUser, type ActionState } from '@/lib/action-state';
import { awardMilestones } from '@/lib/milestones/engine';
import { awardGroupAchievements } from '@/lib/milestones/group-achievements';
import { visiblePosts } from '@/lib/posts/visibility';
import { onboardingConsentKinds } from '@/lib/privacy/consent';
import { setConsent, skipOnboardingConsents } from '@/lib/privacy/consents';
import { forgetTaste } from './taste';
import {
  confirmSchema,
  controlRefSchema,
  durations,
  interestChoiceSchema,
  modeSchema,
  muteSchema,
  onboardingSchema,
  pauseSchema,
  postRefSchema,
  quietGroupSchema,
  showLessSchema,
  tagRefSchema,
} from './schemas';

const DAY = 86_400_000;
const modeNames = { foryou: 'For you', following: 'Following', chronological: 'Chronological (no personalization)' } as const;

function refresh() {
  revalidatePath('/feed');
  revalidatePath('/settings/feed');
}

async function upsertPreferences(tx: Transaction, userId: string, values: Partial<typeof feedPreferences.$inferInsert>) {
  const now = new Date();
  await tx
    .insert(feedPreferences)
    .values({ userId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: feedPreferences.userId, set: { ...values, updatedAt: now } });
}

export const setFeedModeAction = validatedActionWithUser(modeSchema, async ({ mode }, viewer) => {
  await db.transaction((tx) => upsertPreferences(tx, viewer.id, { mode }));
  refresh();
  return { success: `Your feed is now ${modeNames[mode]}.` };
});

async function visiblePost(tx: Transaction, userId: string, postId: string) {
  const [post] = await tx
    .select({ id: posts.id, authorId: posts.authorId, groupId: posts.groupId, authorName: sql<string>`(select coalesce(u.name, u.handle) from users u where u.id = ${qualified(posts.authorId)})`, groupName: sql<string | null>`(select g.name from groups g where g.id = ${qualified(posts.groupId)})` })
    .from(posts)
    .where(and(eq(posts.id, postId), visiblePosts(userId)))
    .limit(1);
  return post;
}

/**
 * Adds a control, replacing an active one of the same kind and target (so "always" can follow "7 days"): the one
 * replaced ends at the very moment the new one starts, which is how an undo finds it again.
 */
async function addControl(tx: Transaction, userId: string, kind: FeedControlKind, target: string, days: number | null) {
  const now = new Date();
  await tx
    .update(feedControls)
    .set({ endedAt: now })
    .where(and(eq(feedControls.userId, userId), eq(feedControls.kind, kind), eq(feedControls.target, target), isNull(feedControls.endedAt)));
  const [added] = await tx
    .insert(feedControls)
    .values({ userId, kind, target, createdAt: now, expiresAt: days === null ? null : new Date(now.getTime() + days * DAY) })
    .returning({ id: feedControls.id });
  return added!.id;
}

const forHowLong = (days: number | null) => (days === null ? 'from now on' : `for ${days} days`);

/** "Show less"'s answer: with the control it added, so the feed can offer to undo it in place. */
export type ShowLessState = ActionState & { undo?: string };

export const showLessAction = validatedActionWithUser(showLessSchema, async (input, viewer): Promise<ShowLessState> => {
  const days = durations[input.duration];
  const result = await db.transaction(async (tx): Promise<ShowLessState> => {
    const post = await visiblePost(tx, viewer.id, input.postId);
    if (!post) return { error: 'That post is gone or not visible to you.' };
    if (input.scope === 'author') {
      if (post.authorId === viewer.id) return { error: 'That is your own post.' };
      const undo = await addControl(tx, viewer.id, 'less_author', post.authorId, days);
      return { success: `You’ll see less of ${post.authorName} ${forHowLong(days)}.`, undo };
    }
    if (input.scope === 'group') {
      if (!post.groupId) return { error: 'This post is not in a group — choose the author or a topic instead.' };
      const undo = await addControl(tx, viewer.id, 'less_group', post.groupId, days);
      return { success: `You’ll see less from ${post.groupName} ${forHowLong(days)}.`, undo };
    }
    const tags = (await tx.select({ tag: postTags.tag }).from(postTags).where(eq(postTags.postId, post.id))).map((t) => t.tag);
    const tag = input.tag && tags.includes(input.tag) ? input.tag : tags[0];
    if (!tag) return { error: 'This post has no topic — choose the author or the group instead.', fieldErrors: { scope: 'This post has no topic.' } };
    const undo = await addControl(tx, viewer.id, 'less_tag', tag, days);
    return { success: `You’ll see less about #${tag} ${forHowLong(days)}.`, undo };
  });
  // No revalidatePath: the post stays where it is (collapsed to a notice with Undo). The stored For you list is
  // forgotten (declared below, applied only if this succeeded), so the next feed load is ranked with the new control.
  return result;
}, { invalidates: ['personCache', 'forYou'] }) as (prev: ShowLessState, formData: FormData) => Promise<ShowLessState>;

const showLessKinds: FeedControlKind[] = ['less_author', 'less_group', 'less_tag'];

/**
 * Undo of a "show less" the person just gave (the feed's Undo): the signal is removed, not ended (it was taken back,
 * so it is not history either), and a control it replaced (the same kind and target, ended when this one started)
 * holds again. Only the person's own, still active "show less" controls.
 */
export const undoShowLessAction = validatedActionWithUser(controlRefSchema, async (input, viewer): Promise<ActionState> => {
  const undone = await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(feedControls)
      .where(and(eq(feedControls.id, input.controlId), eq(feedControls.userId, viewer.id), inArray(feedControls.kind, showLessKinds), isNull(feedControls.endedAt)))
      .returning();
    if (!removed) return false;
    await tx
      .update(feedControls)
      .set({ endedAt: null })
      .where(and(eq(feedControls.userId, viewer.id), eq(feedControls.kind, removed.kind), eq(feedControls.target, removed.target), eq(feedControls.endedAt, removed.createdAt)));
    return true;
  });
  if (!undone) return { error: 'That is not yours to undo, or it was already undone.' };
  // No revalidatePath, as for "show less" itself: the post comes back where it was; the next visit ranks anew.
  return { success: 'Undone: the post is back, and your feed goes back to how it was.' };
}, { invalidates: ['personCache', 'forYou'] });

export const notInterestedAction = validatedActionWithUser(postRefSchema, async (input, viewer): Promise<ActionState> => {
  const result = await db.transaction(async (tx): Promise<ActionState> => {
    const post = await visiblePost(tx, viewer.id, input.postId);
    if (!post) return { error: 'That post is gone or not visible to you.' };
    await addControl(tx, viewer.id, 'not_interested', post.id, null);
    return { success: 'Hidden from your feed. Undo it on your feed controls page.' };
  });
  refresh();
  return result;
}, { invalidates: ['personCache', 'forYou'] });

export const muteAction = validatedActionWithUser(muteSchema, async (input, viewer): Promise<ActionState> => {
  const days = durations[input.duration];
  const result = await db.transaction(async (tx): Promise<ActionState> => {
    if (input.kind === 'user') {
      if (input.target === viewer.id) return { error: 'You can’t mute yourself.' };
      const [person] = await tx.select({ id: users.id, name: sql<string>`coalesce(${users.name}, ${users.handle})` }).from(users).where(eq(users.id, input.target)).limit(1);
      if (!person) return { error: 'That person is not on Hearth.' };
      await addControl(tx, viewer.id, 'mute_user', person.id, days);
      return { success: `Muted ${person.name}: their posts leave your feeds.` };
    }
    if (input.kind === 'group') {
      const [group] = await tx.select({ id: groups.id, name: groups.name, visibility: groups.visibility }).from(groups).where(eq(groups.id, input.target)).limit(1);
      const member = group ? await tx.select({ one: sql`1` }).from(groupMembers).where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.userId, viewer.id))).limit(1) : [];
      if (!group || (group.visibility === 'invite' && member.length === 0)) return { error: 'That group does not exist or is not visible to you.' };
      await addControl(tx, viewer.id, 'mute_group', group.id, days);
      return { success: `Muted ${group.name}: its posts leave your feeds.` };
    }
    await addControl(tx, viewer.id, 'mute_word', input.target, days);
    return { success: `Muted “${input.target}”: posts with it leave your feeds.` };
  });
  refresh();
  return result;
}, { invalidates: ['personCache', 'forYou'] });

export const endFeedControlAction = validatedActionWithUser(controlRefSchema, async (input, viewer): Promise<ActionState> => {
  const ended = await db
    .update(feedControls)
    .set({ endedAt: new Date() })
    .where(and(eq(feedControls.id, input.controlId), eq(feedControls.userId, viewer.id), isNull(feedControls.endedAt)))
    .returning({ id: feedControls.id });
  if (ended.length === 0) return { error: 'That control is not yours or has already ended.' };
  refresh();
  return { success: 'Undone. Your feed goes back to how it was.' };
}, { invalidates: ['personCache', 'forYou'] });

/** follow / more / less / hide map to the choice column (and following to tag_follows); none clears both. */
export const setInterestChoiceAction = validatedActionWithUser(interestChoiceSchema, async ({ tag, choice }, viewer) => {
  const now = new Date();
  await db.transaction(async (tx) => {
    const follow = choice === 'follow' || choice === 'more';
    if (follow) await tx.insert(tagFollows).values({ userId: viewer.id, tag }).onConflictDoNothing();
    else await tx.delete(tagFollows).where(and(eq(tagFollows.userId, viewer.id), eq(tagFollows.tag, tag)));
    const stored = choice === 'more' || choice === 'less' || choice === 'hide' ? choice : null;
    await tx
      .insert(interestScores)
      .values({ userId: viewer.id, tag, choice: stored, choiceAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [interestScores.userId, interestScores.tag], set: { choice: stored, choiceAt: now, updatedAt: now } });
  });
  refresh();
  revalidatePath(`/t/${tag}`);
  const said = { follow: `Following #${tag}.`, more: `You’ll see more #${tag}.`, less: `You’ll see less #${tag}.`, hide: `#${tag} is hidden from your feeds, and won’t come back by itself.`, none: `#${tag} is back to neutral.` };
  return { success: said[choice] };
}, { invalidates: ['personCache', 'forYou'] });

/** Removes a topic from the profile altogether: choice, inferred score and follow. New activity may bring it back. */
export const removeInterestAction = validatedActionWithUser(tagRefSchema, async ({ tag }, viewer) => {
  await db.transaction(async (tx) => {
    await tx.delete(interestScores).where(and(eq(interestScores.userId, viewer.id), eq(interestScores.tag, tag)));
    await tx.delete(tagFollows).where(and(eq(tagFollows.userId, viewer.id), eq(tagFollows.tag, tag)));
  });
  refresh();
  revalidatePath('/settings/privacy');
  return { success: `Removed #${tag} from what Hearth thinks you like.` };
}, { invalidates: ['personCache', 'forYou'] });

export const setHistoryPausedAction = validatedActionWithUser(pauseSchema, async ({ paused }, viewer) => {
  await db.transaction((tx) => upsertPreferences(tx, viewer.id, { historyPaused: paused }));
  refresh();
  return { success: paused ? 'History paused: nothing you do is recorded, and your feed uses only what you follow and chose.' : 'History resumed.' };
}, { invalidates: ['personCache', 'forYou'] });

/**
 * Starts personalization over: inferred scores, the learned taste vector, view history and "show less" / "not interested" go; follows,
 * chosen interests and mutes stay (they are choices, not guesses).
 */
export const resetPersonalizationAction = validatedActionWithUser(confirmSchema, async (_input, viewer) => {
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.delete(activitySignals).where(eq(activitySignals.userId, viewer.id));
    await tx.delete(interestScores).where(and(eq(interestScores.userId, viewer.id), isNull(interestScores.choice)));
    await tx.update(interestScores).set({ inferred: 0, inferredAt: now, signalCounts: {}, updatedAt: now }).where(eq(interestScores.userId, viewer.id));
    await tx
      .update(feedControls)
      .set({ endedAt: now })
      .where(and(eq(feedControls.userId, viewer.id), isNull(feedControls.endedAt), inArray(feedControls.kind, ['less_author', 'less_tag', 'less_group', 'not_interested'])));
    await forgetTaste(tx, viewer.id);
    await upsertPreferences(tx, viewer.id, { resetAt: now });
  });
  refresh();
  revalidatePath('/settings/privacy');
  return { success: 'Personalization reset. Your follows, chosen interests and mutes are kept.' };
}, { invalidates: ['personCache', 'forYou'] });

export const quietGroupAction = validatedActionWithUser(quietGroupSchema, async ({ groupId, on }, viewer): Promise<ActionState> => {
  const result = await db.transaction(async (tx): Promise<ActionState> => {
    const [member] = await tx
      .select({ name: groups.name })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, viewer.id)))
      .limit(1);
    if (!member) return { error: 'Join the group first — this setting is for groups you belong to.' };
    if (on) await addControl(tx, viewer.id, 'quiet_group', groupId, null);
    else {
      await tx
        .update(feedControls)
        .set({ endedAt: new Date() })
        .where(and(eq(feedControls.userId, viewer.id), eq(feedControls.kind, 'quiet_group'), eq(feedControls.target, groupId), isNull(feedControls.endedAt)));
    }
    return { success: on ? `What you do in ${member.name} no longer shapes your feed.` : `Your activity in ${member.name} may shape your feed again.` };
  });
  refresh();
  return result;
}, { invalidates: ['personCache', 'forYou'] });

export const completeOnboardingAction = validatedActionWithUser(onboardingSchema, async (input, viewer): Promise<ActionState> => {
  const joined = await db.transaction(async (tx) => {
    for (const tag of input.tags) await tx.insert(tagFollows).values({ userId: viewer.id, tag }).onConflictDoNothing();
    let count = 0;
    if (input.groups.length) {
      // Only public groups are joined from here; the others need a request or an invite on their own page.
      const open = await tx
        .select({ id: groups.id })
        .from(groups)
        .where(
          and(
            inArray(groups.id, input.groups),
            eq(groups.visibility, 'public'),
            sql`not exists (select 1 from ${groupBans} b where b.group_id = ${groups.id} and b.user_id = ${viewer.id})`,
          ),
        );
      for (const g of open) {
        const added = await tx.insert(groupMembers).values({ groupId: g.id, userId: viewer.id }).onConflictDoNothing().returning();
        if (added.length) await awardGroupAchievements(tx, g.id, 'group_member');
        count += added.length;
      }
      if (count > 0) await awardMilestones(tx, viewer.id, 'group_joined');
    }
    // Every answer is recorded and logged, a "no" as much as a "yes".
    const now = new Date();
    const answers = { personalize_activity: input.personalize === 'yes', inferred_interests: input.inferred, suggest_me: input.suggestMe, public_celebrations: input.celebrations };
    for (const kind of onboardingConsentKinds) await setConsent(tx, viewer.id, kind, answers[kind], 'onboarding', now);
    await upsertPreferences(tx, viewer.id, { onboardedAt: now });
    return count;
  });
  refresh();
  return { success: `You’re set: ${input.tags.length} interests${joined ? ` and ${joined} group${joined === 1 ? '' : 's'}` : ''}. Here is your feed.` };
}, { invalidates: ['personCache', 'forYou'] });

/**
 * "Skip for now" at onboarding: the consents asked there that the person has not answered are recorded, and logged, as
 * off — nothing is on until they say yes. Their feed is shown; they may answer on /welcome or their privacy page later.
 */
export const skipOnboardingAction = validatedActionWithUser(z.object({}), async (_input, viewer) => {
  await db.transaction((tx) => skipOnboardingConsents(tx, viewer.id));
  refresh();
  redirect('/feed');
}, { invalidates: ['personCache', 'forYou'] });

/**
 * "N new posts" on the feed, clicked: For you is ranked again now (an explicit refresh; nothing else re-ranks the list
 * while the person reads it). Their own list only.
 */
export const showNewPostsAction = validatedActionWithUser(z.object({}), async (): Promise<ActionState> => {
  revalidatePath('/feed');
  return { success: 'Showing the newest posts.' };
}, { invalidates: ['forYou'] });
