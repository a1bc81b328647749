/** Path parameters: ids are declared in the route path as digits only, so anything else is already a 404. */
import { HttpError } from './errors.js';

/** The numeric id route pattern, e.g. `/partners/:partnerId(^\\d+$)`. */
export const idPattern = '(^\\d{1,9}$)';

export function idParam(params: unknown, name: string): number {
  const raw = (params as Record<string, unknown> | null)?.[name];
  const id = typeof raw === 'string' ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new HttpError('not_found');
  return id;
}
