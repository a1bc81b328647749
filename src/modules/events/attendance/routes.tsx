/** The host's tools: the participants with the event's mix and feedback, the check-in list, and the sign-in sheet upload. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { readFile } from 'node:fs/promises';
import { HttpError } from '../../../core/http/errors.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import { acceptUploads, oneFile, uploadedFile, uploadError, uploadOf } from '../../../core/http/uploads.js';
import { anonymous, type Actor } from '../../../core/policy/actor.js';
import { parseForm, type FormState } from '../../../core/validation/forms.js';
import { listPartners } from '../../partners/service.js';
import { eventPath } from '../hosting/routes.js';
import { checkInSchema } from '../schema.js';
import { feedbackSummaryOf } from '../feedback/service.js';
import { getEvent, mayManage, maySeeParticipants, type Event } from '../hosting/service.js';
import { participantMail } from '../registration/links.js';
import { cancelRegistrationOfEvent, participantsOf } from '../registration/service.js';
import { confirmedAction } from '../../../core/http/confirmed-action.js';
import * as service from './service.js';
import { CheckInPage, ParticipantsPage } from './views/HostPages.js';

/** The check-in list's search, from its query string or carried by a check-in form. */
function searchOf(given: unknown): string {
  return typeof given === 'string' ? given.trim().slice(0, 100) : '';
}

/** The sheet's text, or undefined when it is not UTF-8: saying so beats guessing its encoding. */
function utf8Text(content: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return undefined;
  }
}

export const attendanceRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const mail = participantMail(app);

  await acceptUploads(app, oneFile(service.signInSheetMaxMegabytes));

  async function hostedEvent(request: FastifyRequest): Promise<Event> {
    const event = await getEvent(db, idParam(request.params, 'eventId'));
    if (!event) throw new HttpError('not_found');
    assertAllowed(maySeeParticipants(request.actor, event));
    return event;
  }

  async function participantsPage(actor: Actor, event: Event, extra: { sheet?: service.SheetReport; sheetState?: FormState } = {}) {
    const [participants, mix, feedback, partners] = await Promise.all([
      participantsOf(db, event.id),
      service.participationMixOf(db, event.id),
      feedbackSummaryOf(db, event.id),
      listPartners(db, anonymous, event.programmeId),
    ]);
    return (
      <ParticipantsPage
        event={event}
        participants={participants}
        mix={mix}
        feedback={feedback}
        regionNames={new Map(partners.map((partner) => [partner.id, partner.nutsName || partner.name]))}
        mayCancel={mayManage(actor, event)}
        sheet={extra.sheet}
        sheetState={extra.sheetState}
      />
    );
  }

  app.get(`${eventPath}/participants`, { config: { action: 'event.participants.read' } }, async (request, reply) =>
    reply.page(await participantsPage(request.actor, await hostedEvent(request))),
  );

  app.get(`${eventPath}/attendance`, { config: { action: 'event.attendance.record' } }, async (request, reply) => {
    const event = await hostedEvent(request);
    const query = searchOf((request.query as Record<string, unknown>).q);
    return reply.page(<CheckInPage event={event} participants={await participantsOf(db, event.id)} query={query} />);
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
      reply.setFlash({
        kind: 'success',
        key: parsed.data.attended ? 'events.flash.checkedIn' : 'events.flash.checkInUndone',
        values: { name: outcome.value.name ?? '' },
      });
    }
    // Back to the same search, at the person's row: the host at the door goes on from where they were.
    const query = searchOf((request.body as Record<string, unknown>).q);
    const search = query === '' ? '' : `?${new URLSearchParams({ q: query }).toString()}`;
    return reply.redirect(`/events/${eventId}/attendance${search}#registration-${registrationId}`, 303);
  });

  // The host's staff cancel a registration (someone phoned to say they cannot come), after confirming on a page.
  confirmedAction(
    app,
    `${eventPath}/participants/:registrationId${idPattern}/cancellation`,
    { action: 'event.manage' },
    {
      ask: async (request) => {
        const event = await hostedEvent(request);
        assertAllowed(mayManage(request.actor, event));
        const registrationId = idParam(request.params, 'registrationId');
        const participant = (await participantsOf(db, event.id)).find((candidate) => candidate.id === registrationId);
        if (!participant || participant.status === 'cancelled' || participant.name === null) throw new HttpError('not_found');
        const t = request.t;
        return {
          title: t('events.staffCancel.title', { name: participant.name }),
          confirmLabel: t('events.staffCancel.action'),
          cancelHref: `/events/${event.id}/participants#people`,
          explanation: <p>{t('events.staffCancel.body', { name: participant.name })}</p>,
        };
      },
      act: async (request, reply) => {
        const eventId = idParam(request.params, 'eventId');
        const outcome = await cancelRegistrationOfEvent(db, request.actor, eventId, idParam(request.params, 'registrationId'), mail);
        if (!outcome.ok) {
          throwIfNotFoundOrForbidden(outcome.reason);
          return { refused: `events.refusals.${outcome.reason}` };
        }
        reply.setFlash({ kind: 'success', key: 'events.staffCancel.done', values: { name: outcome.value.name ?? '' } });
        return reply.redirect(`/events/${eventId}/participants#people`, 303);
      },
    },
  );

  app.post(`${eventPath}/attendance/sheet`, { config: { action: 'event.attendance.record' } }, async (request, reply) => {
    const event = await hostedEvent(request);
    const { refusal } = uploadOf(request);
    const upload = uploadedFile(request, 'sheet');
    // The sheet is small (the form's limit): read whole.
    const text = upload ? utf8Text(await readFile(upload.path)) : undefined;
    const sheetError = refusal ? uploadError('sheet', refusal) : { field: 'sheet', key: upload ? 'events.sheet.notUtf8' : 'events.sheet.fileRequired' };
    if (refusal || text === undefined)
      return reply.page(await participantsPage(request.actor, event, { sheetState: { values: {}, errors: [sheetError] } }), refusal ? 413 : 400);
    const outcome = await service.importSignInSheet(db, request.actor, event.id, text);
    if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
    if (!outcome.ok || outcome.value.problems.length > 0)
      return reply.page(await participantsPage(request.actor, event, outcome.ok ? { sheet: outcome.value } : {}), 400);
    reply.setFlash({ kind: 'success', key: 'events.flash.sheetImported', values: { matched: outcome.value.matched, newly: outcome.value.newlyAttended } });
    return reply.redirect(`/events/${event.id}/participants`, 303);
  });
};
