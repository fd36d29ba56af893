import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cn } from '@/lib/cn';

type Labelled = { label: string; hint?: string; error?: string; name: string };
type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/** The frame every labelled control shares: label, control, hint and error, wired up for assistive technology. */
function FieldFrame({ label, hint, error, className, control }: Omit<Labelled, 'name'> & { className?: string; control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined })}
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

const control = 'rounded-lg border border-line bg-surface px-3 text-base text-ink';

/** A labelled input with its hint and error wired up for assistive technology. */
export function Field({ label, hint, error, className, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(props) => <input {...props} className={cn('h-11 placeholder:text-muted', control, error && 'border-danger')} {...input} />}
    />
  );
}

/** A labelled multi-line text box, wired like Field. */
export function TextAreaField({ label, hint, error, className, ...input }: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(props) => <textarea {...props} className={cn('min-h-28 py-2 placeholder:text-muted', control, error && 'border-danger')} {...input} />}
    />
  );
}

/** A labelled select, wired like Field. */
export function SelectField({ label, hint, error, className, children, ...input }: SelectHTMLAttributes<HTMLSelectElement> & Labelled) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      control={(props) => (
        <select {...props} className={cn('h-11', control, error && 'border-danger')} {...input}>
          {children}
        </select>
      )}
    />
  );
}
