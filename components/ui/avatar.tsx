import { cn } from '@/lib/cn';

const palette = ['#b4471f', '#2f6f73', '#6a4c93', '#3d7a3a', '#a23b72', '#1f5fa8', '#8a6d1f', '#4b5563'];

function hashOf(text: string) {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h;
}

/** A person's picture, or a generated one: their initials on a colour picked from their handle. */
export function Avatar({ name, handle, image, size = 40, className }: { name: string; handle: string; image?: string | null; size?: number; className?: string }) {
  const style = { width: size, height: size };
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={image} alt="" width={size} height={size} className={cn('rounded-full object-cover', className)} style={style} />;
  }
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <span
      aria-hidden="true"
      className={cn('inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white', className)}
      style={{ ...style, backgroundColor: palette[hashOf(handle) % palette.length], fontSize: size * 0.38 }}
    >
      {initials}
    </span>
  );
}
