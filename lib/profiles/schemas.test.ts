import { describe, expect, it } from 'vitest';
import { linkSchema, profileSchema } from './schemas';

const valid = {
  name: 'Maya Kim',
  handle: 'maya_k',
  pronouns: 'she/her',
  bio: 'Potter. **Glazes** and [kilns](https://example.org).',
  location: 'Leeds',
  link1: 'https://example.org/maya',
  link2: '',
  link3: '',
  link4: '',
  accent: '#2f6f73',
  accentCustom: '',
  bannerGradient: 'dusk',
  layout: 'split',
  avatarStyle: 'lorelei',
  avatarBackground: 'b6e3f4',
  avatarShape: 'rounded',
  visibility: 'members',
  showPosts: 'on',
  showGroups: 'on',
  interest_ceramics: 'on',
  interest_baking: 'on',
  pinnedPostId: '',
  timeZone: 'Europe/London',
};

/** Like lib/action-state's fieldErrorsOf: the first message per field. */
function errorsFor(patch: Record<string, unknown>) {
  const result = profileSchema.safeParse({ ...valid, ...patch });
  const out: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

describe('profileSchema', () => {
  it('accepts a complete profile and shapes it for saving', () => {
    const data = profileSchema.parse(valid);
    expect(data).toMatchObject({
      name: 'Maya Kim',
      handle: 'maya_k',
      links: ['https://example.org/maya'],
      accent: '#2f6f73',
      layout: 'split',
      showPosts: true,
      showGroups: true,
      showInterests: false, // unchecked boxes are absent from a form
      showMilestones: false,
      suggestMe: false,
      interests: ['ceramics', 'baking'],
      timeZone: 'Europe/London',
    });
    expect(data).not.toHaveProperty('link1');
  });

  it.each([
    [{ name: '  ' }, 'name', 'Tell us what to call you.'],
    [{ name: 'x'.repeat(61) }, 'name', 'Names can be at most 60 characters.'],
    [{ handle: 'ab' }, 'handle', 'Handles are at least 3 characters.'],
    [{ handle: 'maya k' }, 'handle', 'Use only letters a–z, digits and underscores.'],
    [{ handle: 'settings' }, 'handle', 'That handle is reserved — try another.'],
    [{ pronouns: 'x'.repeat(41) }, 'pronouns', 'Pronouns can be at most 40 characters.'],
    [{ bio: 'x'.repeat(1001) }, 'bio', 'Your bio can be at most 1000 characters.'],
    [{ location: 'x'.repeat(81) }, 'location', 'Location can be at most 80 characters.'],
    [{ link2: 'javascript:alert(1)' }, 'link2', 'Only web links (http:// or https://) can go on a profile.'],
    [{ link3: 'ftp://files.example.org' }, 'link3', 'Only web links (http:// or https://) can go on a profile.'],
    [{ link4: 'https://user:pw@example.org' }, 'link4', 'Links can’t contain a user name or password.'],
    [{ link1: 'not a link' }, 'link1', 'That doesn’t look like a web address — try https://example.com.'],
    [{ accent: 'custom', accentCustom: '#f5d142' }, 'accent', 'White text on #f5d142 has a contrast of 1.49:1; readable text needs at least 4.5:1. Try a darker shade.'],
    [{ accent: 'custom', accentCustom: 'teal' }, 'accent', 'Enter a colour as # and six hex digits, like #2f6f73.'],
    [{ accent: '#ffffff' }, 'accent', 'White text on #ffffff has a contrast of 1.00:1; readable text needs at least 4.5:1. Try a darker shade.'],
    [{ bannerGradient: 'url(evil)' }, 'bannerGradient', 'Choose one of the banner gradients.'],
    [{ layout: 'grid' }, 'layout', 'Choose a layout.'],
    [{ avatarStyle: 'avataaars' }, 'avatarStyle', 'Choose one of the avatar styles.'],
    [{ avatarBackground: '123456' }, 'avatarBackground', 'Choose one of the background colours.'],
    [{ avatarShape: 'hexagon' }, 'avatarShape', 'Choose an avatar shape.'],
    [{ visibility: 'friends' }, 'visibility', 'Choose who can see your profile.'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'Choose a time zone from the list.'],
    [{ interest_a: 'on', interest_b: 'on', interest_c: 'on', interest_d: 'on', interest_e: 'on', interest_f: 'on', interest_g: 'on' }, 'interests', 'Showcase at most 8 interests.'],
    [{ 'interest_Bad Slug': 'on' }, 'interests', 'Unknown interest.'],
  ])('refuses a bad value for %#', (patch, field, message) => {
    expect(errorsFor(patch)[field]).toBe(message);
  });

  it('takes a custom accent when it is dark enough, and lower-cases it', () => {
    expect(profileSchema.parse({ ...valid, accent: 'custom', accentCustom: '#1F5FA8' }).accent).toBe('#1f5fa8');
    expect(profileSchema.parse({ ...valid, accent: '' }).accent).toBe('');
  });

  it('keeps at most four links, in order, skipping empty ones', () => {
    const data = profileSchema.parse({ ...valid, link1: '', link2: 'example.org/a', link3: 'http://example.net', link4: 'https://example.com/x?y=1' });
    expect(data.links).toEqual(['https://example.org/a', 'http://example.net/', 'https://example.com/x?y=1']);
  });
});

describe('linkSchema', () => {
  it.each([
    ['https://example.org', 'https://example.org/'],
    ['example.org/me', 'https://example.org/me'],
    ['HTTP://Example.org', 'http://example.org/'],
    ['', ''],
  ])('accepts %s', (input, output) => {
    expect(linkSchema.parse(input)).toBe(output);
  });

  it.each(['data:text/html,hi', 'mailto:me@example.org', 'javascript://example.org/%0aalert(1)', 'https://localhost', 'x'.repeat(301)])('refuses link %#', (input) => {
    expect(linkSchema.safeParse(input).success).toBe(false);
  });
});
