/**
 * Registering for an event from its page, and what a registered person does with the private link from their email,
 * without an account: see their registration, cancel it, download or erase their data (feedback is in ../feedback).
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { confirmedAction } from '../../../core/http/confirmed-action.js';
import { HttpError } from '../../../core/http/errors.js';
import { isLocale } from '../../../core/i18n/locales.js';
import { tokenPattern } from '../../../core/tokens.js';
import { parseForm, refusalState } from '../../../core/validation/forms.js';
import { feedbackFormFor } from '../feedback/service.js';
import { eventOf, eventPage, eventPath } from '../hosting/routes.js';
import { getEvent } from '../hosting/service.js';
import { lostLinkSchema, registrationSchema } from '../schema.js';
import { findPartner } from '../../partners/service.js';
import { anonymous } from '../../../core/policy/actor.js';
import { eventPath as eventAddress } from '../hosting/routes.js';
import { participantMail } from './links.js';
import * as service from './service.js';
import { LinkEndedPage, ManageRegistrationPage, RegisteredPage } from './views/RegistrationPages.js';
import { CertificatePage, LostLinkPage, LostLinkSentPage } from './views/ParticipantPages.js';

/** The address of a person's private link. */
export const registrationPath = `/registrations/:token${tokenPattern}`;

export function tokenOf(request: FastifyRequest): string {
  return (request.params as { token: string }).token;
}

/** Called by each plugin with pages under the private link, since a hook reaches only its own plugin's routes. */
export function keepPrivateLinkPagesPrivate(app: FastifyInstance): void {
  // These pages hold personal data behind a secret address: never cached, never sent on as a referrer.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/registrations/')) reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  });
}

export const registrationRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const mail = participantMail(app);

  keepPrivateLinkPagesPrivate(app);

  app.post(`${eventPath}/registrations`, { config: { public: true } }, async (request, reply) => {
    const event = await eventOf(db, request);
    const parsed = parseForm(registrationSchema, request.body);
    if (!parsed.ok) return eventPage(db, request, reply, event, parsed.state, 400);
    const outcome = await service.register(db, event.id, parsed.data, isLocale(request.locale) ? request.locale : 'en', mail);
    if (!outcome.ok) {
      if (outcome.reason === 'not_found') throw new HttpError('not_found');
      const status = outcome.reason === 'already_registered' ? 409 : 400;
      return eventPage(db, request, reply, await eventOf(db, request), refusalState(request.body, outcome, 'events.refusals'), status);
    }
    return reply.page(<RegisteredPage event={await eventOf(db, request)} status={outcome.value.status} email={parsed.data.email} />);
  });

  app.get(registrationPath, { config: { public: true } }, async (request, reply) => {
    const token = tokenOf(request);
    const registration = await service.registrationOfToken(db, token);
    if (!registration) return reply.page(<LinkEndedPage />, 404);
    const event = await getEvent(db, registration.eventId);
    if (!event) throw new HttpError('not_found');
    const now = new Date();
    const form = await feedbackFormFor(db, token, now);
    const feedback = form.ok ? (form.value.given ? 'given' : 'open') : 'none';
    return reply.page(
      <ManageRegistrationPage
        token={token}
        registration={registration}
        event={event}
        canCancel={registration.status !== 'cancelled' && now < event.endsAt}
        feedback={feedback}
        certificate={registration.attended && registration.status === 'registered' && now >= event.endsAt}
      />,
    );
  });

  // Cancelling asks first, on a page of its own: the place may go to the next person on the waiting list at once.
  confirmedAction(
    app,
    `${registrationPath}/cancellation`,
    { public: true },
    {
      ask: async (request, reply) => {
        const token = tokenOf(request);
        const registration = await service.registrationOfToken(db, token);
        if (!registration) return reply.page(<LinkEndedPage />, 404);
        const event = await getEvent(db, registration.eventId);
        if (!event) throw new HttpError('not_found');
        if (registration.status === 'cancelled') return reply.redirect(`/registrations/${token}`, 303);
        const t = request.t;
        return {
          title: t('events.cancel.title', { title: event.title }),
          confirmLabel: t('events.manage.cancel'),
          cancelHref: `/registrations/${token}`,
          explanation: <p>{registration.status === 'waiting' ? t('events.cancel.bodyWaiting') : t('events.cancel.body')}</p>,
        };
      },
      act: async (request, reply) => {
        const token = tokenOf(request);
        const outcome = await service.cancelRegistration(db, token, mail);
        if (!outcome.ok && outcome.reason === 'not_found') return reply.page(<LinkEndedPage />, 404);
        reply.setFlash({ kind: outcome.ok ? 'success' : 'info', key: outcome.ok ? 'events.flash.cancelled' : `events.refusals.${outcome.reason}` });
        return reply.redirect(`/registrations/${token}`, 303);
      },
    },
  );

  app.get(`${registrationPath}/certificate`, { config: { public: true } }, async (request, reply) => {
    const token = tokenOf(request);
    const outcome = await service.certificateRegistration(db, token);
    if (!outcome.ok && outcome.reason === 'not_found') return reply.page(<LinkEndedPage />, 404);
    if (!outcome.ok) {
      reply.setFlash({ kind: 'info', key: `events.refusals.${outcome.reason}` });
      return reply.redirect(`/registrations/${token}`, 303);
    }
    const event = await getEvent(db, outcome.value.eventId);
    if (!event) throw new HttpError('not_found');
    const host = await findPartner(db, anonymous, event.hostPartnerId);
    return reply.page(
      <CertificatePage
        token={token}
        name={outcome.value.name}
        event={event}
        organiser={host?.name ?? ''}
        hours={service.sittingHours(event.startsAt, event.endsAt)}
        issuedOn={new Date()}
      />,
    );
  });

  // "I lost my link": the same answer whether or not the address is registered, so the form tells nobody who is.
  app.get(`${eventAddress}/registration-link`, { config: { public: true } }, async (request, reply) =>
    reply.page(<LostLinkPage event={await eventOf(db, request)} state={{ values: {}, errors: [] }} />),
  );

  app.post(`${eventAddress}/registration-link`, { config: { public: true } }, async (request, reply) => {
    const event = await eventOf(db, request);
    const parsed = parseForm(lostLinkSchema, request.body);
    if (!parsed.ok) return reply.page(<LostLinkPage event={event} state={parsed.state} />, 400);
    const result = await service.resendLink(db, event.id, parsed.data.email, mail);
    request.log.info({ eventId: event.id, result }, 'registration link asked for');
    return reply.page(<LostLinkSentPage event={event} email={parsed.data.email} />);
  });

  app.get(`${registrationPath}/data.json`, { config: { public: true } }, async (request, reply) => {
    const data = await service.personalDataOf(db, tokenOf(request));
    if (!data) throw new HttpError('not_found');
    return reply
      .header('content-disposition', 'attachment; filename="my-event-registrations.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  confirmedAction(
    app,
    `${registrationPath}/erasure`,
    { public: true },
    {
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
    },
  );
};
