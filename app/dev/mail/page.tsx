// The development mailbox: the mail Hearth would have sent, newest first. Gone (404) in production unless
// HEARTH_MAILBOX=on (the browser journeys turn it on to follow confirmation links).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
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
  const mail = await getDevMailbox();
  if (!mail) notFound();
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-4 p-4 sm:p-8">
      <h1 className="text-2xl font-bold">Development mailbox</h1>
      <p className="text-sm text-muted">Mail Hearth would have sent. Only shown in development.</p>
      {mail.length === 0 && <p>No mail yet.</p>}
      <ol className="flex flex-col gap-4">
        {mail.map((m) => (
          <li key={m.id}>
            <article aria-label={`To ${m.to}: ${m.subject}`} className="rounded-2xl border border-line bg-surface p-4">
              <h2 className="font-semibold">{m.subject}</h2>
              <p className="text-sm text-muted">
                To {m.to} · <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toISOString().replace('T', ' ').slice(0, 16)} UTC</time>
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
