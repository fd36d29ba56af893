import { describe, expect, it } from 'vitest';
import { escapeHtml } from '@/lib/html';
import { renderMail, safeLang } from './render';

const base = { subject: 'Hello', body: 'Hi Maya,\n\nOpen https://hearth.example/a?b=1&c=2\n\nBye', siteName: 'Hearth', lang: 'en' } as const;

describe('renderMail', () => {
  it('escapes what people wrote and links only real http(s) addresses', () => {
    const { html, text } = renderMail({ ...base, kind: 'account', body: 'From <b onmouseover="x">Eve</b> & co: javascript:alert(1) https://ok.example/"><script>' });
    expect(html).toContain('From &lt;b onmouseover=&quot;x&quot;&gt;Eve&lt;/b&gt; &amp; co: javascript:alert(1)');
    expect(html).not.toMatch(/<script>|<b /);
    expect(html).toContain('<a href="https://ok.example/"');
    expect(text).toContain('From <b onmouseover="x">Eve</b> & co');
  });

  it('names the community, in its language, and keeps paragraphs', () => {
    const { html, text } = renderMail({ ...base, kind: 'account', siteName: 'Töpfer "Kreis"', lang: 'de-AT' });
    expect(html).toContain('<html lang="de-AT">');
    expect(html).toContain('Töpfer &quot;Kreis&quot;');
    expect(html.match(/<p style="margin:0 0 16px">/g)).toHaveLength(3);
    expect(text).toMatch(/— Töpfer "Kreis"\nThis mail is about your account, so it is always sent\.\n$/);
  });

  it('adds the unsubscribe link to mail a person can turn off, never to account mail', () => {
    const optional = renderMail({ ...base, kind: 'digest', unsubscribeUrl: 'https://hearth.example/unsubscribe/t&x' });
    expect(optional.text).toContain('To stop it: https://hearth.example/unsubscribe/t&x');
    expect(optional.html).toContain('<a href="https://hearth.example/unsubscribe/t&amp;x" style="color:#6b7280">Unsubscribe from the digest</a>');
    const account = renderMail({ ...base, kind: 'account', unsubscribeUrl: 'https://hearth.example/unsubscribe/t' });
    expect(account.html).not.toContain('Unsubscribe');
    expect(account.text).not.toContain('unsubscribe');
  });

  it('keeps subjects on one line and languages well-formed', () => {
    expect(renderMail({ ...base, kind: 'account', subject: 'Hi\r\nBcc: x@y' }).subject).toBe('Hi Bcc: x@y');
    expect(safeLang('en" onload="x')).toBe('en');
    expect(safeLang('pt-BR')).toBe('pt-BR');
    expect(escapeHtml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
  });
});
