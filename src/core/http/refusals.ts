/** Turns the refusals every use case shares into error pages; a route handles the rest (usually a form error). */
import { HttpError } from './errors.js';

export function throwIfNotFoundOrForbidden(reason: string): void {
  if (reason === 'not_found') throw new HttpError('not_found');
  if (reason === 'forbidden') throw new HttpError('forbidden');
}

/** For pages that show a form: the record-level policy answer decided before the form is rendered. */
export function assertAllowed(allowed: boolean): void {
  if (!allowed) throw new HttpError('forbidden');
}
