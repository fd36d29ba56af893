import type { Metadata } from 'next';
import Link from 'next/link';
import { SessionsList } from '@/components/auth/sessions-list';
import { SignOutEverywhere } from '@/components/auth/sign-out-everywhere';
import { requireUser } from '@/lib/auth/viewer';
import { plural, timeAgo } from '@/lib/format';
import { ConsentSwitch } from '@/components/privacy/consent-switch';
import { DeleteAccountForm } from '@/components/privacy/delete-account-form';
import { GroupSuccessionNotice } from '@/components/privacy/group-succession-notice';
import { ExportButton } from '@/components/privacy/export-button';
import { ForgetCollectedOffer } from '@/components/privacy/forget-collected-offer';
import { RetentionForm } from '@/components/privacy/retention-form';
import { getAccountFacts, getGroupSuccession, getMyConsents, getMyRetention, getMySessions, getPrivacySummary } from '@/lib/privacy/queries';
import { purgeSummary, retentionDefaults, whenText } from '@/lib/privacy/retention-policy';

export const metadata: Metadata = { title: 'Privacy' };
// Personal data: never cached anywhere.
export const dynamic = 'force-dynamic';

export default async function PrivacyPage() {
  const viewer = await requireUser('/settings/privacy');
  const [categories, account, sessions, consents, retention, succession] = await Promise.all([
    getPrivacySummary(viewer),
    getAccountFacts(viewer),
    getMySessions(viewer),
    getMyConsents(viewer),
    getMyRetention(viewer),
    getGroupSuccession(viewer),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">Your privacy</h1>
      <p className="mb-6 mt-1 text-muted">Everything Hearth keeps about you, why it keeps it, and for how long.</p>
      <div className="flex flex-col gap-6">
        <section aria-labelledby="export" className="rounded-2xl border border-line bg-surface p-5">
          <h2 id="export" className="text-lg font-semibold">
            Download my data
          </h2>
          <p className="mb-3 mt-1 text-sm text-muted">
            One ZIP file with everything below: a JSON file for each kind of data, your pictures, a manifest describing each file, and an
            index.html to browse it all.
          </p>
          <ExportButton />
        </section>
        <section aria-labelledby="consents" className="rounded-2xl border border-line bg-surface p-5">
          <h2 id="consents" className="text-lg font-semibold">
            What you allow
          </h2>
          <p className="mt-1 text-sm text-muted">Each switch takes effect at once. Every change is recorded below.</p>
          <div className="mt-2 divide-y divide-line">
            {consents.consents.map((c) => (
              <div key={c.kind}>
                <ConsentSwitch kind={c.kind} label={c.label} explanation={c.explanation} on={c.on} />
                {c.offer && <ForgetCollectedOffer scope={c.offer.scope} signals={c.offer.signals} topics={c.offer.topics} />}
              </div>
            ))}
          </div>
          <h3 id="consent-log" className="mt-4 font-semibold">
            Consent log
          </h3>
          {consents.log.length === 0 ? (
            <p className="mt-1 text-sm text-muted">You have not changed any of these yet.</p>
          ) : (
            <ol aria-labelledby="consent-log" className="mt-2 flex flex-col gap-1 text-sm">
              {consents.log.map((entry) => (
                <li key={entry.id}>
                  <time dateTime={entry.createdAt.toISOString()} className="text-muted">
                    {entry.createdAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
                  </time>{' '}
                  — {entry.label}: {entry.oldValue ? 'on' : 'off'} → {entry.newValue ? 'on' : 'off'}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="interests" className="rounded-2xl border border-line bg-surface p-5">
          <h2 id="interests" className="text-lg font-semibold">
            What Hearth thinks you like
          </h2>
          <p className="mb-2 mt-1 text-sm text-muted">
            Your interest profile: your own choices beside what Hearth inferred from your activity, how sure it is, and the signals behind each topic — pin,
            lower, ban or remove any of them, or reset it all.
          </p>
          <Link href="/settings/privacy/interests" className="text-sm text-accent hover:underline">
            See and change your interests
          </Link>
        </section>
        <section aria-labelledby="retention" className="rounded-2xl border border-line bg-surface p-5">
          <h2 id="retention" className="text-lg font-semibold">
            How long Hearth keeps it
          </h2>
          <p className="mt-1 text-sm text-muted">
            A purge runs every night and deletes what is older than you chose. Unless you choose otherwise, views and opens and searches go after{' '}
            {retentionDefaults.signals} days, notifications and inferred interests after {retentionDefaults.notifications} days.
          </p>
          <p className="mt-2 text-sm">
            <span className="font-medium">
              Next purge {whenText(retention.at, retention.now)}:
            </span>{' '}
            {purgeSummary(retention.counts)}.
          </p>
          <RetentionForm choices={retention.choices} />
        </section>
        {categories.map((c) => (
          <section key={c.category} aria-labelledby={`cat-${c.category}`} className="rounded-2xl border border-line bg-surface p-5">
            <h2 id={`cat-${c.category}`} className="flex items-baseline justify-between gap-3 text-lg font-semibold">
              {c.label}
              <span className="text-sm font-normal text-muted">{plural(c.total, 'item')}</span>
            </h2>
            <ul className="mt-3 divide-y divide-line">
              {c.items.map((item) => (
                <li key={item.table} className="py-3">
                  <p className="flex justify-between gap-3">
                    <span>{item.description}</span>
                    <span className="shrink-0 text-sm tabular-nums text-muted" aria-label={plural(item.count, 'item')}>
                      {item.count.toLocaleString('en')}
                    </span>
                  </p>
                  <p className="mt-1 text-sm text-muted">
                    <span className="font-medium text-ink">Why:</span> {item.purpose} <span className="font-medium text-ink">Kept:</span> {item.retention}.
                    {item.lastChange && (
                      <>
                        {' '}
                        <span className="font-medium text-ink">Last change:</span> <time dateTime={item.lastChange.toISOString()}>{timeAgo(item.lastChange)}</time>.
                      </>
                    )}
                  </p>
                  {item.browsable && (
                    <Link href={`/settings/privacy/${item.table}`} className="mt-1 inline-block text-sm text-accent hover:underline">
                      See and manage <span className="sr-only">{item.description}</span>
                    </Link>
                  )}
                </li>
              ))}
            </ul>
            {c.category === 'profile' && (
              <p className="mt-2 text-sm">
                <Link href="/settings/profile" className="text-accent hover:underline">
                  Edit your profile and interests
                </Link>
              </p>
            )}
          </section>
        ))}
        <SignOutEverywhere list={<SessionsList sessions={sessions} />}>
          To change your password, go to{' '}
          <Link href="/settings/account" className="text-accent hover:underline">
            Account and security
          </Link>
          .
        </SignOutEverywhere>
        <section aria-labelledby="delete-account" className="rounded-2xl border border-danger/40 bg-surface p-5">
          <h2 id="delete-account" className="text-lg font-semibold">
            Delete my account
          </h2>
          <p className="mb-4 mt-1 text-sm text-muted">
            Everything above is removed at once and every device is signed out. Your handle rests for 30 days before anyone else can take it.
          </p>
          <GroupSuccessionNotice succession={succession} />
          <DeleteAccountForm handle={account.handle} hasPassword={account.hasPassword} />
        </section>
      </div>
    </div>
  );
}
