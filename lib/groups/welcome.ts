/** Fills a welcome message template. Values are plain text: React escapes them when rendered. */
export function renderWelcome(template: string, values: { name: string; group: string; memberCount: number }) {
  return template.replace(/\{(name|group|memberCount)\}/g, (_, key: keyof typeof values) => String(key === 'memberCount' ? values.memberCount.toLocaleString('en') : values[key]));
}
