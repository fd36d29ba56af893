import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { getAuditLog } from '@/lib/admin/queries';
import { plainValue } from '@/lib/format';

export const metadata: Metadata = { title: 'Audit log' };

const actionLabels: Record<string, string> = {
  first_admin: 'became the admin, as the first account',
  update_settings: 'changed the settings',
  grant_admin: 'made admin',
  grant_moderator: 'made moderator',
  revoke_admin: 'removed admin role of',
  revoke_moderator: 'removed moderator role of',
  suspend: 'suspended',
  unsuspend: 'lifted the suspension of',
  approve_registration: 'approved the registration of',
  reject_registration: 'rejected a registration',
  create_invite: 'created an invite link',
  revoke_invite: 'revoked an invite link',
  join_with_invite: 'joined with an invite link',
};

function detailText(details: Record<string, unknown>) {
  const parts: string[] = [];
  if (typeof details.reason === 'string' && details.reason) parts.push(`Reason: ${details.reason}`);
  if (typeof details.handle === 'string') parts.push(`@${details.handle}`);
  if (typeof details.note === 'string' && details.note) parts.push(`Note: ${details.note}`);
  if (typeof details.via === 'string') parts.push(`via ${details.via}`);
  if (details.changed && typeof details.changed === 'object') {
    for (const [key, change] of Object.entries(details.changed as Record<string, { from: unknown; to: unknown }>)) {
      parts.push(`${key}: ${plainValue(change.from)} → ${plainValue(change.to)}`);
    }
  }
  return parts;
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page } = await searchParams;
  const log = await getAuditLog(Number(page) || 1);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-muted">Everything the instance’s admins and moderators did, newest first. Accounts that were erased show as “someone”.</p>
      {log.rows.length === 0 ? (
        <EmptyState title="Nothing yet" />
      ) : (
        <ol className="flex flex-col divide-y divide-line rounded-2xl border border-line bg-surface">
          {log.rows.map((entry) => (
            <li key={entry.id} className="p-3 text-sm">
              <p>
                <time dateTime={entry.createdAt.toISOString()} className="text-muted">
                  {entry.createdAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
                </time>{' '}
                {entry.action === 'first_admin' || entry.action === 'join_with_invite' ? (
                  <>
                    <strong>{entry.targetHandle ? `@${entry.targetHandle}` : 'someone'}</strong> {actionLabels[entry.action]}
                  </>
                ) : (
                  <>
                    <strong>{entry.actorHandle ? `@${entry.actorHandle}` : entry.details.via ? 'The server’s operator' : 'someone'}</strong> {actionLabels[entry.action] ?? entry.action}
                    {entry.targetHandle ? ` @${entry.targetHandle}` : null}
                  </>
                )}
              </p>
              {detailText(entry.details).map((line) => (
                <p key={line} className="break-words text-muted">
                  {line}
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
      {log.pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {log.page > 1 && (
            <Link href={`/admin/audit?page=${log.page - 1}`} className="text-accent underline">
              Newer
            </Link>
          )}
          <span>
            Page {log.page} of {log.pages}
          </span>
          {log.page < log.pages && (
            <Link href={`/admin/audit?page=${log.page + 1}`} className="text-accent underline">
              Older
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
