/** Recognises PostgreSQL errors that are expected outcomes rather than bugs (same codes from pg and PGlite). */

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A unique constraint refused the row: somebody else took the name (or number) first. */
export function isUniqueViolation(error: unknown): boolean {
  return codeOf(error) === '23505';
}

/** A foreign key refused a delete: other records still point at this one. */
export function isForeignKeyViolation(error: unknown): boolean {
  return codeOf(error) === '23503';
}

/** The name of the constraint or index that refused a row (pg sets `constraint`; the message names it for both). */
export function violatedConstraint(error: unknown): string | undefined {
  const candidate = error as { constraint?: unknown; message?: unknown } | null;
  if (typeof candidate?.constraint === 'string') return candidate.constraint;
  return typeof candidate?.message === 'string' ? /constraint "([^"]+)"/.exec(candidate.message)?.[1] : undefined;
}
