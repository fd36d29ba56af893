import { Monitor, Moon, Sun } from '@/components/ui/icons';
import { cookies } from 'next/headers';
import { cn } from '@/lib/cn';
import { setThemeAction } from '@/lib/theme/actions';
import { parseTheme, themeCookie, type Theme } from '@/lib/theme/theme';

const options: { value: Theme; label: string; Icon: typeof Sun }[] = [
  { value: 'system', label: 'Use system theme', Icon: Monitor },
  { value: 'light', label: 'Use light theme', Icon: Sun },
  { value: 'dark', label: 'Use dark theme', Icon: Moon },
];

// The form ignores the action's answer: only a hand-made request, with no theme or an unknown one, gets the error it carries.
const setTheme = setThemeAction as (formData: FormData) => Promise<void>;

/** Three buttons in one form: works without JavaScript and remembers the choice in a cookie. */
export async function ThemeSwitcher({ className }: { className?: string }) {
  const current = parseTheme((await cookies()).get(themeCookie)?.value);
  return (
    <form action={setTheme} className={cn('inline-flex rounded-lg border border-line p-0.5', className)} aria-label="Colour theme">
      {options.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="submit"
          name="theme"
          value={value}
          aria-label={label}
          aria-pressed={current === value}
          title={label}
          className={cn('rounded-md p-1.5 text-muted hover:text-ink', current === value && 'bg-raised text-ink')}
        >
          <Icon aria-hidden="true" className="size-4" />
        </button>
      ))}
    </form>
  );
}
