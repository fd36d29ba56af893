// The Audit log tab of a group's settings: who did what to whom, newest first.
import { dateTimeText, timeAgo } from '@/lib/format';
import { groupAuditText } from '@/lib/groups/audit-text';
import type { GroupSettings } from '@/lib/groups/queries';

export function AuditTab({ s }: { s: GroupSettings }) {
  if (s.audit.length === 0) return <p className="text-sm text-muted">Nothing has happened yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Audit log</caption>
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-1">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">To whom</th>
        </tr>
      </thead>
      <tbody>
        {s.audit.map((a) => {
          const said = groupAuditText(a.action, a.details);
          return (
          <tr key={a.id} className="border-b border-line align-top">
            <td className="py-1 text-muted">
              <time dateTime={new Date(a.createdAt).toISOString()} title={dateTimeText(new Date(a.createdAt))}>
                {timeAgo(new Date(a.createdAt))}
              </time>
            </td>
            <td>{a.actorHandle ? `@${a.actorHandle}` : 'someone'}</td>
            <td>
              {said.what}
              {said.lines.map((line) => (
                <span key={line} className="block text-xs text-muted">
                  {line}
                </span>
              ))}
            </td>
            <td>{a.targetHandle ? `@${a.targetHandle}` : ''}</td>
          </tr>
          );
        })}
      </tbody>
    </table>
  );
}
