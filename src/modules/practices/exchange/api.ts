/**
 * The library's JSON API: the bodies of /practices, /practices/{id} and /practices/export.json as zod schemas
 * (json.ts and export.ts build them; the tests parse real responses with them) and their OpenAPI paths.
 */
import { z } from 'zod';
import { errorResponses, jsonResponse, queryParametersFrom, schemaRef, type ApiDescription } from '../../../core/http/openapi.js';
import { locales } from '../../../core/i18n/locales.js';
import { searchQuerySchema } from '../schema.js';
import { geographicalScopes, practiceStatuses } from '../tables.js';
import { exportColumns } from './export.js';

const url = z.url().meta({ description: 'The page of the record on the platform' });
const isoDate = z.iso.date().nullable();
const language = z.enum(locales).meta({ description: 'The language the entry is written in' });
const status = z.enum(practiceStatuses).meta({ description: 'Only published practices are visible to the public' });
const scope = z.enum(geographicalScopes).nullable();
const counts = z.record(z.string(), z.number().int()).meta({ description: 'Matching practices per value, each counted under the other filters' });

export const practiceDocumentSchema = z
  .strictObject({
    id: z.number().int(),
    url,
    status,
    language,
    title: z.string(),
    summary: z.string().max(500),
    objective: z.string(),
    description: z.string(),
    owner: z.strictObject({ partnerId: z.number().int(), partnerName: z.string().nullable(), organisationId: z.number().int().nullable() }),
    location: z.strictObject({
      country: z.string().length(2).nullable().meta({ description: 'ISO 3166-1 alpha-2' }),
      nuts: z.string().nullable(),
      city: z.string().nullable(),
    }),
    themes: z.array(z.string()).meta({ description: 'Theme codes from the managed list' }),
    keywords: z.array(z.string()),
    geographicalScope: scope,
    resources: z.strictObject({ description: z.string(), eur: z.number().nullable() }),
    timescale: z.strictObject({ start: isoDate, end: isoDate }),
    evidence: z.string(),
    transferPotential: z.string(),
    difficulties: z.string(),
    links: z.array(z.string()),
    contact: z
      .strictObject({ name: z.string().nullable(), email: z.string().nullable() })
      .nullable()
      .meta({ description: 'Personal data: given to signed-in callers only' }),
    translations: z.partialRecord(z.enum(locales), z.strictObject({ title: z.string().optional(), summary: z.string().optional() })),
    publishedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ description: 'A good practice, in the fields of the Interreg Europe template' });
export type PracticeDocument = z.infer<typeof practiceDocumentSchema>;

export const libraryDocumentSchema = z
  .strictObject({
    total: z.number().int(),
    page: z.number().int().min(1),
    pageCount: z.number().int().min(1),
    matchedAnyWord: z.boolean().meta({ description: 'No practice had every word of the query, so the results have some of them' }),
    suggestion: z
      .string()
      .nullable()
      .meta({ description: 'The query with its typos corrected, when a word matched nothing and a word written in the library is one or two letters away' }),
    results: z.array(
      z.strictObject({
        id: z.number().int(),
        url,
        status,
        language,
        title: z.string(),
        summary: z.string(),
        ownerPartnerId: z.number().int(),
        country: z.string().nullable(),
        geographicalScope: scope,
        themes: z.array(z.string()),
        publishedAt: z.iso.datetime().nullable(),
        snippet: z.string().meta({ description: 'The summary with the matched words between « and »' }),
      }),
    ),
    facets: z.strictObject({ theme: counts, country: counts, partner: counts, scope: counts, status: counts.optional().meta({ description: 'Staff only' }) }),
  })
  .meta({ description: 'One page of search results with the facet counts' });
export type LibraryDocument = z.infer<typeof libraryDocumentSchema>;

export const exportRecordSchema = z
  .strictObject(
    Object.fromEntries(
      exportColumns.map((column) => [
        column,
        column === 'id'
          ? z.number().int()
          : column === 'resources_eur'
            ? z.number().nullable()
            : ['themes', 'keywords', 'links'].includes(column)
              ? z.array(z.string())
              : z.string(),
      ]),
    ),
  )
  .meta({ description: 'A practice in the columns of the import (README: "Importing practices"), plus its id and address' });

/** The search's filters; the exports take them too, without the order and the page. */
const searchParameters = queryParametersFrom(searchQuerySchema.omit({ sort: true, page: true }));

export const practicesApi: ApiDescription = {
  schemas: { Practice: practiceDocumentSchema, Library: libraryDocumentSchema, PracticeExportRecord: exportRecordSchema },
  paths: {
    '/practices': {
      get: {
        operationId: 'searchPractices',
        summary: 'Search the good practice library',
        description: 'Send `Accept: application/json`. Relevance-ranked when `q` is given; 20 results per page.',
        tags: ['Good practices'],
        parameters: queryParametersFrom(searchQuerySchema),
        responses: { '200': jsonResponse('The page of results', schemaRef('Library')) },
      },
    },
    '/practices/{practiceId}': {
      get: {
        operationId: 'getPractice',
        summary: 'One good practice',
        description: 'Send `Accept: application/json`.',
        tags: ['Good practices'],
        parameters: [{ name: 'practiceId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: { '200': jsonResponse('The practice', schemaRef('Practice')), ...errorResponses },
      },
    },
    '/practices/export.json': {
      get: {
        operationId: 'exportPracticesJson',
        summary: 'Every practice matching a search, as a JSON file',
        tags: ['Good practices'],
        parameters: searchParameters,
        responses: { '200': jsonResponse('The matching practices, in id order', { type: 'array', items: schemaRef('PracticeExportRecord') }) },
      },
    },
    '/practices/export.csv': {
      get: {
        operationId: 'exportPracticesCsv',
        summary: 'Every practice matching a search, as a CSV file (UTF-8 with a byte order mark)',
        tags: ['Good practices'],
        parameters: searchParameters,
        responses: {
          '200': {
            description:
              'One row per practice, in the columns of PracticeExportRecord; lists joined by semicolons (links by line breaks), a separator inside an item escaped with a backslash; cells a spreadsheet would run as formulas start with an apostrophe',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
        },
      },
    },
  },
};
