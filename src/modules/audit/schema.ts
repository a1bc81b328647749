/** The audit log viewer's filters, from the query string; anything unusable is ignored rather than refused. */
import { z } from 'zod';
import { cleanText, isValidIsoDate, isWithinDateYears } from '../../core/validation/fields.js';

const optionalToken = z.preprocess((value) => {
  const cleaned = cleanText(value);
  return typeof cleaned === 'string' && /^[a-z0-9_.:-]{1,80}$/i.test(cleaned) ? cleaned : null;
}, z.string().nullable());

const optionalDate = z.preprocess((value) => {
  const cleaned = cleanText(value);
  return typeof cleaned === 'string' && isValidIsoDate(cleaned) && isWithinDateYears(cleaned) ? cleaned : null;
}, z.string().nullable());

export const auditQuerySchema = z.object({
  entityType: optionalToken,
  entityId: optionalToken,
  action: optionalToken,
  actor: z.preprocess((value) => {
    const number = Number(cleanText(value));
    return Number.isSafeInteger(number) && number > 0 ? number : null;
  }, z.number().nullable()),
  from: optionalDate,
  to: optionalDate,
  /** Keyset cursor: the id of the last entry on the previous page. */
  after: z.preprocess((value) => {
    const number = Number(cleanText(value));
    return Number.isSafeInteger(number) && number > 0 ? number : null;
  }, z.number().nullable()),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
