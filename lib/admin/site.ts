// The instance's settings (name, description, rules, contact, mail language, registration mode): one row in
// `site_settings`, or these defaults until an admin saves it. Read per request (one indexed row); nothing is kept in
// memory, so a change shows on every instance at once.
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { siteSettings } from '@/db/schema';

export type SiteSettings = Omit<typeof siteSettings.$inferSelect, 'id' | 'updatedAt' | 'updatedById'>;

export const defaultSiteSettings: SiteSettings = {
  name: 'Hearth',
  description: 'A community platform: interest groups, expressive profiles and an honest, explained feed.',
  rules: [],
  contactEmail: '',
  mailLanguage: 'en',
  registrationMode: 'open',
  approvalQuestion: '',
};

export async function getSiteSettings(db: Executor): Promise<SiteSettings> {
  const [row] = await db.select().from(siteSettings).where(eq(siteSettings.id, 'site')).limit(1);
  if (!row) return defaultSiteSettings;
  const { id: _id, updatedAt: _at, updatedById: _by, ...settings } = row;
  return settings;
}
