import type { Metadata } from 'next';
import Link from 'next/link';
import { UnsubscribeForm } from '@/components/mail/unsubscribe-form';
import { describeUnsubscribeLink } from '@/lib/mail/queries';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false }, referrer: 'no-referrer' };

const kindWords = { digest: 'the digest', moderation: 'moderation mail' } as const;

/** The page a mail's footer links to: a button, never an unsubscribe on opening (mail scanners open links). */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = describeUnsubscribeLink(decodeURIComponent(token));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Unsubscribe</h1>
      {link ? (
        <UnsubscribeForm token={decodeURIComponent(token)} what={kindWords[link.kind]} />
      ) : (
        <p>
          This unsubscribe link is not valid: copy the whole link from the mail. Signed in, you can choose which mail you get under{' '}
          <Link href="/notifications" className="underline">
            Notifications
          </Link>
          .
        </p>
      )}
    </div>
  );
}
