import Link from 'next/link';
import { Sparkles } from 'lucide-react';
import type { Explanation } from '@/lib/recommend/rank';

/** Why a post is in For you: the largest terms of its score, each linking to the control that changes it. */
export function WhyThis({ explanation, postId }: { explanation: Explanation; postId: string }) {
  return (
    <div className="mb-3 rounded-lg bg-raised px-3 py-2 text-sm">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Sparkles aria-hidden="true" className="size-4 shrink-0 text-accent" />
        <span className="sr-only">Why you see this: </span>
        {explanation.reasons.map((reason, i) => (
          <span key={reason.text}>
            {i > 0 && <span aria-hidden="true" className="mr-2 text-muted">·</span>}
            <Link href={reason.href} title={reason.label} className="font-medium hover:underline" data-testid="feed-reason">
              {reason.text}
            </Link>
          </span>
        ))}
        <span className="text-muted">· {explanation.age}</span>
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer text-xs text-muted hover:text-ink">Why this post? See the calculation</summary>
        <table className="mt-2 w-full text-xs" aria-label={`Score of this post`} id={`why-${postId}`}>
          <tbody>
            {explanation.breakdown.map((row) => (
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
          Score = reasons × freshness × engagement × anything you asked to see less of. <Link href="/settings/feed" className="underline">Change your feed</Link>
        </p>
      </details>
    </div>
  );
}
