import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Compass, Eye, PartyPopper, Shield, Users } from '@/components/ui/icons';
import { Brand } from '@/components/shell/brand';
import { ThemeSwitcher } from '@/components/shell/theme-switcher';
import { buttonClass } from '@/components/ui/button';
import { getViewer } from '@/lib/auth/viewer';

const promises = [
  { Icon: Users, title: 'Interest groups you shape', text: 'Gather around ceramics, night photography or trail running. Owners make each space their own, with roles and rules.' },
  { Icon: Compass, title: 'A feed that says why', text: 'Every recommendation carries its reason — “because you follow #ceramics” — and the control that changes it.' },
  { Icon: Eye, title: 'Nothing hidden about you', text: 'See every piece of data Hearth keeps, what it infers, and delete any of it, one item or all at once.' },
  { Icon: PartyPopper, title: 'Moments worth noticing', text: 'First posts, cake days and group milestones celebrated warmly — and only if you want them to be.' },
];

export default async function LandingPage({ searchParams }: { searchParams: Promise<{ erased?: string }> }) {
  if (await getViewer()) redirect('/feed');
  const { erased } = await searchParams;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between gap-3 px-4 py-4">
        <Brand />
        <nav aria-label="Account" className="flex items-center gap-2">
          <ThemeSwitcher className="hidden sm:inline-flex" />
          <Link href="/sign-in" className={buttonClass('ghost')}>
            Sign in
          </Link>
          <Link href="/sign-up" className={buttonClass('primary')}>
            Join
          </Link>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4">
        {erased && (
          <p role="status" className="mt-4 rounded-lg bg-raised px-3 py-2 text-sm text-success">
            Your account and everything Hearth kept about you are deleted. Thank you for having been part of Hearth.
          </p>
        )}
        <section className="py-12 sm:py-20">
          <h1 className="max-w-3xl text-4xl font-bold leading-tight tracking-tight sm:text-6xl">
            A community that feels personal, <span className="text-accent">without feeling watched.</span>
          </h1>
          <p className="mt-6 max-w-2xl text-lg text-muted">
            Hearth is open-source community software for interest groups. Show who you are, find your people, and get a feed that is
            personal and honest: every item says why it’s there, and everything behind it is yours to see, change or delete.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/sign-up" className={buttonClass('primary', 'lg')}>
              Create your account
            </Link>
            <Link href="/sign-in" className={buttonClass('secondary', 'lg')}>
              I already have one
            </Link>
          </div>
        </section>
        <section aria-labelledby="promises" className="pb-16">
          <h2 id="promises" className="sr-only">
            What Hearth promises
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {promises.map(({ Icon, title, text }) => (
              <li key={title} className="rounded-2xl border border-line bg-surface p-6">
                <Icon aria-hidden="true" className="size-6 text-accent" />
                <h3 className="mt-3 font-semibold">{title}</h3>
                <p className="mt-1 text-sm text-muted">{text}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="flex flex-wrap items-center justify-center gap-4 border-t border-line py-6 text-sm text-muted">
        <span>
          <Shield aria-hidden="true" className="mr-1 inline size-4" /> Open source. Your data stays yours.
        </span>
        <ThemeSwitcher className="sm:hidden" />
      </footer>
    </div>
  );
}
