import type { Metadata } from 'next';
import Link from 'next/link';
import { DigestItems } from '@/components/digest/digest-items';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/viewer';
import { getDigestPreview } from '@/lib/digest/queries';

export const metadata: Metadata = { title: 'Preview my digest' };
export const dynamic = 'force-dynamic';

const dayText = (date: Date) => date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export default async function DigestPreviewPage() {
  const viewer = await requireUser('/settings/digest/preview');
  const { digest, mail, subscription } = await getDigestPreview(viewer);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Preview my digest</h1>
        <p className="mt-1 text-muted">
          Made now by the same code as the mail, covering what was posted since {dayText(digest.since)} (UTC){subscription?.lastSentAt ? ', your last digest' : ''}. The real
          mail starts after your last visit, so what you see today will not come again.{' '}
          {subscription ? (
            <>Your digest is {subscription.frequency}.</>
          ) : (
            <>
              You have not asked for a digest, so none is sent. <Link href="/settings/digest" className="underline">Choose one</Link>
            </>
          )}
        </p>
      </div>
      <section aria-labelledby="preview-posts" className="rounded-2xl border border-line bg-surface p-5">
        <h2 id="preview-posts" className="text-lg font-semibold">
          {digest.items.length === 0 ? 'Nothing new' : mail.subject}
        </h2>
        <p className="mb-2 mt-1 text-sm text-muted">
          {digest.order === 'for_you'
            ? 'Ordered the way your For you feed is, with the reason each post was chosen.'
            : 'Newest first: you chose the chronological feed, which uses no personal signals, so nothing here is ranked for you.'}
          {digest.note ? ` ${digest.note}` : ''}
        </p>
        {digest.items.length === 0 ? (
          <EmptyState title="Nothing new since then.">No mail would be sent: Hearth sends a digest only when something is new.</EmptyState>
        ) : (
          <DigestItems items={digest.items} />
        )}
      </section>
      {digest.items.length > 0 && (
        <details className="rounded-2xl border border-line bg-surface p-5 text-sm">
          <summary className="cursor-pointer font-medium">The mail as it would be sent</summary>
          <p className="mt-2 text-muted">Subject: {mail.subject}</p>
          <pre className="mt-2 whitespace-pre-wrap break-words font-sans">{mail.body}</pre>
        </details>
      )}
      <Link href="/settings/digest" className="text-sm text-accent underline underline-offset-2">
        Back to Email digest settings
      </Link>
    </div>
  );
}
