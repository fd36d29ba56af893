import { z } from 'zod';
import { groupVisibilities } from '@/db/schema';
import { permissionFlags } from './permissions';

const text = (label: string, max: number) => z.string().trim().max(max, `${label} is at most ${max} characters.`);
export const idSchema = z.string().trim().min(1, 'Something is missing from the form — reload the page and try again.').max(100);
export const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #b4471f.')
  .transform((c) => c.toLowerCase());

export const reservedGroupSlugs = new Set(['new', 'settings', 'admin', 'api', 'search', 'hearth']);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'The address is at least 3 characters.')
  .max(40, 'The address is at most 40 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes, like night-photographers.')
  .refine((s) => !reservedGroupSlugs.has(s), 'That address is reserved — try another.');

const nonEmptyLines = (label: string, maxItems: number, maxLength: number) =>
  z
    .array(z.string())
    .default([])
    .transform((items) => items.map((i) => i.trim()).filter(Boolean))
    .pipe(z.array(text(label, maxLength)).max(maxItems, `At most ${maxItems} ${label.toLowerCase()}s.`));

export const createGroupSchema = z.object({
  name: text('The name', 60).min(3, 'Give the group a name of at least 3 characters.'),
  slug: slugSchema,
  description: text('The description', 500).default(''),
  topic: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, 'Name the topic, like ceramics.')
    .max(40, 'The topic is at most 40 characters.'),
  visibility: z.enum(groupVisibilities, 'Choose who can join.'),
});

export const groupSettingsSchema = createGroupSchema.omit({ slug: true }).extend({
  groupId: idSchema,
  accentColor: hexColor,
  welcomeMessage: text('The welcome message', 1000).default(''),
  rules: nonEmptyLines('Rule', 20, 300),
  joinQuestions: nonEmptyLines('Question', 3, 200),
});

export const groupRefSchema = z.object({ groupId: idSchema });
export const memberRefSchema = z.object({ groupId: idSchema, userId: idSchema });
export const banSchema = memberRefSchema.extend({ reason: text('The reason', 500).min(3, 'Say why — the person is told.') });
export const joinSchema = z.object({ groupId: idSchema, invite: z.string().trim().max(100).optional() });
export const requestSchema = z.object({ groupId: idSchema, answers: z.array(text('An answer', 1000)).max(3).default([]) });
export const decideSchema = z.object({ requestId: idSchema, decision: z.enum(['approve', 'deny']) });
export const inviteSchema = z.object({
  groupId: idSchema,
  expiresInHours: z.coerce.number().int().min(0).max(24 * 90, 'Invites last at most 90 days.').default(168),
  maxUses: z.coerce.number().int().min(0).max(1000, 'At most 1000 uses.').default(0),
});
export const inviteRefSchema = z.object({ inviteId: idSchema });

export const roleSchema = z.object({
  groupId: idSchema,
  name: text('The role name', 40).min(2, 'Name the role (at least 2 characters).'),
  color: hexColor,
  permissions: z.array(z.enum(permissionFlags, 'Unknown permission.')).default([]),
});
export const roleUpdateSchema = roleSchema.omit({ groupId: true }).extend({ roleId: idSchema });
export const roleRefSchema = z.object({ roleId: idSchema });
export const roleAssignSchema = z.object({ groupId: idSchema, userId: idSchema, roleId: idSchema });

export const channelSchema = z.object({
  groupId: idSchema,
  name: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, 'Channel names are at least 2 characters.')
    .max(30, 'Channel names are at most 30 characters.')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and dashes, like show-and-tell.'),
  description: text('The description', 200).default(''),
  postRoleIds: z.array(idSchema).max(20).default([]),
});
export const channelUpdateSchema = channelSchema.omit({ groupId: true }).extend({ channelId: idSchema });
export const channelMoveSchema = z.object({ channelId: idSchema, direction: z.enum(['up', 'down']) });
export const channelArchiveSchema = z.object({ channelId: idSchema, archived: z.enum(['true', 'false']).transform((v) => v === 'true') });
