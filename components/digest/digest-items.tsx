import Link from 'next/link';
import type { DigestItem } from '@/lib/digest/build';

/** The posts of a digest as the mail lists them: excerpt, author, group, and why each was chosen. */
export function DigestItems({ items }: { items: DigestItem[] }) {
  return (
    <ol className="flex flex-col divide-y divide-line" aria-label="Posts in the digest">
      {items.map((item) => (
        <li key={item.postId} className="py-3">
          <article aria-label={item.excerpt || 'A post with pictures'} className="flex flex-col gap-1 text-sm">
            <Link href={`/p/${item.postId}`} className="break-words font-medium hover:underline">
              {item.excerpt || '(a post with pictures)'}
            </Link>
            <p className="text-muted">
              by{' '}
              <Link href={`/u/${item.author.handle}`} className="hover:underline">
                {item.author.name}
              </Link>
              {item.group && (
                <>
                  {' '}
                  in{' '}
                  <Link href={`/g/${item.group.slug}`} className="hover:underline">
                    {item.group.name}
                  </Link>
                </>
              )}{' '}
              · <time dateTime={item.createdAt.toISOString()}>{item.createdAt.toUTCString().slice(0, 22)}</time>
            </p>
            {item.reasons.length > 0 && (
              <p className="text-muted">
                <span className="font-medium text-ink">Why: </span>
                {item.reasons.join(' · ')}
              </p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
