import type { Metadata } from 'next';
import { RegistrationDecision } from '@/components/admin/registration-decision';
import { EmptyState } from '@/components/ui/empty-state';
import { getWaitingRegistrations } from '@/lib/admin/queries';

export const metadata: Metadata = { title: 'Registrations' };

export default async function AdminRegistrationsPage() {
  const waiting = await getWaitingRegistrations();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Registrations</h1>
      <p className="text-muted">
        Accounts with a confirmed address, waiting for an admin while registration needs approval. Approving lets them sign in; rejecting deletes the
        account. Either way they get an email, with your note if you write one.
      </p>
      {waiting.length === 0 ? (
        <EmptyState title="Nobody is waiting">New registrations appear here while the registration mode is “Approval”.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {waiting.map((r) => (
            <li key={r.userId} className="rounded-2xl border border-line bg-surface p-4">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-semibold">{r.name ?? r.handle}</span>
                <span className="text-sm text-muted">@{r.handle}</span>
                <span className="break-all text-sm text-muted">{r.email}</span>
                <time dateTime={r.requestedAt.toISOString()} className="ml-auto text-xs text-muted">
                  {r.requestedAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
                </time>
              </div>
              {r.question && (
                <dl className="mt-2 text-sm">
                  <dt className="text-muted">{r.question}</dt>
                  <dd className="mt-0.5 whitespace-pre-wrap">{r.answer || <em>No answer</em>}</dd>
                </dl>
              )}
              <div className="mt-3">
                <RegistrationDecision userId={r.userId} handle={r.handle} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
