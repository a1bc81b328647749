/**
 * The results downloads described for OpenAPI: /results/indicators.json as a zod schema (the routes write it and the
 * tests parse real responses with it), /results/indicators.csv with the same rows and filters.
 */
import { z } from 'zod';
import { jsonResponse, schemaRef, type ApiDescription, type ApiParameter, type ApiResponse } from '../../../core/http/openapi.js';
import { indicatorKinds, indicatorMethods } from '../tables.js';
import { units } from '../units.js';

export const indicatorFigureSchema = z
  .strictObject({
    code: z.string().meta({ description: 'The indicator’s code, unique in its programme' }),
    name: z.string().meta({ description: 'The indicator’s name in the language of the request, or in another one when it has none in that language' }),
    unit: z.enum(units),
    kind: z.enum(indicatorKinds),
    method: z.enum(indicatorMethods).meta({ description: 'computed from the platform’s records by a formula, or reported by the partners with evidence' }),
    level: z.enum(['programme', 'partner']),
    partner_id: z.number().int().nullable().meta({ description: 'The partner of a partner row; null for the programme’s row' }),
    partner: z.string().nullable().meta({ description: 'The partner’s name; null for the programme’s row' }),
    semester: z.number().int().min(1),
    as_at: z.iso.date().meta({ description: 'The last day of the semester: the value is as at the end of that day' }),
    baseline: z.number(),
    target: z.number().nullable().meta({ description: 'The programme’s target (programme row) or the partner’s target; null when none is set' }),
    value: z.number().meta({ description: 'Cumulative counts and sums up to the semester’s end; the state on that day for ratios' }),
    validated: z.boolean().meta({
      description:
        'True for computed values and for the sum of validated reports; false for a row that also adds the reports awaiting validation (shown only to the programme’s staff, beside the validated row)',
    }),
    evidence_count: z
      .number()
      .int()
      .min(0)
      .nullable()
      .meta({ description: 'Evidence items (links and files) of the reports counted; null for computed values' }),
  })
  .meta({ description: 'An indicator’s value for the programme or one partner as at the end of a semester' });
export type IndicatorFigureRecord = z.infer<typeof indicatorFigureSchema>;

export const indicatorFiguresDownloadSchema = z.array(indicatorFigureSchema);

const filters: ApiParameter[] = [
  { name: 'programme', in: 'query', description: 'The programme; the platform’s first programme when absent', schema: { type: 'integer', minimum: 1 } },
  {
    name: 'partner',
    in: 'query',
    description: 'Only this partner’s rows; the programme’s and every partner’s when absent',
    schema: { type: 'integer', minimum: 1 },
  },
  {
    name: 'semester',
    in: 'query',
    description: 'Only the values as at the end of this semester; every semester when absent',
    schema: { type: 'integer', minimum: 1 },
  },
];

const refusals: Record<string, ApiResponse> = {
  '400': jsonResponse('The partner is not one of the programme’s, or the semester is not one of its semesters', schemaRef('Error')),
  '404': jsonResponse('No such programme', schemaRef('Error')),
};

export const resultsApi: ApiDescription = {
  schemas: { IndicatorFigure: indicatorFigureSchema },
  paths: {
    '/results/indicators.json': {
      get: {
        operationId: 'downloadIndicatorFiguresJson',
        summary: 'The programme’s indicator values per partner and semester, as JSON',
        description:
          'Every enabled indicator the caller may see (public ones for everyone; the programme’s staff also see the others and the values awaiting validation, as separate rows), ' +
          'one row per indicator × programme or partner × semester. A value that is not a whole number is ignored.',
        tags: ['Results'],
        parameters: filters,
        responses: { '200': jsonResponse('The values', { type: 'array', items: schemaRef('IndicatorFigure') }), ...refusals },
      },
    },
    '/results/indicators.csv': {
      get: {
        operationId: 'downloadIndicatorFiguresCsv',
        summary: 'The programme’s indicator values per partner and semester, as CSV (UTF-8 with a byte order mark)',
        description: 'The same rows as `/results/indicators.json`, with the same filters, in the same columns.',
        tags: ['Results'],
        parameters: filters,
        responses: { '200': { description: 'The values', content: { 'text/csv': { schema: { type: 'string' } } } }, ...refusals },
      },
    },
  },
};
