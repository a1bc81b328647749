/** What the platform search is asked: words, the kinds of record to show, a page (when one kind is chosen). */
import { z } from 'zod';
import { cleanText, listOf, pageNumber } from '../../core/validation/fields.js';

/** As long as the library's search box takes: a longer text is someone pasting a document, not searching. */
export const maxQueryLength = 200;

/** A kind's name as search_documents writes it; whether such a kind is installed is checked by the service. */
const kindPattern = /^[a-z]{1,30}$/;

export const platformSearchSchema = z.object({
  q: z
    .preprocess(
      (value) => {
        const cleaned = cleanText(Array.isArray(value) ? value[0] : value);
        return typeof cleaned === 'string' ? cleaned.replace(/\s+/g, ' ') : '';
      },
      z.string().max(maxQueryLength, 'search.errors.q.tooLong'),
    )
    .meta({ description: `Words to search for (at most ${maxQueryLength} characters)` }),
  kind: z
    .preprocess((value) => [...new Set(listOf(value))].slice(0, 10), z.array(z.string().regex(kindPattern, 'search.errors.kind.unknown')))
    .meta({ description: 'Kinds of record to show (repeat for several): practice, event, plan, action, instrument, indicator' }),
  page: pageNumber,
});
export type PlatformSearchQuery = z.output<typeof platformSearchSchema>;
