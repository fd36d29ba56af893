import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { cn } from '@/lib/cn';
import { plural, timeAgo } from '@/lib/format';
import { banReportedAction, dismissReportsAction, lockReportedAction, removeReportedAction, suspendReportedAction } from '@/lib/reports/actions';
import type { Queue, QueueItem } from '@/lib/reports/queries';
import { QueueActionForm, QueueAnnouncer } from './queue-announcer';

const input = 'h-9 w-full min-w-0 rounded-md border border-line bg-surface px-2 text-sm';

const outcomeLabels: Record<string, string> = {
  dismissed: 'Dismissed — left up',
  removed: 'Removed',
  locked: 'Comments locked',
  banned: 'Author banned from the group',
  suspended: 'Account suspended',
  gone: 'Closed — the account was deleted',
};

function heading(item: QueueItem) {
  const who = item.target.personHandle ? `@${item.target.personHandle}` : 'a deleted account';
  switch (item.kind) {
    case 'post':
      return `Post by ${who}${item.target.groupName ? ` in ${item.target.groupName}` : ' on their profile'}`;
    case 'comment':
      return `Comment by ${who}`;
    case 'profile':
      return `Profile of ${who}`;
    case 'group':
      return `Group ${item.target.groupName ?? '(deleted)'}`;
  }
}

function Target({ item }: { item: QueueItem }) {
  const t = item.target;
  if (t.state === 'deleted') {
    return <p className="rounded-lg border border-dashed border-line px-3 py-2 text-sm text-muted">{item.kind === 'profile' ? 'This account no longer exists.' : item.kind === 'group' ? 'This group no longer exists.' : `This ${item.kind} was deleted by its author after it was reported.`}</p>;
  }
  return (
    <div className="flex flex-col gap-2">
      {t.state === 'removed' && (
        <p className="rounded-lg border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
          Removed{t.removedReason ? `: “${t.removedReason}”` : '.'}
        </p>
      )}
      <blockquote className="line-clamp-6 whitespace-pre-wrap break-words rounded-lg border-l-4 border-line bg-raised px-3 py-2 text-sm">{t.text}</blockquote>
      {t.link && (
        <p className="text-sm">
          <Link href={t.link} className="text-accent underline underline-offset-2">
            Open the {item.kind === 'comment' ? 'post it is under' : item.kind}
          </Link>
          {t.commentsLocked && <span className="text-muted"> · comments locked</span>}
        </p>
      )}
    </div>
  );
}

function Hidden({ queue, item }: { queue: string; item: QueueItem }) {
  return (
    <>
      <input type="hidden" name="queue" value={queue} />
      <input type="hidden" name="targetKind" value={item.kind} />
      <input type="hidden" name="targetId" value={item.targetId} />
    </>
  );
}

function Actions({ queue, item, title }: { queue: string; item: QueueItem; title: string }) {
  return (
    <div className="flex flex-col gap-3 border-t border-line pt-3">
      <QueueActionForm action={dismissReportsAction} submit="Dismiss" variant="secondary" size="sm" label={`Dismiss reports: ${title}`}>
        <Hidden queue={queue} item={item} />
        <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
          Note to the people who reported it (optional)
          <input name="note" maxLength={500} className={input} />
        </label>
      </QueueActionForm>
      {item.can.remove && (
        <QueueActionForm action={removeReportedAction} submit={`Remove ${item.kind}`} variant="danger" size="sm" label={`Remove: ${title}`}>
          <Hidden queue={queue} item={item} />
          <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
            Reason for removing (the author and the reporters see it)
            <input name="reason" required minLength={3} maxLength={500} className={input} />
          </label>
        </QueueActionForm>
      )}
      {item.can.lock && (
        <QueueActionForm action={lockReportedAction} submit="Lock comments" variant="secondary" size="sm" label={`Lock comments: ${title}`}>
          <Hidden queue={queue} item={item} />
        </QueueActionForm>
      )}
      {item.can.ban && (
        <QueueActionForm action={banReportedAction} submit="Ban from the group" variant="danger" size="sm" label={`Ban the author: ${title}`}>
          <Hidden queue={queue} item={item} />
          <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
            Reason for the ban (they see it)
            <input name="reason" required minLength={3} maxLength={500} className={input} />
          </label>
        </QueueActionForm>
      )}
      {item.can.suspend && (
        <QueueActionForm action={suspendReportedAction} submit="Suspend account" variant="danger" size="sm" label={`Suspend the account: ${title}`}>
          <Hidden queue={queue} item={item} />
          <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
            Reason for the suspension (they see it)
            <input name="reason" required minLength={3} maxLength={500} className={input} />
          </label>
        </QueueActionForm>
      )}
    </div>
  );
}

/** A report queue: one card per reported thing, oldest first, with what people said and what the viewer may do. */
export function ReportQueue({ queue, hrefFor, explainer }: { queue: Queue; hrefFor: (status: 'open' | 'resolved') => string; explainer: string }) {
  return (
    <QueueAnnouncer>
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">{explainer}</p>
      <nav aria-label="Report status" className="flex gap-2">
        {(['open', 'resolved'] as const).map((s) => (
          <Link
            key={s}
            href={hrefFor(s)}
            aria-current={queue.status === s ? 'page' : undefined}
            className={cn('rounded-full border border-line px-3 py-1 text-sm', queue.status === s && 'border-transparent bg-accent-soft text-accent')}
          >
            {s === 'open' ? 'Open' : 'Resolved'}
          </Link>
        ))}
      </nav>
      {queue.items.length === 0 ? (
        <EmptyState title={queue.status === 'open' ? 'Nothing to review' : 'Nothing resolved yet'}>
          {queue.status === 'open' ? 'When members report something, it waits here, oldest first.' : 'Reports you answer are kept here with what was decided.'}
        </EmptyState>
      ) : (
        <ol className="flex flex-col gap-4" aria-label={queue.status === 'open' ? 'Open reports' : 'Resolved reports'}>
          {queue.items.map((item) => {
            const title = heading(item);
            const headingId = `report-${item.key.replace(/[^a-z0-9-]/gi, '-')}`;
            return (
              <li key={item.key}>
                <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
                  <header className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 id={headingId} className="font-semibold">
                      {title}
                    </h3>
                    <p className="text-sm text-muted">
                      Reported by {plural(item.reporters, 'person', 'people')} · first {timeAgo(item.firstReportedAt)}
                    </p>
                  </header>
                  <ul className="flex flex-wrap gap-2 text-sm" aria-label="Reasons">
                    {item.reasons.map((r) => (
                      <li key={r.reason} className="rounded-full bg-raised px-2.5 py-0.5">
                        {r.label}
                        {r.count > 1 && <span className="text-muted"> × {r.count}</span>}
                      </li>
                    ))}
                  </ul>
                  {item.notes.length > 0 && (
                    <div className="text-sm">
                      <p className="font-medium">Notes from the people who reported it</p>
                      <ul className="mt-1 flex list-disc flex-col gap-1 pl-5">
                        {item.notes.map((note, i) => (
                          <li key={i} className="whitespace-pre-wrap break-words">
                            {note}
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                  <Target item={item} />
                  {item.resolved ? (
                    <p className="border-t border-line pt-3 text-sm">
                      <span className="font-medium">{outcomeLabels[item.resolved.outcome ?? ''] ?? 'Resolved'}</span>
                      {item.resolved.note && <> — “{item.resolved.note}”</>} · {timeAgo(item.resolved.at)}
                    </p>
                  ) : (
                    <Actions queue={queue.queue} item={item} title={title} />
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </div>
    </QueueAnnouncer>
  );
}
