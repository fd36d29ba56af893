// Creating a group with everything it starts with: the four built-in roles, #general and #announcements, and its owner.
import type { Transaction } from '@/db/client';
import { channels, groupMemberRoles, groupMembers, groupRoles, groups, type GroupVisibility } from '@/db/schema';
import { builtinRoleDefaults } from './permissions';

export interface NewGroup {
  id?: string;
  name: string;
  slug: string;
  description: string;
  topic: string;
  visibility?: GroupVisibility;
  rules?: string[];
  accentColor?: string;
  welcomeMessage?: string;
  createdAt?: Date;
}

export const defaultWelcome = 'Welcome to {group}, {name}! You are one of {memberCount} members. Say hello in #general.';

export async function createGroupRecords(tx: Transaction, input: NewGroup, ownerId: string, joinedAt?: Date) {
  const [group] = await tx
    .insert(groups)
    .values({
      ...(input.id ? { id: input.id } : {}),
      name: input.name,
      slug: input.slug,
      description: input.description,
      topic: input.topic,
      visibility: input.visibility ?? 'public',
      rules: input.rules ?? [],
      accentColor: input.accentColor ?? '#b4471f',
      welcomeMessage: input.welcomeMessage ?? defaultWelcome,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning();
  const roles = await tx
    .insert(groupRoles)
    .values(
      (Object.keys(builtinRoleDefaults) as (keyof typeof builtinRoleDefaults)[]).map((builtin) => ({
        groupId: group.id,
        builtin,
        name: builtinRoleDefaults[builtin].name,
        color: builtinRoleDefaults[builtin].color,
        position: builtinRoleDefaults[builtin].position,
        permissions: [...builtinRoleDefaults[builtin].permissions],
      })),
    )
    .returning();
  const roleId = (b: string) => roles.find((r) => r.builtin === b)!.id;
  await tx.insert(channels).values([
    { groupId: group.id, name: 'general', description: 'Everything about ' + input.topic + '.', position: 0 },
    { groupId: group.id, name: 'announcements', description: 'News from the people who run the group.', position: 1, postRoleIds: [roleId('admin'), roleId('moderator')] },
  ]);
  await tx.insert(groupMembers).values({ groupId: group.id, userId: ownerId, joinedAt: joinedAt ?? group.createdAt, welcomedAt: joinedAt ?? group.createdAt });
  await tx.insert(groupMemberRoles).values({ groupId: group.id, userId: ownerId, roleId: roleId('owner') });
  return { group, roles };
}
