// zod schemas for the celebration forms and actions.
import { z } from 'zod';
import { groupMilestoneKinds, milestoneVisibilities } from '@/db/schema';
import { MILESTONE_TITLE_MAX, NOTE_MAX, TEMPLATE_MAX, unknownPlaceholders } from './templates';

const ref = z.string().trim().min(1, 'Something is missing — reload the page and try again.').max(100);

const templateText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${what} to ${max} characters.`)
    .superRefine((t, ctx) => {
      const unknown = unknownPlaceholders(t);
      if (unknown.length) ctx.addIssue({ code: 'custom', message: `Hearth does not know {${unknown[0]}} — use {name}, {count}, {nth}, {group} or {milestone}.` });
    });

export const milestoneRefSchema = z.object({ milestoneId: ref });

export const noteSchema = z.object({
  milestoneId: ref,
  body: z.string().trim().min(1, 'Write a few words of thanks.').max(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters.`),
});

export const milestoneVisibilitySchema = z.object({
  milestoneId: ref,
  visibility: z.enum(milestoneVisibilities, 'Choose who sees this milestone.'),
});

export const groupMilestoneSchema = z
  .object({
    groupId: ref,
    kind: z.enum(groupMilestoneKinds, 'Choose what the milestone counts.'),
    threshold: z.coerce.number().int('Use a whole number.').min(0).max(100_000, 'Choose a number up to 100,000.').default(0),
    title: templateText(MILESTONE_TITLE_MAX, 'title').pipe(z.string().min(1, 'Give the milestone a name.')),
    message: templateText(TEMPLATE_MAX, 'message').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'founding_day' && v.threshold < 1) ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'Choose a number of at least 1.' });
    if (v.kind === 'membership_months' && v.threshold > 600) ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'Choose at most 600 months (50 years).' });
  });

export const groupMilestoneRefSchema = z.object({ groupMilestoneId: ref });

export const templateSchema = z.object({
  groupId: ref,
  milestoneKind: z.string().trim().min(1, 'Choose which milestone to thank for.').max(100),
  body: templateText(TEMPLATE_MAX, 'thank-you').pipe(z.string().min(1, 'Write the thank-you message.')),
});

export const templateRefSchema = z.object({ templateId: ref });
