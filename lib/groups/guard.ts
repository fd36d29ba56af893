// The frame of every group Server Action: one transaction in which the group and the caller's standing are read,
// the permission decided, and the change written — so a check and its write can never drift apart.
import { revalidatePath } from 'next/cache';
import { db, type Transaction } from '@/db/client';
import { groupAuditLog, type Group } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import type { Viewer } from '@/lib/auth/viewer';
import { uniqueViolation } from '@/lib/db-errors';
import { loadGroupActor } from './context';
import { can, type Actor, type Decision, type GroupAction, type RoleInfo, type Target } from './permissions';

export type GroupCtx = { tx: Transaction; group: Group; actor: Actor; roles: RoleInfo[]; viewer: Viewer };

/** Thrown inside a group transaction to roll it back and answer with a message (and, for a form, the field at fault). */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

export function refuse(message: string, fieldErrors?: Record<string, string>): never {
  throw new Refusal(message, fieldErrors);
}

/**
 * Runs a write that a unique index may refuse (a channel or role name already in use) and answers that case with
 * `message` on `field`. The refusal is thrown, never returned: after a failed statement PostgreSQL accepts nothing
 * more in the transaction (COMMIT included), so the whole transaction rolls back and nothing it wrote stays.
 */
export async function refuseIfTaken<T>(write: PromiseLike<T>, index: string, field: string, message: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (uniqueViolation(error) === index) refuse('Please fix the highlighted fields.', { [field]: message });
    throw error;
  }
}

export function demand(ctx: GroupCtx, action: GroupAction, target: Target = {}): Decision {
  const decision = can(ctx.actor, action, { groupVisibility: ctx.group.visibility, ...target });
  if (!decision.allowed) refuse(decision.reason);
  return decision;
}

export async function inGroup(viewer: Viewer, groupId: string, fn: (ctx: GroupCtx) => Promise<ActionState | void>): Promise<ActionState> {
  let slug: string | undefined;
  try {
    const result = await db.transaction(async (tx) => {
      const loaded = await loadGroupActor(tx, { id: groupId }, viewer.id);
      if (!loaded) refuse('That group no longer exists.');
      slug = loaded.group.slug;
      return (await fn({ tx, viewer, ...loaded })) ?? {};
    });
    if (slug) revalidatePath(`/g/${slug}`, 'layout');
    return result;
  } catch (error) {
    if (error instanceof Refusal) return error.fieldErrors ? { error: error.message, fieldErrors: error.fieldErrors } : { error: error.message };
    throw error;
  }
}

export async function audit(ctx: GroupCtx, action: string, targetUserId?: string | null, details: Record<string, unknown> = {}) {
  await ctx.tx.insert(groupAuditLog).values({ groupId: ctx.group.id, actorId: ctx.viewer.id, action, targetUserId: targetUserId ?? null, details });
}
