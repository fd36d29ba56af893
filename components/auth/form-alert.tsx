/** A form-level error, announced when it appears (role="alert" scoped to the form, not Next's route announcer). */
export function FormAlert({ message, id }: { message?: string; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="rounded-lg border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
      {message}
    </p>
  );
}
