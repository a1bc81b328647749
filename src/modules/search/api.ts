/** The platform search's JSON answer (GET /search with `Accept: application/json`): its zod schema and OpenAPI path. */
import { z } from 'zod';
import { jsonResponse, queryParametersFrom, schemaRef, type ApiDescription } from '../../core/http/openapi.js';
import { locales } from '../../core/i18n/locales.js';
import { plainMarked, unmarked } from '../../core/search/highlight.js';
import type { PlatformSearch } from './service.js';
import { platformSearchSchema } from './schema.js';

const resultSchema = z.strictObject({
  id: z.number().int().meta({ description: 'The id the index ranked (for a plan, its version; for an action, its version and key)' }),
  url: z.url().meta({ description: 'The record’s page on the platform' }),
  title: z.string(),
  snippet: z.string().meta({ description: 'A passage of the record with the matched words between « and »' }),
  language: z.enum(locales).nullable().meta({ description: 'The language title and snippet are written in' }),
  complete: z.boolean().meta({ description: 'Whether the record has every word of the query' }),
});

export const platformSearchDocumentSchema = z
  .strictObject({
    q: z.string(),
    total: z.number().int().meta({ description: 'Matches of the chosen kinds (of every kind when none is chosen) the caller may see' }),
    suggestion: z.string().nullable().meta({ description: 'The query with its typos corrected, when that finds more' }),
    partial: z.boolean().meta({ description: 'None of the results given has every word of the query' }),
    page: z.number().int(),
    pageCount: z.number().int(),
    groups: z.array(
      z.strictObject({
        kind: z.string().meta({ description: 'practice, event, plan, action, instrument or indicator' }),
        total: z.number().int(),
        results: z.array(resultSchema),
      }),
    ),
  })
  .meta({ description: 'Every kind of record with its count; results for the kinds shown' });

export type PlatformSearchDocument = z.output<typeof platformSearchDocumentSchema>;

export function platformSearchDocument(q: string, search: PlatformSearch, publicUrl: string): PlatformSearchDocument {
  return {
    q,
    total: search.total,
    suggestion: search.suggestion,
    partial: search.partial,
    page: search.page,
    pageCount: search.pageCount,
    groups: search.groups.map((group) => ({
      kind: group.kind,
      total: group.total,
      results: group.items.map((item) => ({
        id: item.id,
        url: `${publicUrl}${item.url}`,
        title: unmarked(item.title),
        snippet: plainMarked(item.snippet),
        language: item.language,
        complete: item.complete,
      })),
    })),
  };
}

export const searchApi: ApiDescription = {
  paths: {
    '/search': {
      get: {
        operationId: 'searchPlatform',
        summary: 'Search the whole platform',
        description:
          'Send `Accept: application/json`. Good practices, events, Regional Action Plans and their actions, eGovernment instruments and ' +
          'indicators, relevance-ranked, each kind as its owner shows it to the caller. Without `kind`, the best 3 of each; with one kind, ' +
          'pages of 20. A `q` longer than 200 characters or an unknown `kind` is refused with 400.',
        tags: ['Search'],
        parameters: queryParametersFrom(platformSearchSchema),
        responses: {
          '200': jsonResponse('The results, grouped by kind', schemaRef('PlatformSearch')),
          '400': jsonResponse('The query is too long or names an unknown kind', schemaRef('Error')),
        },
      },
    },
  },
  schemas: { PlatformSearch: platformSearchDocumentSchema },
};
