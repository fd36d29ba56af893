'use server';

import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { channels } from '@/db/schema';
import { validatedActionWithUser } from '@/lib/action-state';
import { findChannel } from './context';
import { audit, demand, inGroup, refuse, refuseIfTaken, type GroupCtx } from './guard';
import { channelArchiveSchema, channelMoveSchema, channelSchema, channelUpdateSchema } from './schemas';

function checkRoles(ctx: GroupCtx, roleIds: string[]) {
  const unknown = roleIds.filter((id) => !ctx.roles.some((r) => r.id === id));
  if (unknown.length) refuse('Some of those roles do not belong to this group.');
}

/** Channel names are unique in a group, whatever their case (channels_name_key). */
const unlessNameTaken = <T>(write: PromiseLike<T>, name: string) =>
  refuseIfTaken(write, 'channels_name_key', 'name', `There is already a channel called #${name} in this group — choose another name.`);

export const createChannelAction = validatedActionWithUser(channelSchema, (input, viewer) =>
  inGroup(viewer, input.groupId, async (ctx) => {
    demand(ctx, 'manage_channels');
    checkRoles(ctx, input.postRoleIds);
    const [{ next }] = await ctx.tx.select({ next: sql<number>`coalesce(max(${channels.position}), -1) + 1` }).from(channels).where(eq(channels.groupId, ctx.group.id));
    await unlessNameTaken(
      ctx.tx.insert(channels).values({ groupId: ctx.group.id, name: input.name, description: input.description, postRoleIds: input.postRoleIds, position: Number(next) }),
      input.name,
    );
    await audit(ctx, 'channel.create', null, { channel: input.name });
    return { success: `#${input.name} created.` };
  }),
);

async function channelOr(channelId: string) {
  const channel = await findChannel(db, channelId);
  if (!channel) return { error: 'That channel no longer exists.' } as const;
  return channel;
}

export const updateChannelAction = validatedActionWithUser(channelUpdateSchema, async (input, viewer) => {
  const channel = await channelOr(input.channelId);
  if ('error' in channel) return channel;
  return inGroup(viewer, channel.groupId, async (ctx) => {
    demand(ctx, 'manage_channels');
    checkRoles(ctx, input.postRoleIds);
    await unlessNameTaken(
      ctx.tx.update(channels).set({ name: input.name, description: input.description, postRoleIds: input.postRoleIds }).where(eq(channels.id, channel.id)),
      input.name,
    );
    await audit(ctx, 'channel.update', null, { channel: channel.name, name: input.name, postRoleIds: input.postRoleIds });
    return { success: `#${input.name} saved.` };
  });
});

export const moveChannelAction = validatedActionWithUser(channelMoveSchema, async (input, viewer) => {
  const channel = await channelOr(input.channelId);
  if ('error' in channel) return channel;
  return inGroup(viewer, channel.groupId, async (ctx) => {
    demand(ctx, 'manage_channels');
    const ordered = await ctx.tx.select({ id: channels.id }).from(channels).where(eq(channels.groupId, ctx.group.id)).orderBy(asc(channels.position), asc(channels.name));
    const index = ordered.findIndex((c) => c.id === channel.id);
    const swap = input.direction === 'up' ? index - 1 : index + 1;
    if (swap < 0 || swap >= ordered.length) return {};
    [ordered[index], ordered[swap]] = [ordered[swap], ordered[index]];
    for (const [position, c] of ordered.entries()) await ctx.tx.update(channels).set({ position }).where(and(eq(channels.id, c.id)));
    await audit(ctx, 'channel.move', null, { channel: channel.name, direction: input.direction });
    return { success: `Moved #${channel.name} ${input.direction}.` };
  });
});

export const archiveChannelAction = validatedActionWithUser(channelArchiveSchema, async (input, viewer) => {
  const channel = await channelOr(input.channelId);
  if ('error' in channel) return channel;
  return inGroup(viewer, channel.groupId, async (ctx) => {
    demand(ctx, 'manage_channels');
    await ctx.tx.update(channels).set({ archivedAt: input.archived ? new Date() : null }).where(eq(channels.id, channel.id));
    await audit(ctx, input.archived ? 'channel.archive' : 'channel.unarchive', null, { channel: channel.name });
    return { success: input.archived ? `#${channel.name} archived: it keeps its posts but takes no new ones.` : `#${channel.name} is open again.` };
  });
});
