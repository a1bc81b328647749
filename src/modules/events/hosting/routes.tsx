/** Events: the list and calendar feeds, one event with its registration form, and writing events (registering is in ../registration). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../core/db/database.js';
import { confirmedAction } from '../../../core/http/confirmed-action.js';
import { HttpError } from '../../../core/http/errors.js';
import { wantsJson } from '../../../core/http/guard.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import { anonymous } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { parseForm, refusalState, type FormState } from '../../../core/validation/forms.js';
import { isFollowing } from '../../notifications/service.js';
import { listOrganisations, listPartners, partnersOfFilter } from '../../partners/service.js';
import { listPublishedPractices } from '../../practices/service.js';
import { listThemes, themeName } from '../../themes/service.js';
import { eventDocument, eventListDocument } from './json.js';
import { calendarOf } from './ics.js';
import { eventListQuerySchema, eventSchema } from '../schema.js';
import { participantMail } from '../registration/links.js';
import { registrationClosesAt } from '../registration/service.js';
import * as service from './service.js';
import { EventFormPage, eventFormValues } from './views/EventFormPage.js';
import { EventListPage } from './views/EventListPage.js';
import { EventPage } from './views/EventPage.js';
import { pageNumber } from '../../../core/validation/fields.js';

export const eventPath = `/events/:eventId${idPattern}`;
/** The same id pattern without its end anchor, for addresses with a suffix (/events/12.ics). */
const eventIcsPath = '/events/:eventId(^\\d{1,9}).ics';

/** The event the address names; not found otherwise. */
export async function eventOf(db: Db, request: FastifyRequest): Promise<service.Event> {
  const event = await service.getEvent(db, idParam(request.params, 'eventId'));
  if (!event) throw new HttpError('not_found');
  return event;
}

/** The event's public page with its registration form: shown as is, or again with the form's errors after a refused registration. */
export async function eventPage(db: Db, request: FastifyRequest, reply: FastifyReply, event: service.Event, state?: FormState, status = 200) {
  const [partners, organisations, themes] = await Promise.all([
    listPartners(db, anonymous, event.programmeId),
    listOrganisations(db, event.programmeId),
    listThemes(db),
  ]);
  const theme = themes.find((candidate) => candidate.code === event.themeCode);
  const now = new Date();
  const registration = now >= event.endsAt ? 'over' : now >= registrationClosesAt(event) ? 'closed' : 'open';
  const following = request.actor.kind === 'user' ? await isFollowing(db, request.actor.userId, 'event', event.id) : undefined;
  return reply.page(
    <EventPage
      following={following}
      event={event}
      partners={partners}
      organisations={organisations.map((organisation) => ({ id: organisation.id, name: organisation.name })).sort((a, b) => a.name.localeCompare(b.name))}
      themeName={theme ? themeName(theme, request.locale) : null}
      registration={registration}
      mayManage={service.mayManage(request.actor, event)}
      maySeeParticipants={service.maySeeParticipants(request.actor, event)}
      state={state}
    />,
    status,
  );
}

export const eventRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const mail = participantMail(app);
  const eventFor = (request: FastifyRequest) => eventOf(db, request);

  /** Partners the actor may host events for. */
  async function hostChoices(request: FastifyRequest) {
    return (await listPartners(db, request.actor)).filter((partner) =>
      can(request.actor, 'event.manage', { programmeId: partner.programmeId, partnerIds: [partner.id] }),
    );
  }

  async function formPage(request: FastifyRequest, reply: FastifyReply, mode: 'create' | 'edit', state: FormState, event?: service.Event, status = 200) {
    const hosts = await hostChoices(request);
    assertAllowed(hosts.length > 0);
    const programmeId = event?.programmeId ?? hosts[0]?.programmeId ?? 0;
    const [partners, themes, practices] = await Promise.all([
      listPartners(db, request.actor, programmeId),
      listThemes(db),
      listPublishedPractices(db, programmeId),
    ]);
    return reply.page(
      <EventFormPage
        mode={mode}
        action={event ? `/events/${event.id}` : '/events'}
        state={state}
        hostPartners={hosts}
        partners={partners}
        themes={themes}
        practices={practices}
        cancelHref={event ? `/events/${event.id}` : '/events'}
      />,
      status,
    );
  }

  app.get('/events', { config: { action: 'event.read' } }, async (request, reply) => {
    const query = eventListQuerySchema.parse(request.query);
    const page = pageNumber.parse((request.query as Record<string, unknown>).page);
    const now = new Date();
    const json = wantsJson(request);
    const [{ events, total }, matches, hosts] = await Promise.all([
      service.listEvents(db, query, page, now),
      json ? new Map<number, number>() : service.partnerMatches(db, query, now),
      request.actor.kind === 'user' && !json ? hostChoices(request) : Promise.resolve([]),
    ]);
    const pageCount = Math.max(1, Math.ceil(total / service.eventsPerPage));
    if (json) return reply.header('vary', 'Accept').send(eventListDocument(events, total, page, pageCount, app.config.publicUrl));
    const { partners, filter } = await partnersOfFilter(db, request.actor, {
      matches,
      chosen: query.partner === undefined ? [] : [query.partner],
      named: events.map((event) => event.hostPartnerId),
    });
    return reply.page(
      <EventListPage events={events} query={query} page={page} pageCount={pageCount} partners={partners} partnerFilter={filter} mayCreate={hosts.length > 0} />,
    );
  });

  app.get('/events.ics', { config: { action: 'event.read' } }, async (request, reply) => {
    // ?programme=ID for a programme's feed, ?partner=ID for the events a partner hosts or visits.
    const idOf = (name: string) => {
      const value = Number((request.query as Record<string, unknown>)[name]);
      return Number.isSafeInteger(value) && value > 0 ? value : undefined;
    };
    const [programmeId, partnerId] = [idOf('programme'), idOf('partner')];
    const events = await service.calendarEvents(db, {
      ...(programmeId !== undefined ? { programmeId } : {}),
      ...(partnerId !== undefined ? { partnerId } : {}),
    });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="better-events.ics"')
      .send(calendarOf(events, { name: request.t('events.list.feedName'), publicUrl: app.config.publicUrl, withOnlineLink: false }));
  });

  app.get('/events/new', { config: { action: 'event.manage' } }, async (request, reply) => formPage(request, reply, 'create', { values: {}, errors: [] }));

  app.post('/events', { config: { action: 'event.manage' } }, async (request, reply) => {
    const parsed = parseForm(eventSchema, request.body);
    if (!parsed.ok) return formPage(request, reply, 'create', parsed.state, undefined, 400);
    const outcome = await service.createEvent(db, request.actor, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return formPage(request, reply, 'create', refusalState(request.body, outcome, 'events.refusals'), undefined, 400);
    }
    reply.setFlash({ kind: 'success', key: 'events.flash.created' });
    return reply.redirect(`/events/${outcome.value.id}`, 303);
  });

  app.get(eventPath, { config: { action: 'event.read' } }, async (request, reply) => {
    const event = await eventFor(request);
    if (wantsJson(request)) return reply.header('vary', 'Accept').send(eventDocument(event, app.config.publicUrl));
    return eventPage(db, request, reply, event);
  });

  app.get(eventIcsPath, { config: { action: 'event.read' } }, async (request, reply) => {
    const event = await eventFor(request);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="event-${event.id}.ics"`)
      .send(calendarOf([event], { name: event.title, publicUrl: app.config.publicUrl, withOnlineLink: false }));
  });

  app.get(`${eventPath}/edit`, { config: { action: 'event.manage' } }, async (request, reply) => {
    const event = await eventFor(request);
    assertAllowed(service.mayManage(request.actor, event));
    return formPage(request, reply, 'edit', { values: eventFormValues(event), errors: [] }, event);
  });

  app.post(eventPath, { config: { action: 'event.manage' } }, async (request, reply) => {
    const event = await eventFor(request);
    const parsed = parseForm(eventSchema, request.body);
    if (!parsed.ok) return formPage(request, reply, 'edit', parsed.state, event, 400);
    const outcome = await service.updateEvent(db, request.actor, event.id, parsed.data, mail);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return formPage(request, reply, 'edit', refusalState(request.body, outcome, 'events.refusals'), event, 400);
    }
    reply.setFlash({ kind: 'success', key: 'events.flash.updated' });
    return reply.redirect(`/events/${event.id}`, 303);
  });

  confirmedAction(
    app,
    `${eventPath}/delete`,
    { action: 'event.manage' },
    {
      ask: async (request, reply) => {
        const event = await eventFor(request);
        assertAllowed(service.mayManage(request.actor, event));
        if (event.registered + event.waiting > 0) {
          reply.setFlash({ kind: 'info', key: 'events.refusals.has_registrations' });
          return reply.redirect(`/events/${event.id}`, 303);
        }
        const t = request.t;
        return {
          title: t('events.delete.title', { title: event.title }),
          confirmLabel: t('events.delete.confirm'),
          cancelHref: `/events/${event.id}`,
          explanation: <p>{t('events.delete.body')}</p>,
        };
      },
      act: async (request, reply) => {
        const outcome = await service.deleteEvent(db, request.actor, idParam(request.params, 'eventId'));
        if (!outcome.ok) {
          throwIfNotFoundOrForbidden(outcome.reason);
          reply.setFlash({ kind: 'info', key: `events.refusals.${outcome.reason}` });
          return reply.redirect(`/events/${idParam(request.params, 'eventId')}`, 303);
        }
        reply.setFlash({ kind: 'success', key: 'events.flash.deleted' });
        return reply.redirect('/events', 303);
      },
    },
  );
};
