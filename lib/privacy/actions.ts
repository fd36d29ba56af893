'use server';
// Server Actions of the privacy dashboard. Each acts only on the signed-in person; none takes a user id from the form.
import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { type ActionState, formValues, validatedActionWithUser } from '@/lib/action-state';
import { signOut } from '@/lib/auth/config';
import { verifyPassword } from '@/lib/auth/password';
import { requestAddress, throttleAddress } from '@/lib/auth/throttle';
import { limitPerson, rules } from '@/lib/rate-limit';
import { eraseAccount } from './erase';
import { registry } from './registry';
import { consentInfo } from './consent';
import { setConsent } from './consents';
import { forgetCollected } from './collected';
import { saveRetention, type RetentionChoices } from './retention';
import { clearCategorySchema, consentSchema, eraseAccountSchema, forgetCollectedSchema, freshSignInMinutes, privacyItemSchema, retentionSchema } from './schemas';

const fix = 'Please fix the highlighted fields.';

/**
 * Erases the caller's account: their password (or, without one, a sign-in in the last few minutes) and their
 * handle typed out; then everything goes in one transaction and every session ends with the account row.
 */
export const eraseAccountAction = validatedActionWithUser(eraseAccountSchema, async (input, viewer, formData): Promise<ActionState | void> => {
  const values = formValues(formData);
  const [user] = await db.select().from(users).where(eq(users.id, viewer.id)).limit(1);
  if (!user) return { error: 'Your session has ended — please sign in again.' };
  const typed = input.confirmHandle.replace(/^@/, '').toLowerCase();
  if (typed !== user.handle.toLowerCase()) {
    return { error: fix, fieldErrors: { confirmHandle: `Type your handle, ${user.handle}, exactly as shown to confirm.` }, values };
  }
  if (user.passwordHash) {
    // The session holder's own budget (a stranger's failures cannot use it up) and the address's.
    const verdict = await throttleAddress(db, await requestAddress());
    if (!verdict.allowed) return { error: verdict.message, values };
    const perAccount = await limitPerson(db, viewer.id, rules.passwordChange);
    if (!perAccount.allowed) return { error: perAccount.message, values };
    if (!input.password) return { error: fix, fieldErrors: { password: 'Enter your password.' }, values };
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      return { error: fix, fieldErrors: { password: 'That is not your password.' }, values };
    }
  } else if (!viewer.signedInAt || Date.now() - viewer.signedInAt > freshSignInMinutes * 60_000) {
    return { error: `For your safety, sign out and sign in again, then delete your account within ${freshSignInMinutes} minutes.` };
  }
  await eraseAccount(db, user.id, { keepContent: input.content === 'keep' });
  revalidatePath('/', 'layout');
  await signOut({ redirectTo: '/?erased=1' });
  // A suspended person may still delete their account (lib/admin/suspended.ts).
}, { allowSuspended: true });

/** Deletes one item of the caller's own data (a reaction, a bookmark, a follow …) from the dashboard. */
export const deletePrivacyItemAction = validatedActionWithUser(privacyItemSchema, async ({ table, key }, viewer) => {
  const entry = registry.find((e) => e.table === table);
  if (!entry?.deleteItem) return { error: 'That kind of data cannot be deleted one item at a time here.' };
  const gone = await db.transaction((tx) => entry.deleteItem!(tx, viewer.id, key));
  if (!gone) return { error: 'That item is already gone.' };
  revalidatePath('/settings/privacy', 'layout');
  return { success: 'Deleted.' };
}, { invalidates: ['personCache', 'forYou'] });

/** Deletes every item of one kind of the caller's data ("clear my reactions"), after a ticked confirmation. */
export const clearPrivacyCategoryAction = validatedActionWithUser(clearCategorySchema, async ({ table }, viewer) => {
  const entry = registry.find((e) => e.table === table);
  if (!entry?.clearAll) return { error: 'That kind of data cannot be cleared all at once here.' };
  const n = await db.transaction((tx) => entry.clearAll!(tx, viewer.id));
  revalidatePath('/settings/privacy', 'layout');
  return { success: n === 0 ? 'There was nothing to delete.' : `Deleted ${n} ${n === 1 ? 'item' : 'items'}.` };
}, { invalidates: ['personCache', 'forYou'] });

/** Switches one consent on or off for the caller, at once, and logs the change. */
export const setConsentAction = validatedActionWithUser(consentSchema, async ({ kind, value }, viewer) => {
  const granted = value === 'on';
  const changed = await db.transaction((tx) => setConsent(tx, viewer.id, kind, granted, 'privacy'));
  revalidatePath('/settings/privacy');
  if (kind === 'suggest_me') revalidatePath('/settings/profile');
  const label = consentInfo[kind].label;
  if (!changed) return { success: `“${label}” was already ${granted ? 'on' : 'off'}.` };
  return { success: granted ? `“${label}” is on.` : `“${label}” is off, from now on.` };
}, { invalidates: ['personCache', 'forYou'] });

/** Saves how long each kind of the caller's data is kept; the next daily purge follows it. */
export const setRetentionAction = validatedActionWithUser(retentionSchema, async (input, viewer) => {
  const days = (v: '30' | '90' | '365' | 'keep') => (v === 'keep' ? null : (Number(v) as 30 | 90 | 365));
  const choices: RetentionChoices = { signals: days(input.signals), search: days(input.search), notifications: days(input.notifications), profile: days(input.profile) };
  await db.transaction((tx) => saveRetention(tx, viewer.id, choices));
  revalidatePath('/settings/privacy');
  return { success: 'Saved. The next purge follows these choices.' };
});

/** Deletes what personalization collected about the caller (offered after withdrawing a consent), in one transaction. */
export const forgetCollectedAction = validatedActionWithUser(forgetCollectedSchema, async ({ scope }, viewer) => {
  const gone = await db.transaction((tx) => forgetCollected(tx, viewer.id, scope));
  revalidatePath('/settings/privacy', 'layout');
  revalidatePath('/feed');
  const views = gone.signals === 1 ? '1 view or open' : `${gone.signals.toLocaleString('en')} views and opens`;
  const taste = gone.taste ? ', and the tastes Hearth learned from your activity' : '';
  return { success: scope === 'activity' ? `Deleted ${views} and the inferred scores of ${gone.topics} ${gone.topics === 1 ? 'topic' : 'topics'}${taste}.` : `Deleted the inferred scores of ${gone.topics} ${gone.topics === 1 ? 'topic' : 'topics'}${taste}.` };
}, { invalidates: ['personCache', 'forYou'] });
