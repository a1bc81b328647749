/** The host's tools: the participants with the event's mix and feedback, the check-in list, and the sign-in sheet upload. */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { HttpError } from '../../core/http/errors.js';
import { idParam, idPattern } from '../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../core/http/refusals.js';
import { anonymous } from '../../core/policy/actor.js';
import { parseForm } from '../../core/validation/forms.js';
import { listPartners } from '../partners/service.js';
import { eventPath } from './routes.js';
import { checkInSchema } from './schema.js';
import * as service from './service.js';
import { CheckInPage, ParticipantsPage } from './views/HostPages.js';

const sheetMaxBytes = 1024 * 1024;

export const hostRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: sheetMaxBytes, files: 1, fields: 5, fieldSize: 1000 },
    // The sheet is small: read it whole, and say so if it is not UTF-8 rather than guess its encoding.
    async onFile(part: MultipartFile) {
      const content = await part.toBuffer();
      let text: string | null;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(content);
      } catch {
        text = null;
      }
      (part as unknown as { value: { filename: string; text: string | null; truncated: boolean } }).value = { filename: part.filename, text, truncated: part.file.truncated };
    },
  });

  async function hostedEvent(request: FastifyRequest): Promise<service.Event> {
    const event = await service.getEvent(db, idParam(request.params, 'eventId'));
    if (!event) throw new HttpError('not_found');
    assertAllowed(service.maySeeParticipants(request.actor, event));
    return event;
  }

  async function participantsPage(event: service.Event, extra: { sheet?: service.SheetReport; sheetError?: string } = {}) {
    const [participants, mix, feedback, partners] = await Promise.all([
      service.participantsOf(db, event.id),
      service.participationMixOf(db, event.id),
      service.feedbackSummaryOf(db, event.id),
      listPartners(db, anonymous, event.programmeId),
    ]);
    return <ParticipantsPage event={event} participants={participants} mix={mix} feedback={feedback} partnerNames={new Map(partners.map((partner) => [partner.id, partner.name]))} sheet={extra.sheet} sheetError={extra.sheetError} />;
  }

  app.get(`${eventPath}/participants`, { config: { action: 'event.participants.read' } }, async (request, reply) => reply.page(await participantsPage(await hostedEvent(request))));

  app.get(`${eventPath}/attendance`, { config: { action: 'event.attendance.record' } }, async (request, reply) => {
    const event = await hostedEvent(request);
    const given = (request.query as Record<string, unknown>).q;
    const query = typeof given === 'string' ? given.slice(0, 100) : '';
    return reply.page(<CheckInPage event={event} participants={await service.participantsOf(db, event.id)} query={query} />);
  });

  app.post(`${eventPath}/attendance/:registrationId${idPattern}`, { config: { action: 'event.attendance.record' } }, async (request, reply) => {
    const eventId = idParam(request.params, 'eventId');
    const registrationId = idParam(request.params, 'registrationId');
    const parsed = parseForm(checkInSchema, request.body);
    if (!parsed.ok) throw new HttpError('bad_request');
    const outcome = await service.setAttendance(db, request.actor, eventId, registrationId, parsed.data.attended);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      reply.setFlash({ kind: 'info', key: `events.refusals.${outcome.reason}` });
    } else {
      reply.setFlash({ kind: 'success', key: parsed.data.attended ? 'events.flash.checkedIn' : 'events.flash.checkInUndone', values: { name: outcome.value.name ?? '' } });
    }
    return reply.redirect(`/events/${eventId}/attendance#registration-${registrationId}`, 303);
  });

  app.post(`${eventPath}/attendance/sheet`, { config: { action: 'event.attendance.record' } }, async (request, reply) => {
    const event = await hostedEvent(request);
    const upload = ((request.body ?? {}) as Record<string, { value?: { filename: string; text: string | null; truncated: boolean } } | undefined>).sheet?.value;
    const sheetError = !upload || upload.filename === '' ? 'events.sheet.fileRequired' : upload.truncated ? 'events.sheet.tooLarge' : upload.text === null ? 'events.sheet.notUtf8' : undefined;
    if (sheetError || !upload?.text) return reply.page(await participantsPage(event, { sheetError: request.t(sheetError ?? 'events.sheet.fileRequired') }), 400);
    const outcome = await service.importSignInSheet(db, request.actor, event.id, upload.text);
    if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
    if (!outcome.ok || outcome.value.problems.length > 0) return reply.page(await participantsPage(event, outcome.ok ? { sheet: outcome.value } : {}), 400);
    reply.setFlash({ kind: 'success', key: 'events.flash.sheetImported', values: { matched: outcome.value.matched, newly: outcome.value.newlyAttended } });
    return reply.redirect(`/events/${event.id}/participants`, 303);
  });
};
