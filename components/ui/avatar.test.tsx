import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { avatarPlaceholder, generatedAvatarUrl, resolvedBackground } from '@/lib/profiles/avatar';
import { Avatar } from './avatar';

describe('Avatar placeholder', () => {
  it('stands in the person’s colour and initial behind the picture until it loads', () => {
    const html = renderToStaticMarkup(<Avatar name="maya Kim" handle="maya" image={null} size={40} />);
    const colour = resolvedBackground('maya', '');
    expect(html).toMatch(new RegExp(`^<span [^>]*style="width:40px;height:40px;background-color:#${colour};color:#1f1a17;font-size:17px"><span aria-hidden="true">M</span><img `));
    expect(html).toContain(`src="${generatedAvatarUrl('maya').replaceAll('&', '&amp;')}"`);
    expect(html).toContain('alt=""');
  });

  it('takes the colour a generated avatar was drawn with, and writes white on a dark one', () => {
    expect(avatarPlaceholder('Ben', 'ben', '/api/avatar/rings/ben?bg=1f1a17&shape=rounded')).toEqual({ initial: 'B', background: '#1f1a17', ink: '#ffffff' });
    expect(avatarPlaceholder('Ben', 'ben', '/api/avatar/rings/ben?bg=fbe7dc&shape=rounded')).toEqual({ initial: 'B', background: '#fbe7dc', ink: '#1f1a17' });
  });

  it('falls back to the handle’s colour for uploaded pictures, and to the handle when the name is blank', () => {
    expect(avatarPlaceholder('  ', 'émile', '/api/media/abc?v=1')).toMatchObject({ initial: 'É', background: `#${resolvedBackground('émile', '')}` });
    expect(avatarPlaceholder('Ana', 'ana', '/api/avatar/thumbs/ana?bg=javascript:&shape=circle').background).toBe(`#${resolvedBackground('ana', '')}`);
  });
});
