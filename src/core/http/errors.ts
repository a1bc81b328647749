/** Every kind of error the platform answers with: a stable id, its HTTP status, and whether it deserves a report. */
import type { FastifyError } from 'fastify';
import { isConnectionError } from '../db/errors.js';

export const errorKinds = {
  bad_request: { status: 400, report: false },
  forbidden: { status: 403, report: false },
  csrf_invalid: { status: 403, report: false },
  not_found: { status: 404, report: false },
  method_not_allowed: { status: 405, report: false },
  payload_too_large: { status: 413, report: false },
  unsupported_media_type: { status: 415, report: false },
  too_many_requests: { status: 429, report: false },
  internal: { status: 500, report: true },
  // An outage fails hundreds of requests at once: each is logged in one line, without a stack (error-handler.tsx).
  unavailable: { status: 503, report: false },
} as const satisfies Record<string, { status: number; report: boolean }>;

export type ErrorKind = keyof typeof errorKinds;

/** Thrown by a route to answer with an error page, e.g. a record that does not exist. */
export class HttpError extends Error {
  readonly statusCode: number;

  constructor(readonly kind: ErrorKind) {
    super(kind);
    this.statusCode = errorKinds[kind].status;
  }
}

const byFastifyCode: Record<string, ErrorKind> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  // A static file path with a backslash, a NUL or a way out of public/ names no file there.
  FST_STATIC_FORBIDDEN_PATH: 'not_found',
};

/** How long a client should wait before trying again after a 503: about a health check's interval. */
export const retryAfterSeconds = 10;

/** Maps whatever was thrown to an error kind; anything unknown is an internal error. */
export function errorKindOf(error: unknown): ErrorKind {
  if (error instanceof HttpError) return error.kind;
  if (isConnectionError(error)) return 'unavailable';
  const fastifyError = error as Partial<FastifyError> | null;
  const code = fastifyError?.code;
  if (code && code in byFastifyCode) return byFastifyCode[code] as ErrorKind;
  const status = fastifyError?.statusCode;
  if (status === 400 || (fastifyError?.validation && status === undefined)) return 'bad_request';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'too_many_requests';
  // Any other client error a library raises is the request's fault: never a 500 with a stack in the log.
  if (status !== undefined && status >= 400 && status < 500) return 'bad_request';
  return 'internal';
}
