/**
 * Pages for a registered person beyond their registration page: asking for the private link again ("I lost my
 * link"), the answer to it (the same whether or not the address is registered), and the certificate of attendance.
 */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, SubmitButton, TextField } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { Event } from '../../hosting/service.js';
import { EventWhen } from '../../views/parts.js';

export function LostLinkPage({ event, state }: { event: Event; state: FormState }) {
  const { t } = useView();
  const title = t('events.lostLink.title');
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={`/events/${event.id}`}>{t('events.lostLink.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={event.title}>{title}</PageHeading>
      <p>{t('events.lostLink.intro', { title: event.title })}</p>
      <Form action={`/events/${event.id}/registration-link`}>
        <TextField name="email" type="email" label={t('events.lostLink.email')} state={state} autocomplete="email" spellcheck={false} />
        <SubmitButton>{t('events.lostLink.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function LostLinkSentPage({ event, email }: { event: Event; email: string }) {
  const { t } = useView();
  return (
    <Layout title={t('events.lostLink.sentTitle')}>
      <div class="panel panel--confirmation" role="status">
        <PageHeading>{t('events.lostLink.sentTitle')}</PageHeading>
        <p>{t('events.lostLink.sentBody', { email, title: event.title })}</p>
      </div>
      <p>
        <a href={`/events/${event.id}`}>{t('events.lostLink.back')}</a>
      </p>
    </Layout>
  );
}

export interface CertificateProps {
  token: string;
  name: string;
  event: Event;
  organiser: string;
  /** The event's length in hours when it is one sitting (under a day); null when not known that way. */
  hours: number | null;
  issuedOn: Date;
}

/** Print-friendly: the site's header, footer and the links here are left out of print (public/styles.css). */
export function CertificatePage({ token, name, event, organiser, hours, issuedOn }: CertificateProps) {
  const { t, formatDate, formatNumber } = useView();
  const written = (text: string) => <span lang={event.textLanguage}>{text}</span>;
  return (
    <Layout title={t('events.certificate.title')}>
      <p class="no-print">
        <a href={`/registrations/${token}`}>{t('events.certificate.back')}</a>
      </p>
      <article class="certificate" aria-labelledby="certificate-title">
        <h1 id="certificate-title" class="certificate__title">
          {t('events.certificate.title')}
        </h1>
        <p class="certificate__statement">{t('events.certificate.statement')}</p>
        <p class="certificate__name">{name}</p>
        <p class="certificate__statement">{t('events.certificate.attended')}</p>
        <p class="certificate__event">{written(event.title)}</p>
        <dl class="certificate__facts">
          <dt>{t('events.certificate.type')}</dt>
          <dd>{t(`events.types.${event.type}`)}</dd>
          <dt>{t('events.certificate.date')}</dt>
          <dd>
            <EventWhen event={event} />
          </dd>
          <dt>{t('events.certificate.place')}</dt>
          <dd>
            {event.format === 'online'
              ? t('events.certificate.online')
              : event.format === 'hybrid'
                ? [written(event.venue), ` (${t('events.formats.hybrid')})`]
                : written(event.venue)}
          </dd>
          <dt>{t('events.certificate.organiser')}</dt>
          <dd>{organiser}</dd>
          {hours !== null ? (
            <>
              <dt>{t('events.certificate.duration')}</dt>
              <dd>{t('events.certificate.hours', { count: hours, formatted: formatNumber(hours) })}</dd>
            </>
          ) : null}
        </dl>
        <p class="certificate__issued">{t('events.certificate.issued', { date: formatDate(issuedOn) })}</p>
      </article>
      <div class="no-print">
        <h2>{t('events.certificate.print')}</h2>
        <p>{t('events.certificate.printHint')}</p>
      </div>
    </Layout>
  );
}
