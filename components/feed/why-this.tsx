import Link from 'next/link';
import { Sparkles } from '@/components/ui/icons';
import type { Explanation } from '@/lib/recommend/rank';
import { CalculationDetails } from './calculation-details';

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
      <CalculationDetails postId={postId} breakdown={explanation.breakdown} rankedAt={explanation.rankedAt?.toISOString()} />
    </div>
  );
}
