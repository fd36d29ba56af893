import Link from 'next/link';
import { Flame } from '@/components/ui/icons';

export function Brand({ href = '/' }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 text-lg font-bold tracking-tight">
      <Flame aria-hidden="true" className="size-6 text-accent" />
      Hearth
    </Link>
  );
}
