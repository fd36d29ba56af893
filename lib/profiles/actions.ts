'use server';
// Server Actions for a person's own profile. Each one acts only on the signed-in person (the viewer): no action
// takes a user id from the form, and every reference in the form (a post to pin, an interest) is checked.
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { db } from '@/db/client';
import { handleRedirects, interests, media, posts, profiles, userInterests, users } from '@/db/schema';
import { type ActionState, formValues, validatedActionWithUser } from '@/lib/action-state';
import { isHandleCoolingDown } from '@/lib/auth/users';
import { getViewer } from '@/lib/auth/viewer';
import { uniqueViolation } from '@/lib/db-errors';
import { markdownToText, renderMarkdown } from '@/lib/markdown/render';
import { ImageRejectedError, imageLimits, imageMessages, processImage } from '@/lib/media/process-image';
import { storeImage } from '@/lib/media/store';
import { limitPerson, rules } from '@/lib/rate-limit';
import { setConsent } from '@/lib/privacy/consents';
import { profileMediaUrl } from '@/lib/media/urls';
import { avatarImageFor } from './avatar';
import { handleRedirectDays, imageUploadSchema, profileSchema, removeImageSchema, timeZoneSchema } from './schemas';


const invalid = (fieldErrors: Record<string, string>, formData: FormData): ActionState => ({
  error: 'Please fix the highlighted fields.',
  fieldErrors,
  values: formValues(formData),
});

async function handleProblem(userId: string, handle: string, now: Date): Promise<string | null> {
  const [owner] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.handle})`, handle))
    .limit(1);
  if (owner && owner.id !== userId) return `The handle @${handle} is taken — try another.`;
  const [held] = await db
    .select({ userId: handleRedirects.userId })
    .from(handleRedirects)
    .where(and(eq(handleRedirects.oldHandle, handle), sql`${handleRedirects.expiresAt} > ${now.toISOString()}::timestamptz`))
    .limit(1);
  if (held && held.userId !== userId) return `The handle @${handle} was someone’s until recently and is still held for them — try another.`;
  if (await isHandleCoolingDown(db, handle, now)) return `The handle @${handle} belonged to an account that was deleted recently and is resting for now — try another.`;
  return null;
}

export const updateProfileAction = validatedActionWithUser(profileSchema, async (data, viewer, formData) => {
  const now = new Date();
  const [current] = await db.select({ handle: users.handle }).from(users).where(eq(users.id, viewer.id)).limit(1);
  if (!current) return { error: 'Your session has ended — please sign in again.' };
  const oldHandle = current.handle.toLowerCase();
  const newHandle = data.handle;
  const handleChanged = newHandle !== oldHandle;

  const errors: Record<string, string> = {};
  if (handleChanged) {
    const problem = await handleProblem(viewer.id, newHandle, now);
    if (problem) errors.handle = problem;
  }
  const chosen = data.interests.length
    ? await db.select({ id: interests.id, slug: interests.slug }).from(interests).where(inArray(interests.slug, data.interests))
    : [];
  if (chosen.length !== new Set(data.interests).size) errors.interests = 'Choose interests from the list.';
  if (data.pinnedPostId) {
    const [post] = await db.select({ authorId: posts.authorId }).from(posts).where(eq(posts.id, data.pinnedPostId)).limit(1);
    if (!post || post.authorId !== viewer.id) errors.pinnedPostId = 'You can pin only one of your own posts.';
  }
  if (Object.keys(errors).length) return invalid(errors, formData);

  const generated = { style: data.avatarStyle, background: data.avatarBackground, shape: data.avatarShape };
  const fields = {
    bio: data.bio,
    pronouns: data.pronouns,
    location: data.location,
    links: data.links,
    accentColor: data.accent,
    bannerGradient: data.bannerGradient,
    layout: data.layout,
    avatarStyle: generated.style,
    avatarBackground: generated.background,
    avatarShape: generated.shape,
    visibility: data.visibility,
    showPosts: data.showPosts,
    showGroups: data.showGroups,
    showInterests: data.showInterests,
    showMilestones: data.showMilestones,
    suggestMe: data.suggestMe,
    pinnedPostId: data.pinnedPostId || null,
    timeZone: data.timeZone || null,
    updatedAt: now,
  };

  try {
    await db.transaction(async (tx) => {
      // "Suggest me to others" is also a consent: a change here is recorded in the consent log.
      await setConsent(tx, viewer.id, 'suggest_me', data.suggestMe, 'profile', now);
      const [profile] = await tx
        .insert(profiles)
        .values({ userId: viewer.id, ...fields })
        .onConflictDoUpdate({ target: profiles.userId, set: fields })
        .returning({ avatarMediaId: profiles.avatarMediaId });
      // The uploaded avatar's URL carries the visibility (lib/media/urls.ts): a new visibility is a new URL.
      await tx
        .update(users)
        .set({ name: data.name, handle: newHandle, image: avatarImageFor(newHandle, { avatarMediaId: profile.avatarMediaId, visibility: data.visibility, ...generated }) })
        .where(eq(users.id, viewer.id));
      if (handleChanged) {
        // Taking back one's own former handle ends its redirect; expired redirects (anyone's) are kept no longer.
        await tx
          .delete(handleRedirects)
          .where(or(and(eq(handleRedirects.oldHandle, newHandle), eq(handleRedirects.userId, viewer.id)), lt(handleRedirects.expiresAt, now)));
        const expiresAt = new Date(now.getTime() + handleRedirectDays * 86_400_000);
        await tx
          .insert(handleRedirects)
          .values({ oldHandle, userId: viewer.id, expiresAt })
          .onConflictDoUpdate({ target: handleRedirects.oldHandle, set: { userId: viewer.id, expiresAt, createdAt: now } });
      }
      await tx.delete(userInterests).where(eq(userInterests.userId, viewer.id));
      if (chosen.length) {
        await tx.insert(userInterests).values(chosen.map((i) => ({ userId: viewer.id, interestId: i.id, showcased: true })));
      }
    });
  } catch (error) {
    if (uniqueViolation(error)?.includes('handle')) return invalid({ handle: `The handle @${newHandle} is taken — try another.` }, formData);
    throw error;
  }

  revalidatePath('/', 'layout');
  return { success: handleChanged ? `Profile saved. @${oldHandle} now redirects to @${newHandle} for ${handleRedirectDays} days.` : 'Profile saved.', values: formValues(formData) };
  // The time zone the feed greets in is kept with the greeting's news (lib/profiles/queries.ts feedGreeting).
}, { invalidates: ['personCache'] });

/** Uploads an avatar or banner: checked and processed (sharp), stored in the database, replacing the previous one. */
export const uploadImageAction = validatedActionWithUser(imageUploadSchema, async (data, viewer, formData) => {
  const limited = await limitPerson(db, viewer.id, rules.upload);
  if (!limited.allowed) return { error: limited.message };
  const file = formData.get('file');
  if (!(file instanceof Blob) || file.size === 0) return { error: imageMessages.empty, fieldErrors: { file: imageMessages.empty } };
  if (file.size > imageLimits.maxBytes) {
    const message = imageMessages.too_large(file.size);
    return { error: message, fieldErrors: { file: message } };
  }
  const crop =
    data.cropWidth && data.cropHeight
      ? { x: data.cropX ?? 0, y: data.cropY ?? 0, width: data.cropWidth, height: data.cropHeight }
      : undefined;
  let processed;
  try {
    processed = await processImage(new Uint8Array(await file.arrayBuffer()), { kind: data.kind, crop });
  } catch (error) {
    if (error instanceof ImageRejectedError) return { error: error.message, fieldErrors: { file: error.message } };
    throw error;
  }
  await db.transaction(async (tx) => {
    const row = { id: await storeImage(tx, viewer.id, data.kind, processed) };
    const column = data.kind === 'avatar' ? { avatarMediaId: row.id } : { bannerMediaId: row.id };
    const [profile] = await tx
      .insert(profiles)
      .values({ userId: viewer.id, ...column })
      .onConflictDoUpdate({ target: profiles.userId, set: { ...column, updatedAt: new Date() } })
      .returning({ visibility: profiles.visibility });
    // The previous image of this kind is not kept.
    await tx.delete(media).where(and(eq(media.ownerId, viewer.id), eq(media.kind, data.kind), sql`${media.id} <> ${row.id}`));
    if (data.kind === 'avatar') await tx.update(users).set({ image: profileMediaUrl(row.id, profile.visibility) }).where(eq(users.id, viewer.id));
  });

  revalidatePath('/', 'layout');
  return { success: data.kind === 'avatar' ? 'Your new avatar is saved.' : 'Your new banner is saved.' };
});

/** Removes the uploaded avatar (back to the generated one) or banner (back to the gradient). */
export const removeImageAction = validatedActionWithUser(removeImageSchema, async (data, viewer) => {
  await db.transaction(async (tx) => {
    await tx.delete(media).where(and(eq(media.ownerId, viewer.id), eq(media.kind, data.kind)));
    if (data.kind === 'avatar') {
      const [profile] = await tx
        .select({ style: profiles.avatarStyle, background: profiles.avatarBackground, shape: profiles.avatarShape, visibility: profiles.visibility })
        .from(profiles)
        .where(eq(profiles.userId, viewer.id));
      const [user] = await tx.select({ handle: users.handle }).from(users).where(eq(users.id, viewer.id));
      await tx
        .update(users)
        .set({ image: avatarImageFor(user.handle, { avatarMediaId: null, visibility: profile?.visibility ?? 'members', style: profile?.style ?? 'thumbs', background: profile?.background ?? '', shape: profile?.shape ?? 'circle' }) })
        .where(eq(users.id, viewer.id));
    }
  });
  revalidatePath('/', 'layout');
  return { success: data.kind === 'avatar' ? 'Avatar removed — you have your generated one again.' : 'Banner image removed.' };
});

/** Remembers the browser's time zone for the greeting, unless the person already chose one. */
export const rememberTimeZoneAction = validatedActionWithUser(
  timeZoneSchema,
  async (data, viewer) => {
    await db
      .update(profiles)
      .set({ timeZone: data.timeZone })
      .where(and(eq(profiles.userId, viewer.id), sql`${profiles.timeZone} is null`));
    // No revalidation: the next view greets in the new zone (the greeting's news is kept per person: forgotten
    // below); this one keeps its posts where they are.
    return { success: 'ok' };
  },
  { invalidates: ['personCache'] },
);

/** The bio as the profile will show it, for the live preview (the one renderer stays on the server). */
export async function previewBioAction(text: string): Promise<{ html: string; text: string; error?: string }> {
  // Nobody signed in: nothing rendered, and the answer says why (the editor shows an empty preview).
  if (!(await getViewer())) return { html: '', text: '', error: 'Your session has ended — please sign in again.' };
  const bio = String(text ?? '').slice(0, 2000);
  return { html: renderMarkdown(bio, { profile: 'bio' }), text: markdownToText(bio) };
}
