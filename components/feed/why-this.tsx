'use client';

import { Sparkles } from '@/components/ui/icons';
import type { Explanation } from '@/lib/recommend/rank';
import { CalculationDetails } from './calculation-details';

/**
 * Why a post is in For you, as one quiet line under its author line: the largest terms of its score, each linking to
 * the control that changes it, and the whole calculation one click away. The post leads; the reason follows. (The
 * post's age is on the author line already.) A Client Component: the page sends its words and numbers, not its
 * markup, so ten of them add little to the page's payload. Its links are plain <a>s: the card they stand in follows
 * them in the app (components/posts/in-app-links.ts).
 */
export function WhyThis({ explanation, postId }: { explanation: Explanation; postId: string }) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted">
      <Sparkles aria-hidden="true" className="size-3.5 shrink-0 text-accent" />
      <span className="sr-only">Why you see this: </span>
      {/* Each separator ends its reason, so a line that wraps breaks after a dot, never before one. */}
      {explanation.reasons.map((reason) => (
        <span key={reason.text}>
          <a href={reason.href} title={reason.label} className="underline decoration-dotted underline-offset-2 hover:text-ink hover:decoration-solid" data-testid="feed-reason">
            {reason.text}
          </a>
          <span aria-hidden="true" className="ml-2">
            ·
          </span>
        </span>
      ))}
      <CalculationDetails postId={postId} breakdown={explanation.breakdown} rankedAt={explanation.rankedAt?.toISOString()} className="open:basis-full" />
    </div>
  );
}
