/** The events' JSON API: /events and /events/{eventId} with Accept: application/json, described for OpenAPI. */
import { z } from 'zod';
import { errorResponses, jsonResponse, queryParametersFrom, schemaRef, type ApiDescription } from '../../../core/http/openapi.js';
import { pageNumber } from '../../../core/validation/fields.js';
import { eventListQuerySchema } from '../schema.js';
import { eventFormats, eventTypes } from '../tables.js';

export const eventDocumentSchema = z
  .strictObject({
    id: z.number().int(),
    url: z.url(),
    calendarUrl: z.url().meta({ description: 'The event as an iCalendar file' }),
    type: z.enum(eventTypes),
    title: z.string(),
    description: z.string(),
    themeCode: z.string().nullable(),
    hostPartnerId: z.number().int(),
    visitingPartnerIds: z.array(z.number().int()),
    format: z.enum(eventFormats),
    venue: z.string(),
    timeZone: z.string().meta({ description: 'IANA time zone the event is held in' }),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    capacity: z.number().int().nullable(),
    registrationDeadline: z.iso.datetime().nullable(),
    registered: z.number().int(),
    waiting: z.number().int(),
    agenda: z.array(z.strictObject({ time: z.string().nullable(), title: z.string() })),
    practiceIds: z.array(z.number().int()).meta({ description: 'The good practices presented or studied' }),
  })
  .meta({ description: 'An event; the people registered for it are never part of it' });
export type EventDocument = z.infer<typeof eventDocumentSchema>;

export const eventListDocumentSchema = z
  .strictObject({
    total: z.number().int(),
    page: z.number().int().min(1),
    pageCount: z.number().int().min(1),
    results: z.array(
      z.strictObject({
        id: z.number().int(),
        url: z.url(),
        type: z.enum(eventTypes),
        title: z.string(),
        hostPartnerId: z.number().int(),
        format: z.enum(eventFormats),
        timeZone: z.string(),
        startsAt: z.iso.datetime(),
        endsAt: z.iso.datetime(),
        capacity: z.number().int().nullable(),
        registered: z.number().int(),
        waiting: z.number().int(),
      }),
    ),
  })
  .meta({ description: 'One page of events' });
export type EventListDocument = z.infer<typeof eventListDocumentSchema>;

export const eventsApi: ApiDescription = {
  schemas: { Event: eventDocumentSchema, EventList: eventListDocumentSchema },
  paths: {
    '/events': {
      get: {
        operationId: 'listEvents',
        summary: 'Upcoming or past events',
        description: 'Send `Accept: application/json`. 20 events per page.',
        tags: ['Events'],
        parameters: queryParametersFrom(eventListQuerySchema.extend({ page: pageNumber })),
        responses: { '200': jsonResponse('The page of events', schemaRef('EventList')) },
      },
    },
    '/events/{eventId}': {
      get: {
        operationId: 'getEvent',
        summary: 'One event',
        description: 'Send `Accept: application/json`.',
        tags: ['Events'],
        parameters: [{ name: 'eventId', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: { '200': jsonResponse('The event', schemaRef('Event')), ...errorResponses },
      },
    },
  },
};
