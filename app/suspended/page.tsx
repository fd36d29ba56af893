import type { Metadata } from 'next';
import { DeleteAccountForm } from '@/components/privacy/delete-account-form';
import { ExportButton } from '@/components/privacy/export-button';
import { Brand } from '@/components/shell/brand';
import { ThemeSwitcher } from '@/components/shell/theme-switcher';
import { getOwnSuspension } from '@/lib/admin/queries';
import { signOutAction } from '@/lib/auth/actions';
import { getAccountFacts } from '@/lib/privacy/queries';

export const metadata: Metadata = { title: 'Your account is suspended' };
// Personal data: never cached.
export const dynamic = 'force-dynamic';

/**
 * The one page a suspended person is sent to (every other page redirects here, every action but these refuses):
 * why, since when, whom to write to, and what they may still do — download their data, delete their account.
 */
export default async function SuspendedPage() {
  const suspension = await getOwnSuspension();
  const account = await getAccountFacts(suspension.viewer);
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex w-full max-w-3xl items-center justify-between gap-2 px-4 py-4">
        <Brand name={suspension.siteName} />
        <div className="flex items-center gap-2">
          <ThemeSwitcher />
          <form action={signOutAction}>
            <button type="submit" className="rounded-lg px-3 py-2 text-sm text-muted hover:bg-raised hover:text-ink">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="main" className="mx-auto flex max-w-3xl flex-col gap-6 px-4 pb-16">
        <section aria-labelledby="suspended-heading" className="rounded-2xl border border-danger/40 bg-surface p-6">
          <h1 id="suspended-heading" className="text-2xl font-bold">
            Your account is suspended
          </h1>
          <p className="mt-2 text-muted">
            Since{' '}
            <time dateTime={suspension.at.toISOString()}>{suspension.at.toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' })}</time>, @
            {suspension.viewer.handle} cannot post, comment, react, join groups or change anything on {suspension.siteName}. What you posted stays
            visible unless the moderators remove it.
          </p>
          <h2 className="mt-4 font-semibold">Why</h2>
          <p className="mt-1 whitespace-pre-wrap">{suspension.reason || 'No reason was given.'}</p>
          <p className="mt-4 text-sm">
            {suspension.contactEmail ? (
              <>
                To ask about it or appeal, write to{' '}
                <a href={`mailto:${suspension.contactEmail}`} className="font-medium text-accent underline">
                  {suspension.contactEmail}
                </a>
                .
              </>
            ) : (
              'To ask about it, contact the people who run this instance.'
            )}
          </p>
        </section>
        <section aria-labelledby="export" className="rounded-2xl border border-line bg-surface p-5">
          <h2 id="export" className="text-lg font-semibold">
            Download my data
          </h2>
          <p className="mb-3 mt-1 text-sm text-muted">Everything this instance keeps about you, in one ZIP file. Suspension does not change that it is yours.</p>
          <ExportButton />
        </section>
        <section aria-labelledby="erase" className="rounded-2xl border border-line bg-surface p-5">
          <h2 id="erase" className="text-lg font-semibold">
            Delete my account
          </h2>
          <p className="mb-3 mt-1 text-sm text-muted">Erases your account and what it holds, as from the privacy dashboard. This cannot be undone.</p>
          <DeleteAccountForm handle={account.handle} hasPassword={account.hasPassword} />
        </section>
      </main>
    </div>
  );
}
