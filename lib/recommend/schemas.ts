import { z } from 'zod';
import { feedModes } from '@/db/schema';
import { normalizeTags } from '@/lib/posts/schemas';

const id = z.string().trim().min(1, 'Something is missing from the form — reload the page and try again.').max(100);
export const tagSchema = z
  .string()
  .max(60)
  .transform((t) => normalizeTags(t)[0] ?? '')
  .pipe(z.string().min(2, 'Name a topic of at least 2 letters.').max(30, 'Topics are at most 30 characters.'));

export const modeSchema = z.object({ mode: z.enum(feedModes, 'Choose For you, Following or Chronological.') });

export const durations = { '7': 7, '90': 90, always: null } as const;
export const durationSchema = z.enum(['7', '90', 'always'], 'Choose for how long: 7 days, 90 days or always.');

/** The scope radio is "author", "group" or "tag:<topic>" (one radio per topic of the post). */
export const showLessSchema = z.preprocess(
  (raw) => {
    const value = raw as Record<string, unknown>;
    return typeof value.scope === 'string' && value.scope.startsWith('tag:') ? { ...value, scope: 'tag', tag: value.scope.slice(4) } : value;
  },
  z.object({
    postId: id,
    scope: z.enum(['author', 'tag', 'group'], 'Choose what to see less of: this author, this topic or this group.'),
    tag: z.string().max(60).optional(),
    duration: durationSchema,
  }),
);

export const postRefSchema = z.object({ postId: id });

export const muteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), target: id, duration: durationSchema.default('always') }),
  z.object({ kind: z.literal('group'), target: id, duration: durationSchema.default('always') }),
  z.object({
    kind: z.literal('word'),
    target: z.string().trim().min(2, 'Mute a word of at least 2 characters.').max(40, 'Keep a muted word to 40 characters.').toLowerCase(),
    duration: durationSchema.default('always'),
  }),
]);

export const controlRefSchema = z.object({ controlId: id });

export const interestChoiceSchema = z.object({
  tag: tagSchema,
  choice: z.enum(['follow', 'more', 'less', 'hide', 'none'], 'Choose follow, more, less or hide.'),
});

export const tagRefSchema = z.object({ tag: tagSchema });

export const pauseSchema = z.object({ paused: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const confirmSchema = z.object({ confirm: z.literal('yes', 'Tick the box to confirm.') });

export const quietGroupSchema = z.object({ groupId: id, on: z.enum(['true', 'false']).transform((v) => v === 'true') });

const onboardingCheckbox = z.preprocess((v) => v === 'yes' || v === 'on', z.boolean());

export const onboardingSchema = z.object({
  tags: z
    .array(z.string().max(60))
    .default([])
    .transform((tags) => [...new Set(tags.flatMap((t) => normalizeTags(t)))].filter((t) => t.length >= 2 && t.length <= 30))
    .pipe(z.array(z.string()).min(3, 'Pick at least 3 interests — they make your first feed yours.').max(30, 'Pick at most 30 interests for now.')),
  groups: z.array(id).max(20, 'Join at most 20 groups from here.').default([]),
  personalize: z.enum(['yes', 'no'], 'Please answer: may Hearth use your activity to personalize your feed?'),
  // The other consents asked there: nothing is pre-ticked, and an unticked box is the answer "no".
  inferred: onboardingCheckbox,
  suggestMe: onboardingCheckbox,
  celebrations: onboardingCheckbox,
});
