import { z } from 'zod';

export const digestChoices = ['off', 'daily', 'weekly'] as const;

export const digestChoiceSchema = z.object({ frequency: z.enum(digestChoices, 'Choose Off, Daily or Weekly.') });
