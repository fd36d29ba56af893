import { z } from 'zod';
import { reportReasons, reportStatuses, reportTargetKinds } from '@/db/schema';

const id = z.string().trim().min(1, 'Something is missing from the form — reload the page and try again.').max(100);
const kind = z.enum(reportTargetKinds, 'Something is missing from the form — reload the page and try again.');

export const MAX_REPORT_NOTE = 1000;

export const reportSchema = z
  .object({
    targetKind: kind,
    targetId: id,
    reason: z.enum(reportReasons, 'Choose what is wrong.'),
    note: z.string().trim().max(MAX_REPORT_NOTE, `Keep the note under ${MAX_REPORT_NOTE.toLocaleString('en')} characters.`).default(''),
  })
  .superRefine((value, ctx) => {
    if (value.reason === 'other' && value.note.length < 3) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say in a few words what is wrong — “Something else” needs a note.' });
  });

/** Which queue a moderator works in: 'instance', or a group's id. */
const queue = z.string().trim().min(1, 'Something is missing from the form — reload the page and try again.').max(100);
const target = { queue, targetKind: kind, targetId: id };

export const dismissSchema = z.object({ ...target, note: z.string().trim().max(500, 'Keep the note under 500 characters.').default('') });
const reason = (what: string) => z.string().trim().min(3, `Say why — ${what}`).max(500, 'Keep the reason under 500 characters.');
export const removeReportedSchema = z.object({ ...target, reason: reason('the author and the people who reported it are told.') });
export const lockReportedSchema = z.object(target);
export const banReportedSchema = z.object({ ...target, reason: reason('the person banned is told.') });
export const suspendReportedSchema = z.object({ ...target, reason: reason('the person suspended reads it.') });

export const queueStatusSchema = z.enum(reportStatuses).catch('open');

/** The address of the report page (/report?kind=…&id=…), which the Report links lead to without JavaScript. */
export const reportPageSchema = z.object({ kind: z.enum(reportTargetKinds), id: z.uuid() });
