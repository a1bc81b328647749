/** What a request asks to be answered with. */
import type { FastifyRequest } from 'fastify';

/** An API client (JSON, not a page). */
export function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}
