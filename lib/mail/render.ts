// Every mail as multipart text + HTML, rendered when it is sent (lib/mail/worker.ts) from the plain-text body kept
// in the outbox: the community's name and mail language come from the site settings of that moment. Everything
// that came from a person (names, handles, addresses in the body) is escaped; the only markup is this template's.
import type { MailKind } from './outbox';
import { escapeHtml } from '@/lib/html';

export type RenderInput = {
  subject: string;
  /** Plain text; links on their own or inside a line are made clickable in the HTML part. */
  body: string;
  kind: MailKind;
  siteName: string;
  lang: string;
  /** The page to turn this kind of mail off (never for 'account' mail). */
  unsubscribeUrl?: string;
};

export type RenderedMail = { subject: string; text: string; html: string };

const kindWords: Record<Exclude<MailKind, 'account'>, string> = {
  digest: 'the digest',
  moderation: 'moderation mail',
};

/** A language tag safe to put in an attribute ("en", "pt-BR"); anything else falls back to English. */
export function safeLang(lang: string) {
  return /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang) ? lang : 'en';
}

/** Escaped text with http(s) links made into anchors (the link text is the address itself, escaped too). */
function linkify(text: string) {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((part, i) => (i % 2 === 1 ? `<a href="${escapeHtml(part)}" style="color:#b45309;word-break:break-all">${escapeHtml(part)}</a>` : escapeHtml(part)))
    .join('');
}

function footerText(input: RenderInput) {
  const lines = [`— ${input.siteName}`];
  if (input.kind !== 'account' && input.unsubscribeUrl) lines.push(`You get ${kindWords[input.kind]} from ${input.siteName}. To stop it: ${input.unsubscribeUrl}`);
  else lines.push(`This mail is about your account, so it is always sent.`);
  return lines.join('\n');
}

export function renderMail(input: RenderInput): RenderedMail {
  const subject = input.subject.replace(/[\r\n]+/g, ' ').trim();
  const text = `${input.body.trimEnd()}\n\n${footerText(input)}\n`;
  const paragraphs = input.body
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 16px">${linkify(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const site = escapeHtml(input.siteName);
  const unsubscribe =
    input.kind !== 'account' && input.unsubscribeUrl
      ? `<p style="margin:0">You get ${kindWords[input.kind]} from ${site}. <a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#6b7280">Unsubscribe from ${kindWords[input.kind]}</a></p>`
      : `<p style="margin:0">This mail is about your account, so it is always sent.</p>`;
  const html = `<!doctype html>
<html lang="${escapeHtml(safeLang(input.lang))}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f6f4f0;color:#1f2328;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;padding:24px 16px">
<p style="margin:0 0 16px;font-weight:700;font-size:18px">${site}</p>
<div style="background:#ffffff;border:1px solid #e5e0d8;border-radius:12px;padding:24px">
${paragraphs}
</div>
<div style="padding:16px 4px;color:#6b7280;font-size:13px">
${unsubscribe}
</div>
</div>
</body>
</html>
`;
  return { subject, text, html };
}
