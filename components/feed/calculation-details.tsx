'use client';

import Link from 'next/link';
import { LazyDetails } from '@/components/ui/lazy-details';
import { timeAgo } from '@/lib/format';

/**
 * "Why this post?": the whole calculation behind a For you place, drawn when the person opens it (the numbers
 * arrive with the page; only the table waits for the click, so closed tables cost nothing to render). Without
 * JavaScript it is a link to /feed/why, which shows the same table.
 */
export function CalculationDetails({ postId, breakdown, rankedAt, className }: { postId: string; breakdown: { label: string; value: string }[]; rankedAt?: string; className?: string }) {
  return (
    <LazyDetails className={className} summaryClassName="cursor-pointer py-1 text-xs text-muted hover:text-ink" summary="See the calculation" noscriptHref={`/feed/why?post=${postId}`}>
      <CalculationTable postId={postId} breakdown={breakdown} rankedAt={rankedAt} />
    </LazyDetails>
  );
}

/** The calculation: each term of the score, then how they combine. */
export function CalculationTable({ postId, breakdown, rankedAt }: { postId: string; breakdown: { label: string; value: string }[]; rankedAt?: string }) {
  return (
      <>
        <table className="mt-2 w-full text-xs" aria-label="Score of this post" id={`why-${postId}`}>
          <tbody>
            {breakdown.map((row) => (
              <tr key={row.label} className="border-t border-line">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {row.label}
                </th>
                <td className="py-1 text-right font-mono tabular-nums">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-xs text-muted">
          Score = reasons × freshness × engagement × anything you asked to see less of.
          {rankedAt && <> Worked out {timeAgo(new Date(rankedAt))}: For you is ranked ahead of time, and again as soon as you change anything.</>}{' '}
          <Link href="/settings/feed" className="underline">
            Change your feed
          </Link>
        </p>
      </>
  );
}
