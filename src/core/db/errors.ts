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

/** The platform could not get a connection to the database at all (refused, timed out, or the server is starting). */
export class DatabaseUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`database unreachable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

/** Connection exception (class 08), the server shutting down or killing the session (57P01–57P03). */
const connectionCodes = /^(08...|57P0[123])$/;
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres reports a lost or unusable connection with these messages and no code.
const connectionMessages = /^(Connection terminated|Client has encountered a connection error|Client was closed)/;

/**
 * The connection to the database failed, as opposed to a statement being refused: the request could not be served
 * now and may succeed later (the `unavailable` error kind), and the process must go on.
 */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof DatabaseUnreachableError) return true;
  const code = codeOf(error);
  if (code && (connectionCodes.test(code) || networkCodes.has(code))) return true;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && connectionMessages.test(message);
}

/** A failed connection in one log line: its code and message; the stack of a lost connection tells nothing more. */
export function describeConnectionError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return [typeof code === 'string' ? code : undefined, typeof message === 'string' ? message : String(error)].filter(Boolean).join(' ');
}
