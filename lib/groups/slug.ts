// The address suggested for a new group from its name as it is typed ("Night Photographers" → night-photographers),
// in the shape slugSchema accepts: lowercase letters and digits joined by single dashes, accents folded, at most 40.

const maxSlugLength = 40;

export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlugLength)
    .replace(/-+$/, '');
}
