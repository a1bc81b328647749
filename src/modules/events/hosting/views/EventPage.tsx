/** One event: what, when, where, who hosts and visits, the agenda and practices, and the registration form. */
import type { FormState } from '../../../../core/validation/forms.js';
import { Checkbox, ErrorSummary, Form, RadioGroup, SelectField, SubmitButton, TextField } from '../../../../core/views/components/forms.js';
import { ButtonLink, PageHeading, SummaryList } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { FollowButton } from '../../../notifications/service.js';
import { helixTypes } from '../../../partners/service.js';
import { noPartnerRegion } from '../../schema.js';
import type { Event } from '../service.js';
import { participantRoles } from '../../tables.js';
import { EventWhen, Places } from '../../views/parts.js';

interface Props {
  event: Event;
  partners: { id: number; name: string; nutsName: string }[];
  organisations: { id: number; name: string }[];
  themeName: string | null;
  registration: 'open' | 'closed' | 'over';
  mayManage: boolean;
  maySeeParticipants: boolean;
  state?: FormState | undefined;
  /** Whether the signed-in person follows the event; undefined shows no follow button. */
  following?: boolean | undefined;
}

function RegistrationForm({ event, partners, organisations, state }: Pick<Props, 'event' | 'partners' | 'organisations' | 'state'>) {
  const { t } = useView();
  const full = event.capacity !== null && event.registered >= event.capacity;
  return (
    <Form action={`/events/${event.id}/registrations`} class="panel" label={t('events.register.title')}>
      <h2 id="register">{t('events.register.title')}</h2>
      {full ? <p>{t('events.register.waitingListNote')}</p> : null}
      <p>{t('events.register.intro')}</p>
      <TextField name="name" label={t('events.register.name.label')} state={state} autocomplete="name" />
      <TextField
        name="email"
        type="email"
        label={t('events.register.email.label')}
        hint={t('events.register.email.hint')}
        state={state}
        autocomplete="email"
        spellcheck={false}
      />
      <SelectField
        name="organisationId"
        label={t('events.register.organisationId.label')}
        state={state}
        placeholder={t('events.register.organisationId.notListed')}
        options={organisations.map((organisation) => ({ value: String(organisation.id), label: organisation.name }))}
      />
      <TextField
        name="organisationName"
        label={t('events.register.organisationName.label')}
        hint={t('events.register.organisationName.hint')}
        state={state}
        autocomplete="organization"
      />
      <RadioGroup
        name="helix"
        legend={t('events.register.helix.legend')}
        hint={t('events.register.helix.hint')}
        state={state}
        options={helixTypes.map((helix) => ({ value: helix, label: t(`partners.helix.${helix}`) }))}
      />
      <RadioGroup
        name="partner"
        legend={t('events.register.partner.legend')}
        state={state}
        options={[
          ...partners.map((partner) => ({
            value: String(partner.id),
            label: t('events.register.partner.option', { region: partner.nutsName || partner.name, partner: partner.name }),
          })),
          { value: noPartnerRegion, label: t('events.register.partner.none') },
        ]}
      />
      <SelectField
        name="role"
        label={t('events.register.role.label')}
        state={state}
        placeholder={t('events.register.role.placeholder')}
        options={participantRoles.map((role) => ({ value: role, label: t(`events.roles.${role}`) }))}
      />
      <Checkbox name="consent" label={t('events.register.consent.label')} hint={t('events.register.consent.hint')} state={state} />
      <p>
        <a href="/privacy">{t('events.register.privacyLink')}</a>
      </p>
      <SubmitButton>{full ? t('events.register.submitWaiting') : t('events.register.submit')}</SubmitButton>
    </Form>
  );
}

export function EventPage({ event, partners, organisations, themeName, registration, mayManage, maySeeParticipants, state, following }: Props) {
  const { t, formatDateTime } = useView();
  const partnerName = new Map(partners.map((partner) => [partner.id, partner.name]));
  // The event's own texts are marked with the language they are written in (WCAG 3.1.2).
  const written = (text: string) => <span lang={event.textLanguage}>{text}</span>;
  const where =
    event.format === 'online' ? t('events.formats.online') : [written(event.venue), event.format === 'hybrid' ? ` (${t('events.formats.hybrid')})` : ''];
  const deletable = event.registered + event.waiting === 0;
  return (
    <Layout title={event.title} hasErrors={Boolean(state?.errors.length)}>
      <ErrorSummary state={state} anchors={{ form: 'register' }} />
      <PageHeading caption={t(`events.types.${event.type}`)}>{written(event.title)}</PageHeading>
      {following !== undefined ? <FollowButton type="event" id={event.id} following={following} /> : null}
      <SummaryList
        rows={[
          { key: t('events.fields.when'), value: <EventWhen event={event} /> },
          { key: t('events.fields.where'), value: where },
          { key: t('events.fields.host'), value: <a href={`/partners/${event.hostPartnerId}`}>{partnerName.get(event.hostPartnerId)}</a> },
          ...(event.visitingPartnerIds.length
            ? [{ key: t('events.fields.visitingPartners'), value: event.visitingPartnerIds.map((id) => partnerName.get(id)).join(', ') }]
            : []),
          ...(themeName ? [{ key: t('events.fields.theme'), value: themeName }] : []),
          { key: t('events.fields.places'), value: <Places event={event} /> },
          ...(event.registrationDeadline ? [{ key: t('events.fields.registrationDeadline'), value: formatDateTime(event.registrationDeadline) }] : []),
        ]}
      />
      <div class="button-group">
        <a href={`/events/${event.id}.ics`}>{t('events.page.addToCalendar')}</a>
        {maySeeParticipants ? (
          <ButtonLink href={`/events/${event.id}/participants`} variant="secondary">
            {t('events.page.participants')}
          </ButtonLink>
        ) : null}
        {maySeeParticipants ? (
          <ButtonLink href={`/events/${event.id}/attendance`} variant="secondary">
            {t('events.page.checkIn')}
          </ButtonLink>
        ) : null}
        {mayManage ? (
          <ButtonLink href={`/events/${event.id}/edit`} variant="secondary">
            {t('common.actions.edit')}
          </ButtonLink>
        ) : null}
        {mayManage && deletable ? <a href={`/events/${event.id}/delete`}>{t('common.actions.delete')}</a> : null}
      </div>
      {mayManage && !deletable ? <p class="hint">{t('events.page.deleteNotPossible')}</p> : null}
      {event.description ? (
        <div class="prose" lang={event.textLanguage}>
          {event.description}
        </div>
      ) : null}
      {event.format !== 'on_site' ? <p>{t('events.page.onlineLinkNote')}</p> : null}

      {event.agenda.length ? (
        <section aria-labelledby="agenda">
          <h2 id="agenda">{t('events.fields.agenda')}</h2>
          <ol class="agenda" lang={event.textLanguage}>
            {event.agenda.map((item, index) => (
              <li key={index}>
                {item.timeLabel ? <span class="agenda__time">{item.timeLabel}</span> : null} {item.title}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {event.practices.length ? (
        <section aria-labelledby="practices">
          <h2 id="practices">{t('events.fields.practices')}</h2>
          <ul>
            {event.practices.map((practice) => (
              <li key={practice.id}>
                <a href={`/practices/${practice.id}`}>{practice.title}</a> – {partnerName.get(practice.ownerPartnerId)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {registration === 'open' ? (
        <RegistrationForm event={event} partners={partners} organisations={organisations} state={state} />
      ) : (
        <p class="inset">{registration === 'over' ? t('events.register.over') : t('events.register.closed')}</p>
      )}
      {/* Registered people need their link until after the event too (feedback, certificate). */}
      <p>
        <a href={`/events/${event.id}/registration-link`}>{t('events.lostLink.link')}</a>
      </p>
    </Layout>
  );
}
