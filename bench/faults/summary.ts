// The fault bench's arithmetic, apart from the machinery so it can be tested: errors during the outage, seconds to
// recover once PostgreSQL is back, and acknowledged writes that are not in the database afterwards.

export type Attempt = {
  kind: 'post' | 'reaction';
  person: number;
  /** Seconds since the load began, when the request was sent and when its answer came. */
  at: number;
  end: number;
  /** Acknowledged: a 2xx answer carrying the action's success message. */
  ok: boolean;
  /** What identifies the write in the database (a post's marker, a reaction's person:post:emoji). */
  key: string;
  status?: number;
  detail?: string;
};

export type Outage = { from: number; back: number };

export function summarize(attempts: Attempt[], outage: Outage | undefined, stored: (a: Attempt) => boolean) {
  const failures = attempts.filter((a) => !a.ok).sort((a, b) => a.at - b.at);
  const lastFailure = failures[failures.length - 1];
  // Recovered: the first request sent after the last failure that succeeded (every later one succeeded too).
  const recoveredAt = lastFailure ? Math.min(...attempts.filter((a) => a.ok && a.at >= lastFailure.at).map((a) => a.at)) : 0;
  const recoverSeconds = !outage ? 0 : !lastFailure ? 0 : Number.isFinite(recoveredAt) ? Math.max(0, recoveredAt - outage.back) : Infinity;
  const windowEnd = outage ? Math.max(outage.back, Number.isFinite(recoveredAt) ? recoveredAt : Infinity) : 0;
  // Failed during the outage: still waiting for an answer when it began, and sent before Hearth had recovered.
  const during = outage ? failures.filter((a) => a.end >= outage.from && a.at <= windowEnd) : [];
  const outside = failures.length - during.length;
  const acknowledged = attempts.filter((a) => a.ok);
  const lost = acknowledged.filter((a) => !stored(a));
  const count = (kind: Attempt['kind'], list: Attempt[]) => list.filter((a) => a.kind === kind).length;
  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'never');

  const rows = [
    ['', 'posts', 'reactions', 'all'],
    ['sent', count('post', attempts), count('reaction', attempts), attempts.length],
    ['acknowledged (2xx + success)', count('post', acknowledged), count('reaction', acknowledged), acknowledged.length],
    ['failed during the outage', count('post', during), count('reaction', during), during.length],
    ['failed outside it', '', '', outside],
    ['acknowledged but lost', count('post', lost), count('reaction', lost), lost.length],
  ].map((r) => r.map(String));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const table = [
    ...rows.map((r) => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')),
    `  slowest answer ${fmt(Math.max(0, ...attempts.map((a) => a.end - a.at)))} s (requests sent during the outage wait for the database rather than fail)`,
    outage ? `  PostgreSQL down ${fmt(outage.back - outage.from)} s (from ${fmt(outage.from)} s); Hearth writing again ${fmt(recoverSeconds)} s after it was back` : '  no restart',
  ].join('\n');
  return {
    recoverSeconds,
    lost: lost.length,
    errorsDuring: during.length,
    errorsOutside: outside,
    failures,
    table,
    line: `faults recover_s=${fmt(recoverSeconds)} lost=${lost.length} errors_during=${during.length}`,
  };
}
