import type { DayCount } from '@/lib/admin/dashboard';

const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * A small bar chart per day as inline SVG: one picture with a spoken summary (role="img" + aria-label), and the same
 * numbers as a table for anyone who wants them exactly (a disclosure, read by screen readers as a table).
 */
export function BarChart({ title, unit, data }: { title: string; unit: string; data: DayCount[] }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const total = data.reduce((sum, d) => sum + d.count, 0);
  const width = 300;
  const height = 80;
  const gap = 2;
  const bar = (width - gap * (data.length - 1)) / Math.max(1, data.length);
  const busiest = data.reduce((best, d) => (d.count > best.count ? d : best), data[0] ?? { day: '', count: 0 });
  const summary =
    total === 0
      ? `${title}: none in the last ${data.length} days.`
      : `${title}: ${total} ${unit} in the last ${data.length} days, most on ${dayLabel(busiest.day)} (${busiest.count}).`;
  return (
    <figure className="rounded-2xl border border-line bg-surface p-4">
      <figcaption className="mb-2 flex items-baseline justify-between gap-2">
        <span className="font-semibold">{title}</span>
        <span className="text-sm text-muted">
          {total} in {data.length} days
        </span>
      </figcaption>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} className="h-24 w-full text-accent" preserveAspectRatio="none">
        <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} className="stroke-line" strokeWidth="1" />
        {data.map((d, i) => {
          const h = d.count === 0 ? 0 : Math.max(2, (d.count / max) * (height - 4));
          return (
            <rect key={d.day} x={i * (bar + gap)} y={height - h} width={bar} height={h} rx="1" fill="currentColor">
              <title>{`${dayLabel(d.day)}: ${d.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="mt-1 flex justify-between text-xs text-muted" aria-hidden="true">
        <span>{data[0] && dayLabel(data[0].day)}</span>
        <span>{data.at(-1) && dayLabel(data.at(-1)!.day)}</span>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted">Show as a table</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title} per day</caption>
          <thead>
            <tr>
              <th scope="col" className="font-medium">
                Day
              </th>
              <th scope="col" className="text-right font-medium">
                {unit}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.day} className="border-t border-line">
                <td>{dayLabel(d.day)}</td>
                <td className="text-right tabular-nums">{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
