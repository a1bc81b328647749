/**
 * The pages a registered person sees, without an account: the confirmation after registering, and the page their
 * private link opens (cancel, download their data, erase it, give feedback).
 */
import { ButtonLink, PageHeading, SummaryList } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { Event } from '../../hosting/service.js';
import type { PersonalRegistration } from '../service.js';
import { EventWhen } from '../../views/parts.js';

export function RegisteredPage({ event, status, email }: { event: Event; status: 'registered' | 'waiting'; email: string }) {
  const { t } = useView();
  const title = status === 'registered' ? t('events.registered.title') : t('events.registered.waitingTitle');
  return (
    <Layout title={title}>
      <div class="panel panel--confirmation" role="status">
        <PageHeading>{title}</PageHeading>
        <p>{status === 'registered' ? t('events.registered.body', { title: event.title }) : t('events.registered.waitingBody', { title: event.title })}</p>
      </div>
      <p>{t('events.registered.emailSent', { email })}</p>
      <p>
        <EventWhen event={event} />
      </p>
      <p>
        <a href={`/events/${event.id}`}>{t('events.registered.back')}</a>
      </p>
    </Layout>
  );
}

interface ManageProps {
  token: string;
  registration: PersonalRegistration;
  event: Event;
  canCancel: boolean;
  feedback: 'open' | 'given' | 'none';
  /** The person attended and the event is over: their certificate of attendance is offered. */
  certificate: boolean;
}

export function ManageRegistrationPage({ token, registration, event, canCancel, feedback, certificate }: ManageProps) {
  const { t } = useView();
  const title = t('events.manage.title', { title: event.title });
  return (
    <Layout title={title}>
      <PageHeading caption={t('events.manage.caption')}>
        <span lang={event.textLanguage}>{event.title}</span>
      </PageHeading>
      <SummaryList
        rows={[
          { key: t('events.manage.name'), value: registration.name },
          { key: t('events.manage.email'), value: registration.email },
          { key: t('events.fields.when'), value: <EventWhen event={event} /> },
          { key: t('events.manage.status'), value: t(`events.statuses.${registration.status}`) },
          // The link to join is for people who hold a place, not for the waiting list.
          ...(registration.status === 'registered' && event.format !== 'on_site' && event.onlineUrl
            ? [{ key: t('events.manage.joinOnline'), value: <a href={event.onlineUrl}>{event.onlineUrl}</a> }]
            : []),
          ...(event.format !== 'online' ? [{ key: t('events.fields.where'), value: <span lang={event.textLanguage}>{event.venue}</span> }] : []),
        ]}
      />
      {registration.status === 'waiting' && event.format !== 'on_site' ? <p>{t('events.manage.joinLinkLater')}</p> : null}
      <p>
        <a href={`/events/${event.id}`}>{t('events.manage.eventPage')}</a>
      </p>
      {feedback === 'open' ? <ButtonLink href={`/registrations/${token}/feedback`}>{t('events.manage.giveFeedback')}</ButtonLink> : null}
      {feedback === 'given' ? <p>{t('events.manage.feedbackGiven')}</p> : null}
      {certificate ? (
        <section aria-labelledby="certificate" class="panel">
          <h2 id="certificate">{t('events.manage.certificateHeading')}</h2>
          <p>{t('events.manage.certificateIntro')}</p>
          <ButtonLink href={`/registrations/${token}/certificate`} variant="secondary">
            {t('events.manage.certificateLink')}
          </ButtonLink>
        </section>
      ) : null}
      {canCancel ? (
        <section aria-labelledby="cancel" class="panel">
          <h2 id="cancel">{t('events.manage.cancelHeading')}</h2>
          <p>{t('events.manage.cancelIntro')}</p>
          <ButtonLink href={`/registrations/${token}/cancellation`} variant="warning">
            {t('events.manage.cancel')}
          </ButtonLink>
        </section>
      ) : null}
      <section aria-labelledby="your-data">
        <h2 id="your-data">{t('events.manage.dataHeading')}</h2>
        <p>{t('events.manage.dataIntro')}</p>
        <ul>
          <li>
            <a href={`/registrations/${token}/data.json`} download="my-event-registrations.json">
              {t('events.manage.download')}
            </a>
          </li>
          <li>
            <a href={`/registrations/${token}/erasure`}>{t('events.manage.erase')}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}

export function LinkEndedPage() {
  const { t } = useView();
  return (
    <Layout title={t('events.manage.linkEndedTitle')}>
      <PageHeading>{t('events.manage.linkEndedTitle')}</PageHeading>
      <p>{t('events.manage.linkEndedBody')}</p>
      <p>
        <a href="/events">{t('events.manage.allEvents')}</a>
      </p>
    </Layout>
  );
}
