import Link from 'next/link';
import { Flame } from '@/components/ui/icons';

/** The community's name: the site name from the instance settings where the page knows it, else Hearth. */
export function Brand({ href = '/', name = 'Hearth' }: { href?: string; name?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 text-lg font-bold tracking-tight">
      <Flame aria-hidden="true" className="size-6 text-accent" />
      {name}
    </Link>
  );
}
