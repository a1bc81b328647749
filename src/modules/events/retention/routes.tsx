/** The administrator's page for anonymising the participants of old events: how many are due, and doing it. */
import type { FastifyPluginAsync } from 'fastify';
import { throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import * as service from './service.js';
import { AnonymisePage } from './views/AnonymisePage.js';

export const retentionRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  app.get('/admin/event-participants', { config: { action: 'event.participants.anonymise' } }, async (request, reply) => {
    const months = app.config.participantRetentionMonths;
    const cutoff = service.retentionCutoff(months);
    return reply.page(<AnonymisePage cutoff={cutoff} count={await service.countParticipantsToAnonymise(db, cutoff)} months={months} />);
  });

  app.post('/admin/event-participants', { config: { action: 'event.participants.anonymise' } }, async (request, reply) => {
    const outcome = await service.anonymiseParticipantsBefore(db, request.actor, service.retentionCutoff(app.config.participantRetentionMonths));
    if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
    else reply.setFlash({ kind: 'success', key: 'events.flash.anonymised', values: { count: outcome.value.anonymised } });
    return reply.redirect('/admin/event-participants', 303);
  });
};
