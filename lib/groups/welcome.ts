import { fillTemplate } from '@/lib/template';

export const welcomePlaceholders = ['name', 'group', 'memberCount'] as const;

/** Fills a welcome message template (lib/template.ts). Values are plain text: React escapes them when rendered. */
export function renderWelcome(template: string, values: { name: string; group: string; memberCount: number }) {
  return fillTemplate(template, welcomePlaceholders, values);
}
