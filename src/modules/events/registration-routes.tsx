/**
 * What a registered person does with the private link from their email, without an account: see their
 * registration, cancel it, download or erase their data, and give feedback after the event.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { confirmedAction } from '../../core/http/confirmed-action.js';
import { HttpError } from '../../core/http/errors.js';
import type { EmailContext } from '../../core/mail/outbox.js';
import { tokenPattern } from '../../core/tokens.js';
import { parseForm, refusalState } from '../../core/validation/forms.js';
import { feedbackSchema } from './schema.js';
import * as service from './service.js';
import { FeedbackPage } from './views/FeedbackPage.js';
import { LinkEndedPage, ManageRegistrationPage } from './views/RegistrationPages.js';

const registrationPath = `/registrations/:token${tokenPattern}`;

function tokenOf(request: FastifyRequest): string {
  return (request.params as { token: string }).token;
}

export const registrationRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const mail: EmailContext = { translator: app.translator, publicUrl: app.config.publicUrl };

  // These pages hold personal data behind a secret address: never cached, never sent on as a referrer.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/registrations/')) reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  });

  app.get(registrationPath, { config: { public: true } }, async (request, reply) => {
    const token = tokenOf(request);
    const registration = await service.registrationOfToken(db, token);
    if (!registration) return reply.page(<LinkEndedPage />, 404);
    const event = await service.getEvent(db, registration.eventId);
    if (!event) throw new HttpError('not_found');
    const now = new Date();
    const form = await service.feedbackFormFor(db, token, now);
    const feedback = form.ok ? (form.value.given ? 'given' : 'open') : 'none';
    return reply.page(<ManageRegistrationPage token={token} registration={registration} event={event} canCancel={registration.status !== 'cancelled' && now < event.endsAt} feedback={feedback} />);
  });

  app.post(`${registrationPath}/cancellation`, { config: { public: true } }, async (request, reply) => {
    const token = tokenOf(request);
    const outcome = await service.cancelRegistration(db, token, mail);
    if (!outcome.ok && outcome.reason === 'not_found') return reply.page(<LinkEndedPage />, 404);
    reply.setFlash({ kind: outcome.ok ? 'success' : 'info', key: outcome.ok ? 'events.flash.cancelled' : `events.refusals.${outcome.reason}` });
    return reply.redirect(`/registrations/${token}`, 303);
  });

  app.get(`${registrationPath}/data.json`, { config: { public: true } }, async (request, reply) => {
    const data = await service.personalDataOf(db, tokenOf(request));
    if (!data) throw new HttpError('not_found');
    return reply.header('content-disposition', 'attachment; filename="my-event-registrations.json"').type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });

  confirmedAction(app, `${registrationPath}/erasure`, { public: true }, {
    ask: async (request, reply) => {
      const token = tokenOf(request);
      if (!(await service.registrationOfToken(db, token))) return reply.page(<LinkEndedPage />, 404);
      const t = request.t;
      return {
        title: t('events.erase.title'),
        confirmLabel: t('events.erase.confirm'),
        cancelHref: `/registrations/${token}`,
        explanation: <p>{t('events.erase.body')}</p>,
      };
    },
    act: async (request, reply) => {
      const outcome = await service.eraseParticipant(db, tokenOf(request), mail);
      if (!outcome.ok) return reply.page(<LinkEndedPage />, 404);
      reply.setFlash({ kind: 'success', key: 'events.flash.erased' });
      return reply.redirect('/events', 303);
    },
  });

  app.get(`${registrationPath}/feedback`, { config: { public: true } }, async (request, reply) => {
    const token = tokenOf(request);
    const form = await service.feedbackFormFor(db, token);
    if (!form.ok) {
      if (form.reason === 'not_found') return reply.page(<LinkEndedPage />, 404);
      reply.setFlash({ kind: 'info', key: `events.refusals.${form.reason}` });
      return reply.redirect(`/registrations/${token}`, 303);
    }
    if (form.value.given) {
      reply.setFlash({ kind: 'info', key: 'events.refusals.already_given' });
      return reply.redirect(`/registrations/${token}`, 303);
    }
    return reply.page(<FeedbackPage token={token} form={form.value} />);
  });

  app.post(`${registrationPath}/feedback`, { config: { public: true } }, async (request, reply) => {
    const token = tokenOf(request);
    const form = await service.feedbackFormFor(db, token);
    if (!form.ok && form.reason === 'not_found') return reply.page(<LinkEndedPage />, 404);
    const parsed = parseForm(feedbackSchema, request.body);
    if (!parsed.ok) {
      if (!form.ok) throw new HttpError('bad_request');
      return reply.page(<FeedbackPage token={token} form={form.value} state={parsed.state} />, 400);
    }
    const outcome = await service.submitFeedback(db, token, parsed.data);
    if (!outcome.ok) {
      if (outcome.reason === 'unknown_practice' && form.ok) return reply.page(<FeedbackPage token={token} form={form.value} state={refusalState(request.body, outcome, 'events.refusals')} />, 400);
      reply.setFlash({ kind: 'info', key: `events.refusals.${outcome.reason}` });
      return reply.redirect(`/registrations/${token}`, 303);
    }
    reply.setFlash({ kind: 'success', key: 'events.flash.feedbackThanks' });
    return reply.redirect(`/registrations/${token}`, 303);
  });
};
