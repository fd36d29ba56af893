// Recognising constraint violations the same way on postgres.js and PGlite (drizzle may wrap either).
type PgErrorLike = { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };

function pgError(error: unknown): PgErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const e = current as PgErrorLike;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    current = e.cause;
  }
  return undefined;
}

/** The violated unique constraint's name, or undefined when the error is something else. */
export function uniqueViolation(error: unknown): string | undefined {
  const e = pgError(error);
  if (e?.code !== '23505') return undefined;
  return e.constraint_name ?? e.constraint ?? '';
}
