import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** One health figure: a number, what it counts, and a note when it needs attention. */
export function Stat({ label, value, note, warn = false }: { label: string; value: number; note?: ReactNode; warn?: boolean }) {
  return (
    <div className={cn('rounded-2xl border bg-surface p-4', warn ? 'border-danger/50' : 'border-line')}>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className={cn('mt-1 text-2xl font-bold tabular-nums', warn && 'text-danger')}>{value.toLocaleString('en')}</dd>
      {note && <dd className="mt-1 text-xs text-muted">{note}</dd>}
    </div>
  );
}
