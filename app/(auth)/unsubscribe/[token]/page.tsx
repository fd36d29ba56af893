import type { Metadata } from 'next';
import Link from 'next/link';
import { UnsubscribeForm } from '@/components/mail/unsubscribe-form';
import { describeUnsubscribeLink } from '@/lib/mail/queries';

// The token is in the address: only the origin is ever sent as Referer, never the path. (Not no-referrer: a form
// posted without JavaScript would then carry `Origin: null`, refused as sent from another site.)
export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false }, referrer: 'strict-origin' };

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
