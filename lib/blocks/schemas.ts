import { z } from 'zod';

const id = z.string().trim().min(1, 'Something is missing from the form — reload the page and try again.').max(100);

export const blockSchema = z.object({ userId: id });
