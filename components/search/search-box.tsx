'use client';

// The search box with type-ahead, after the WAI-ARIA combobox pattern (list autocomplete, grouped listbox):
// focus stays in the input while arrow keys move through the suggestions (aria-activedescendant), Enter opens
// the active one — or, with none active, submits the search to the results page — and Escape closes, then clears.
import { useActionState, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Search } from '@/components/ui/icons';
import { buttonClass } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { runSearchAction } from '@/lib/search/actions';
import type { Suggestion, Suggestions } from '@/lib/search/queries';

const sections = [
  ['groups', 'Groups'],
  ['people', 'People'],
  ['interests', 'Interests'],
  ['posts', 'Posts'],
] as const;

type Option = Suggestion & { key: string; section: string };

const DEBOUNCE_MS = 150;

export function SearchBox({
  variant,
  defaultValue = '',
  className,
  autoFocus,
  onDismiss,
}: {
  variant: 'header' | 'page';
  defaultValue?: string;
  className?: string;
  autoFocus?: boolean;
  /** Called when the person is done with the box: chose a suggestion, or pressed Escape on an empty box. */
  onDismiss?: () => void;
}) {
  const id = useId();
  const listboxId = `${id}-listbox`;
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(runSearchAction, {});
  const [value, setValue] = useState(defaultValue);
  const [results, setResults] = useState<Suggestions | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Only what the person typed asks for suggestions (not the value the page started with).
  const [typed, setTyped] = useState(false);

  useEffect(() => {
    const q = value.trim();
    if (!typed || !q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { Accept: 'application/json' } });
        const body = await response.json();
        if (!response.ok) {
          setProblem(body.error ?? 'Suggestions are not available right now.');
          setResults(null);
        } else {
          setProblem(null);
          setResults(body as Suggestions);
        }
        setActive(-1);
        setOpen(true);
      } catch (error) {
        if ((error as Error).name === 'AbortError') return;
        setProblem('Suggestions are not available right now — press Enter to search.');
        setOpen(true);
      }
    }, DEBOUNCE_MS);
    // A newer keystroke cancels both the wait and a request still in flight.
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value, typed]);

  const query = value.trim();
  let position = 0;
  const grouped = sections
    .map(([key, label]) => ({ key, label, options: (results?.[key] ?? []).map((s): Option & { index: number } => ({ ...s, key: `${key}-${s.id}`, section: key, index: 0 })) }))
    .filter((g) => g.options.length > 0)
    .map((g) => ({ ...g, options: g.options.map((o) => ({ ...o, index: position++ })) }));
  const everything: Option = { id: 'all', key: 'all', section: 'all', label: `Search for “${query}”`, detail: 'All results', href: `/search?q=${encodeURIComponent(query)}` };
  const options = [...grouped.flatMap((g) => g.options), ...(query ? [everything] : [])];
  const expanded = open && query.length > 0 && (results !== null || problem !== null);
  const optionId = (index: number) => `${id}-option-${index}`;
  const count = options.length - 1;

  function choose(option: Option) {
    setOpen(false);
    setActive(-1);
    // "Search for …" goes through the form, so the search is remembered like one typed and submitted.
    if (option.section === 'all') formRef.current?.requestSubmit();
    else {
      router.push(option.href);
      onDismiss?.();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length || (!results && !problem)) return;
      event.preventDefault();
      const down = event.key === 'ArrowDown';
      if (!expanded) {
        setOpen(true);
        setActive(down ? 0 : options.length - 1);
        return;
      }
      setActive((i) => (down ? (i + 1) % options.length : i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === 'Enter') {
      // With no suggestion chosen, Enter submits the form: the full results page.
      if (expanded && active >= 0 && options[active]) {
        event.preventDefault();
        choose(options[active]);
      }
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (value) {
        event.preventDefault();
        setValue('');
        setTyped(false);
      } else if (onDismiss) {
        event.preventDefault();
        onDismiss();
      }
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      role="search"
      aria-label={variant === 'header' ? 'Site search' : 'Search Hearth'}
      className={cn('relative', variant === 'page' && 'flex flex-wrap items-end gap-2', className)}
      onSubmit={() => setOpen(false)}
    >
      <div className={cn('relative', variant === 'page' && 'min-w-0 flex-1')}>
        <label htmlFor={`${id}-input`} className={variant === 'header' ? 'sr-only' : 'mb-1.5 block text-sm font-medium'}>
          Search Hearth
        </label>
        <Search aria-hidden="true" className={cn('pointer-events-none absolute left-3 size-4 text-muted', variant === 'header' ? 'top-2.5' : 'bottom-3')} />
        <input
          id={`${id}-input`}
          name="q"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          enterKeyHint="search"
          autoFocus={autoFocus}
          placeholder={variant === 'header' ? 'Search' : 'Posts, groups, people, #interests…'}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setTyped(true);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => results && setOpen(true)}
          onBlur={() => setOpen(false)}
          className={cn(
            'w-full rounded-lg border border-line bg-surface pl-9 pr-3 text-ink placeholder:text-muted',
            variant === 'header' ? 'h-9 text-sm' : 'h-10 text-base',
          )}
        />
        <span id={`${id}-hint`} className="sr-only">
          Suggestions appear as you type; use the arrow keys to choose one.
        </span>
        <div
          id={listboxId}
          role="listbox"
          aria-label={`Suggestions for ${query}`}
          hidden={!expanded}
          className={cn(
            'absolute z-40 mt-1 max-h-[70vh] overflow-y-auto rounded-xl border border-line bg-surface p-1 text-sm shadow-lg',
            'inset-x-0',
          )}
        >
          {problem && (
            <p role="presentation" className="px-3 py-2 text-muted">
              {problem}
            </p>
          )}
          {!problem && results && grouped.length === 0 && (
            <p role="presentation" className="px-3 py-2 text-muted">
              No quick matches — press Enter to search everything.
            </p>
          )}
          {grouped.map((group) => (
            <ul key={group.key} role="group" aria-labelledby={`${id}-${group.key}`} className="py-1">
              <li role="presentation" id={`${id}-${group.key}`} className="px-3 pb-1 pt-1.5 text-xs font-semibold uppercase tracking-wide text-muted">
                {group.label}
              </li>
              {group.options.map((option) => (
                <OptionRow key={option.key} option={option} id={optionId(option.index)} active={option.index === active} onChoose={choose} />
              ))}
            </ul>
          ))}
          {query && (
            <ul role="group" aria-label="All results" className="border-t border-line pt-1">
              <OptionRow option={everything} id={optionId(options.length - 1)} active={active === options.length - 1} onChoose={choose} />
            </ul>
          )}
        </div>
      </div>
      {variant === 'page' && (
        <button type="submit" className={buttonClass('primary')} disabled={pending}>
          Search
        </button>
      )}
      {/* Announced without moving focus; not role=status, so page status messages stay the only ones. */}
      <div aria-live="polite" className="sr-only">
        {expanded && results ? (count === 0 ? 'No suggestions.' : `${count} suggestion${count === 1 ? '' : 's'}.`) : ''}
      </div>
      {state.error && (
        <p role="alert" className="mt-1 basis-full text-sm text-danger">
          {state.fieldErrors?.q ?? state.error}
        </p>
      )}
    </form>
  );
}

function OptionRow({ option, id, active, onChoose }: { option: Option; id: string; active: boolean; onChoose: (o: Option) => void }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <li
      ref={ref}
      id={id}
      role="option"
      aria-selected={active}
      // Keep focus in the input: a click chooses without blurring first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onChoose(option)}
      className={cn('flex cursor-pointer flex-col rounded-lg px-3 py-1.5', active ? 'bg-accent-soft text-ink' : 'hover:bg-raised')}
    >
      <span className={cn('truncate', option.section === 'all' ? 'font-medium text-accent' : 'font-medium')}>{option.label}</span>
      <span className="truncate text-xs text-muted">{option.detail}</span>
    </li>
  );
}
