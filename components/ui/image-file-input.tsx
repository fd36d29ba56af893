'use client';
// A file input for images that checks sizes in the browser, before anything is sent: a submission over the Server
// Action body limit would be refused by Next with a bare error, never reaching the action that explains it.
import { useId, useState, type ChangeEvent } from 'react';
import { cn } from '@/lib/cn';
import { acceptedImageTypes, imageFilesProblem } from '@/lib/media/limits';

/** Checks the chosen files and keeps the input invalid, so that no form submits it, until they can be sent. */
export function checkChosenImages(input: Pick<HTMLInputElement, 'files' | 'setCustomValidity'>, maxFiles: number): string | null {
  const problem = imageFilesProblem(Array.from(input.files ?? []), maxFiles);
  input.setCustomValidity(problem ?? '');
  return problem;
}

export function ImageFileInput({
  label,
  hint,
  name,
  multiple = false,
  maxFiles = multiple ? Infinity : 1,
  required,
  error,
  onProblem,
  className,
}: {
  label: string;
  hint?: string;
  name: string;
  multiple?: boolean;
  maxFiles?: number;
  required?: boolean;
  /** The server's answer for this field, shown (and announced) when the browser found nothing wrong. */
  error?: string;
  /** Told whenever the chosen files become sendable (null) or not (the message). */
  onProblem?: (problem: string | null) => void;
  className?: string;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const message = problem ?? error;
  const hintId = hint ? `${id}-hint` : undefined;
  const messageId = message ? `${id}-error` : undefined;

  function check(event: ChangeEvent<HTMLInputElement>) {
    const found = checkChosenImages(event.currentTarget, maxFiles);
    setProblem(found);
    onProblem?.(found);
  }

  return (
    <div className={cn('flex flex-col gap-1.5 text-sm', className)}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        multiple={multiple}
        required={required}
        accept={acceptedImageTypes}
        onChange={check}
        aria-invalid={message ? true : undefined}
        aria-describedby={[hintId, messageId].filter(Boolean).join(' ') || undefined}
        className="text-sm font-normal"
      />
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {message && (
        <p id={messageId} role="alert" className="text-sm text-danger">
          {message}
        </p>
      )}
    </div>
  );
}
