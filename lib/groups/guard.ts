// The frame of every group Server Action: one transaction in which the group and the caller's standing are read,
// the permission decided, and the change written — so a check and its write can never drift apart.
import { revalidatePath } from 'next/cache';
import { db, type Transaction } from '@/db/client';
import { groupAuditLog, type Group } from '@/db/schema';
import type { ActionState } from '@/lib/action-state';
import type { Viewer } from '@/lib/auth/viewer';
import { loadGroupActor } from './context';
import { can, type Actor, type Decision, type GroupAction, type RoleInfo, type Target } from './permissions';

export type GroupCtx = { tx: Transaction; group: Group; actor: Actor; roles: RoleInfo[]; viewer: Viewer };

/** Thrown inside a group transaction to roll it back and answer with a message. */
export class Refusal extends Error {}

export function refuse(message: string): never {
  throw new Refusal(message);
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
    if (error instanceof Refusal) return { error: error.message };
    throw error;
  }
}

export async function audit(ctx: GroupCtx, action: string, targetUserId?: string | null, details: Record<string, unknown> = {}) {
  await ctx.tx.insert(groupAuditLog).values({ groupId: ctx.group.id, actorId: ctx.viewer.id, action, targetUserId: targetUserId ?? null, details });
}
