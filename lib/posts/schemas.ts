import { z } from 'zod';
import { reactionEmoji } from '@/db/schema';

import { MAX_COMMENT_LENGTH, MAX_POST_LENGTH } from './limits';

const id = z.string().trim().min(1, 'Something is missing from the form — reload the page and try again.').max(100);

/** "#Night Photography, ceramics" → ["night-photography", "ceramics"]: lowercase, dashes, no duplicates. */
export function normalizeTags(raw: string): string[] {
  const tags = raw
    .split(/[,\n]|(?=#)/)
    .map((t) =>
      t
        .trim()
        .replace(/^#+/, '')
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean);
  return [...new Set(tags)];
}

export const tagsSchema = z
  .string()
  .max(300)
  .default('')
  .transform(normalizeTags)
  .pipe(
    z
      .array(z.string().min(2, 'Tags are at least 2 characters.').max(30, 'Tags are at most 30 characters.'))
      .max(5, 'Use at most 5 tags.'),
  );

const body = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Write something before you ${what}.`)
    .max(max, `That is too long — at most ${max.toLocaleString('en')} characters.`);

export const createPostSchema = z.object({
  groupId: id.optional(),
  channelId: id.optional(),
  body: body(MAX_POST_LENGTH, 'post'),
  tags: tagsSchema,
  imageAlt: z.string().trim().max(500, 'Keep the image description under 500 characters.').default(''),
});
export const editPostSchema = z.object({ postId: id, body: body(MAX_POST_LENGTH, 'save'), tags: tagsSchema });
export const postRefSchema = z.object({ postId: id });
export const createCommentSchema = z.object({ postId: id, parentId: id.optional(), body: body(MAX_COMMENT_LENGTH, 'comment') });
export const commentRefSchema = z.object({ commentId: id });
export const editCommentSchema = z.object({ commentId: id, body: body(MAX_COMMENT_LENGTH, 'save') });
export const reactionSchema = z.object({ postId: id, emoji: z.enum(reactionEmoji, 'That reaction is not available.') });
export const toggleSchema = z.object({ postId: id, on: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const removeSchema = z.object({ reason: z.string().trim().min(3, 'Say why — the author is told.').max(500, 'Keep the reason under 500 characters.') });
export const removePostSchema = removeSchema.extend({ postId: id });
export const removeCommentSchema = removeSchema.extend({ commentId: id });
export const followSchema = z.object({ userId: id, on: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const tagFollowSchema = z.object({ tag: z.string().transform((t) => normalizeTags(t)[0] ?? '').pipe(z.string().min(2).max(30)), on: z.enum(['true', 'false']).transform((v) => v === 'true') });
