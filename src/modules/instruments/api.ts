/**
 * The instrument catalogue's downloads, described for OpenAPI: /instruments.json as a zod schema (exchange.ts writes
 * it; the tests parse real responses with it), and the public CPSV-AP exports /instruments.jsonld and /instruments.ttl.
 */
import { z } from 'zod';
import { locales } from '../../core/i18n/locales.js';
import { jsonResponse, queryParametersFrom, schemaRef, type ApiDescription, type ApiParameter, type ApiResponse } from '../../core/http/openapi.js';
import { catalogueQuerySchema } from './schema.js';
import { audiences, channels, instrumentKinds, serviceLanguages, stages } from './tables.js';

export const catalogueRecordSchema = z
  .strictObject({
    id: z.number().int(),
    partner: z.string().meta({ description: 'The name of the partner authority that owns the instrument' }),
    name: z.string(),
    description: z.string(),
    text_language: z
      .enum(locales)
      .meta({ description: 'The language name, description, services and cost are written in (ISO 639-1); an import without the column reads en' }),
    kind: z.enum(instrumentKinds),
    stage: z.enum(stages).meta({ description: 'The current stage of the lifecycle' }),
    stage_since: z.iso.date().meta({ description: 'The day the instrument reached its current stage' }),
    theme: z.string().nullable().meta({ description: 'Theme code from the managed list' }),
    channels: z.array(z.enum(channels)).meta({ description: 'How users reach the service' }),
    audiences: z.array(z.enum(audiences)),
    languages: z.array(z.enum(serviceLanguages)).meta({ description: 'Languages the service is offered in (ISO 639-1)' }),
    is_free: z.boolean(),
    cost_description: z.string().meta({ description: 'What users pay; may be empty when the service is free' }),
    authentication: z.string().meta({ description: 'The electronic identification users sign in with (for example SPID, Smart-ID, BankID); empty if none' }),
    data_reused: z
      .string()
      .meta({ description: 'Registers or data the service takes from other authorities instead of asking users again (once-only); may be empty' }),
    licence: z.string().nullable().meta({ description: 'The open-source licence of the code, an SPDX identifier such as EUPL-1.2; null if not open source' }),
    repository_url: z.url().nullable().meta({ description: 'Where the source code is published' }),
    services: z.array(z.string()).meta({ description: 'Names of the public services the instrument delivers, in order' }),
    published: z.boolean().meta({ description: 'Only published instruments are visible to the public' }),
    contract_values_public: z.boolean().meta({ description: 'Whether the owner partner shows the contract values of its innovation chain to everyone' }),
    contract_value_eur: z.number().min(0).nullable().meta({
      description: 'The sum of the known contract values of the innovation chain, in euros; null when none is known or the caller may not see contract values',
    }),
  })
  .meta({ description: 'An instrument in the columns of the catalogue import (README), plus its id and contract total, which an import ignores' });
export type CatalogueRecord = z.infer<typeof catalogueRecordSchema>;

export const catalogueDownloadSchema = z.array(catalogueRecordSchema);

const catalogueFilters = queryParametersFrom(catalogueQuerySchema);

const programmeFilter: ApiParameter = {
  name: 'programme',
  in: 'query',
  description: 'Only this programme’s instruments; every programme’s when absent',
  schema: { type: 'integer', minimum: 1 },
};

const badProgramme: Record<string, ApiResponse> = { '400': jsonResponse('The programme is not a positive whole number', schemaRef('Error')) };

const cpsvDescription =
  'Every published instrument, public to everyone; each public service it delivers is a cpsv:PublicService whose competent authority is the owner partner.';

export const instrumentsApi: ApiDescription = {
  schemas: { InstrumentCatalogueRecord: catalogueRecordSchema },
  paths: {
    '/instruments.json': {
      get: {
        operationId: 'downloadInstrumentCatalogueJson',
        summary: 'The instrument catalogue as a JSON file',
        description:
          'Every instrument the caller may see that matches the catalogue’s filters (unusable filter values are ignored): the published ones, and for a signed-in session also the unpublished ones its roles may read. ' +
          'Ordered by name, or by relevance when `q` is given.',
        tags: ['Instruments'],
        parameters: catalogueFilters,
        responses: { '200': jsonResponse('The matching instruments', { type: 'array', items: schemaRef('InstrumentCatalogueRecord') }) },
      },
    },
    '/instruments.csv': {
      get: {
        operationId: 'downloadInstrumentCatalogueCsv',
        summary: 'The instrument catalogue as a CSV file (UTF-8 with a byte order mark)',
        description: 'The same instruments as `/instruments.json`, with the same filters, one row each, in the columns the catalogue import reads.',
        tags: ['Instruments'],
        parameters: catalogueFilters,
        responses: {
          '200': {
            description:
              'One row per instrument in the columns of InstrumentCatalogueRecord; yes/no for true/false; public services joined by " | ", other lists by semicolons',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
        },
      },
    },
    '/instruments.jsonld': {
      get: {
        operationId: 'exportInstrumentsCpsvJsonLd',
        summary: 'The published instruments as CPSV-AP 3.2.0 JSON-LD',
        description: cpsvDescription,
        tags: ['Instruments'],
        parameters: [programmeFilter],
        responses: {
          '200': {
            description: 'The catalogue as a JSON-LD document',
            content: {
              'application/ld+json': { schema: { type: 'object', description: 'A JSON-LD document with an @context and an @graph of CPSV-AP nodes' } },
            },
          },
          ...badProgramme,
        },
      },
    },
    '/instruments.ttl': {
      get: {
        operationId: 'exportInstrumentsCpsvTurtle',
        summary: 'The published instruments as CPSV-AP 3.2.0 Turtle',
        description: cpsvDescription,
        tags: ['Instruments'],
        parameters: [programmeFilter],
        responses: {
          '200': { description: 'The catalogue as an RDF graph', content: { 'text/turtle': { schema: { type: 'string' } } } },
          ...badProgramme,
        },
      },
    },
  },
};
