import type { Metadata } from 'next';
import Link from 'next/link';
import { SessionsList } from '@/components/auth/sessions-list';
import { SignOutEverywhere } from '@/components/auth/sign-out-everywhere';
import { requireUser } from '@/lib/auth/viewer';
import { plural } from '@/lib/format';
import { ConsentSwitch } from '@/components/privacy/consent-switch';
import { DeleteAccountForm } from '@/components/privacy/delete-account-form';
import { GroupSuccessionNotice } from '@/components/privacy/group-succession-notice';
import { ExportButton } from '@/components/privacy/export-button';
import { ForgetCollectedOffer } from '@/components/privacy/forget-collected-offer';
import { RetentionForm } from '@/components/privacy/retention-form';
import { getAccountFacts, getGroupSuccession, getMyConsents, getMyRetention, getMySessions, getPrivacySummary } from '@/lib/privacy/queries';
import { purgeSummary, retentionDefaults, whenText } from '@/lib/privacy/retention-policy';
import { RelativeTime } from '@/components/ui/relative-time';

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
  // The page is long: a table of contents, one link a section (beside it on wide screens, above it on phones).
  const contents = [
    { id: 'export', label: 'Export your data' },
    { id: 'consents', label: 'What you allow' },
    { id: 'interests', label: 'What Hearth thinks you like' },
    { id: 'retention', label: 'How long Hearth keeps it' },
    ...categories.map((c) => ({ id: `cat-${c.category}`, label: c.label })),
    { id: 'sessions', label: 'Sessions' },
    { id: 'delete-account', label: 'Delete my account' },
  ];
  return (
    <div className="mx-auto grid max-w-5xl gap-6 lg:grid-cols-[13rem_minmax(0,48rem)]">
      <div className="lg:col-start-2">
        <h1 className="text-2xl font-bold">Your privacy</h1>
        <p className="mt-1 text-muted">Everything Hearth keeps about you, why it keeps it, and for how long.</p>
      </div>
      <nav aria-label="On this page" className="rounded-2xl border border-line bg-surface p-4 text-sm lg:sticky lg:top-20 lg:col-start-1 lg:row-span-2 lg:row-start-1 lg:self-start lg:border-0 lg:bg-transparent lg:p-0">
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">On this page</h2>
        <ol className="grid grid-cols-2 gap-x-4 gap-y-1.5 lg:grid-cols-1">
          {contents.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="text-ink hover:text-accent hover:underline">
                {s.label}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="flex min-w-0 flex-col gap-6 lg:col-start-2 lg:row-start-2">
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
          <p className="mt-1 text-sm text-muted">Nothing is on until you say yes. Each switch takes effect at once, and every answer is recorded below.</p>
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
            <p className="mt-1 text-sm text-muted">You have not answered any of these yet: each is off until you say yes.</p>
          ) : (
            <ol aria-labelledby="consent-log" className="mt-2 flex flex-col gap-1 text-sm">
              {consents.log.map((entry) => (
                <li key={entry.id}>
                  <time dateTime={entry.createdAt.toISOString()} className="text-muted">
                    {entry.createdAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
                  </time>{' '}
                  — {entry.label}: {entry.oldValue === entry.newValue ? (entry.newValue ? 'on' : 'off') : `${entry.oldValue ? 'on' : 'off'} → ${entry.newValue ? 'on' : 'off'}`}
                  {entry.where && <span className="text-muted"> ({entry.where})</span>}
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
          <Link href="/settings/privacy/interests" className="text-sm text-accent underline underline-offset-2">
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
                        <span className="font-medium text-ink">Last change:</span> <RelativeTime date={item.lastChange} />.
                      </>
                    )}
                  </p>
                  {item.browsable && (
                    <Link href={`/settings/privacy/${item.table}`} className="mt-1 inline-block text-sm text-accent underline underline-offset-2">
                      See and manage <span className="sr-only">{item.description}</span>
                    </Link>
                  )}
                </li>
              ))}
            </ul>
            {c.category === 'profile' && (
              <p className="mt-2 text-sm">
                <Link href="/settings/profile" className="text-accent underline underline-offset-2">
                  Edit your profile and interests
                </Link>
              </p>
            )}
          </section>
        ))}
        <SignOutEverywhere list={<SessionsList sessions={sessions} />}>
          To change your password, go to{' '}
          <Link href="/settings/account" className="text-accent underline underline-offset-2">
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
