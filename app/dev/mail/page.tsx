// The development mailbox: the mail Hearth wrote, newest first, with whether it was sent. Gone (404) in production
// whatever HEARTH_MAILBOX says, and to anyone but a signed-in instance admin (lib/mail/queries.ts).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getViewer } from '@/lib/auth/viewer';
import { getDevMailbox } from '@/lib/mail/queries';

export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false } };

function Linkified({ text }: { text: string }) {
  return text.split(/(https?:\/\/\S+)/).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="break-all underline">
        {part}
      </a>
    ) : (
      <span key={i}>{part}</span>
    ),
  );
}

export default async function DevMailPage() {
  const mail = await getDevMailbox(await getViewer());
  if (!mail) notFound();
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-4 p-4 sm:p-8">
      <h1 className="text-2xl font-bold">Development mailbox</h1>
      <p className="text-sm text-muted">Mail Hearth wrote, and whether it went out. Only shown in development, and only to instance admins.</p>
      {mail.length === 0 && <p>No mail yet.</p>}
      <ol className="flex flex-col gap-4">
        {mail.map((m) => (
          <li key={m.id}>
            <article aria-label={`To ${m.to}: ${m.subject}`} className="rounded-2xl border border-line bg-surface p-4">
              <h2 className="font-semibold">{m.subject}</h2>
              <p className="text-sm text-muted">
                To {m.to} · {m.status} · <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toISOString().replace('T', ' ').slice(0, 16)} UTC</time>
              </p>
              <p className="mt-3 whitespace-pre-wrap break-words text-sm">
                <Linkified text={m.body} />
              </p>
            </article>
          </li>
        ))}
      </ol>
    </main>
  );
}
