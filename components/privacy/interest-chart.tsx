import Link from 'next/link';
import { timeAgo } from '@/lib/format';
import type { InterestView } from '@/lib/privacy/queries';
import { choiceLabels, choiceWeights } from '@/lib/recommend/weights';

const strongestChoice = Math.max(...Object.values(choiceWeights));

/** A bar drawn for the eye; its number is always written beside it, so the bar itself is hidden from screen readers. */
function Bar({ value, tone = 'accent' }: { value: number; tone?: 'accent' | 'muted' | 'danger' }) {
  const width = `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%`;
  const color = tone === 'danger' ? 'bg-danger' : tone === 'muted' ? 'bg-muted' : 'bg-accent';
  return (
    <span aria-hidden="true" className="inline-block h-2 w-14 shrink-0 overflow-hidden rounded-full bg-raised align-middle sm:w-20">
      <span className={`block h-full rounded-full ${color}`} style={{ width }} />
    </span>
  );
}

/** A table cell that, on a phone, is a line of its own with the column's name in front. */
const mobileCell = 'py-2 pr-2 max-sm:flex max-sm:items-center max-sm:gap-2 max-sm:py-0.5 max-sm:pr-0';

/** The column's name, shown only on phones (where the header row is hidden); screen readers have the real header. */
function MobileLabel({ children }: { children: string }) {
  return (
    <span aria-hidden="true" className="w-24 shrink-0 text-xs text-muted sm:hidden">
      {children}
    </span>
  );
}

const confidenceText = { none: 'none', low: 'low', medium: 'medium', high: 'high' } as const;

/**
 * The interest profile as a chart people and screen readers can both read: a table, one row per topic, with the
 * person's own choice beside the inferred strength, each bar with its number.
 */
export function InterestChart({ interests, useInferred }: { interests: InterestView[]; useInferred: boolean }) {
  return (
    // On a phone each row becomes a small card (topic, then one line a column, each with its name), so nothing
    // scrolls sideways; the table stays a table for screen readers.
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm max-sm:block">
        <caption className="sr-only">Your interests: your own choice beside the interest Hearth inferred, with how sure it is</caption>
        <thead className="max-sm:sr-only">
          <tr className="border-b border-line text-xs text-muted">
            <th scope="col" className="py-2 pr-2 font-medium">
              Interest
            </th>
            <th scope="col" className="py-2 pr-2 font-medium">
              Your choice
            </th>
            <th scope="col" className="py-2 pr-2 font-medium">
              Inferred{useInferred ? '' : ' (not used now)'}
            </th>
            <th scope="col" className="py-2 font-medium">
              Confidence
            </th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {interests.map((i) => (
            <tr key={i.tag} className="border-b border-line last:border-0 max-sm:block max-sm:py-2">
              <th scope="row" className="py-2 pr-2 font-medium max-sm:block max-sm:py-0.5">
                <Link href={`#interest-${i.tag}`} className="hover:underline">
                  #{i.tag}
                </Link>
              </th>
              <td className={mobileCell}>
                <MobileLabel>Your choice</MobileLabel>
                <span className="flex items-center gap-2">
                  <Bar value={i.choice ? choiceWeights[i.choice] / strongestChoice : 0} tone={i.choice === 'hide' ? 'danger' : 'accent'} />
                  <span className="whitespace-nowrap">{i.choice ? (i.choice === 'hide' ? 'Banned' : `${choiceLabels[i.choice]} · ${choiceWeights[i.choice]}`) : 'None'}</span>
                </span>
              </td>
              <td className={mobileCell}>
                <MobileLabel>Inferred</MobileLabel>
                <span className="flex items-center gap-2">
                  <Bar value={i.strength} tone={useInferred ? 'accent' : 'muted'} />
                  <span className="whitespace-nowrap tabular-nums">
                    {i.inferredText}
                  </span>
                </span>
              </td>
              <td className={`${mobileCell} whitespace-nowrap`}>
                <MobileLabel>Confidence</MobileLabel>
                {confidenceText[i.confidence]} <span className="text-muted">({i.signals})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function lastChangedText(date: Date | null) {
  return date ? timeAgo(date) : 'never';
}
