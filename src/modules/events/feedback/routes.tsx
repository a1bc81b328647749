/** Feedback after an event, given through the person's private link: the form, and sending it once. */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../../core/http/errors.js';
import { parseForm, refusalState } from '../../../core/validation/forms.js';
import { keepPrivateLinkPagesPrivate, registrationPath, tokenOf } from '../registration/routes.js';
import { LinkEndedPage } from '../registration/views/RegistrationPages.js';
import { feedbackSchema } from '../schema.js';
import * as service from './service.js';
import { FeedbackPage } from './views/FeedbackPage.js';

export const feedbackRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  keepPrivateLinkPagesPrivate(app);

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
      if (outcome.reason === 'unknown_practice' && form.ok)
        return reply.page(<FeedbackPage token={token} form={form.value} state={refusalState(request.body, outcome, 'events.refusals')} />, 400);
      reply.setFlash({ kind: 'info', key: `events.refusals.${outcome.reason}` });
      return reply.redirect(`/registrations/${token}`, 303);
    }
    reply.setFlash({ kind: 'success', key: 'events.flash.feedbackThanks' });
    return reply.redirect(`/registrations/${token}`, 303);
  });
};
