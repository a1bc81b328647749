/** The events of the programme, upcoming or past, filtered by type and partner, with their calendar feeds. */
import { Form, SelectField } from '../../../../core/views/components/forms.js';
import { ButtonLink, PageHeading, Pagination, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { EventListQuery } from '../../schema.js';
import type { EventSummary } from '../service.js';
import { eventTypes } from '../../tables.js';
import { EventWhen, Places } from '../../views/parts.js';

interface Props {
  events: EventSummary[];
  query: EventListQuery;
  page: number;
  pageCount: number;
  /** Every partner the page names (the events' hosts and the filter's). */
  partners: { id: number; name: string }[];
  /** The partners the filter offers: the one chosen and those hosting or visiting the most events listed. */
  partnerFilter: { id: number; name: string }[];
  mayCreate: boolean;
}

export function listHref(query: EventListQuery, page = 1): string {
  const parameters = new URLSearchParams();
  if (query.when === 'past') parameters.set('when', 'past');
  if (query.type) parameters.set('type', query.type);
  if (query.partner !== undefined) parameters.set('partner', String(query.partner));
  if (page > 1) parameters.set('page', String(page));
  const text = parameters.toString();
  return text ? `/events?${text}` : '/events';
}

export function EventListPage({ events, query, page, pageCount, partners, partnerFilter, mayCreate }: Props) {
  const { t } = useView();
  const partnerName = new Map(partners.map((partner) => [partner.id, partner.name]));
  const feed = query.partner !== undefined ? `/events.ics?partner=${query.partner}` : '/events.ics';
  return (
    <Layout title={t('events.list.title')}>
      <PageHeading>{t('events.list.title')}</PageHeading>
      <p class="lead">{t('events.list.intro')}</p>
      <div class="button-group">
        {mayCreate ? <ButtonLink href="/events/new">{t('events.list.add')}</ButtonLink> : null}
        <ButtonLink href="/events/statistics" variant="secondary">
          {t('events.list.statistics')}
        </ButtonLink>
      </div>
      <Form action="/events" method="get" class="filters" label={t('events.list.filters')}>
        <SelectField
          name="when"
          label={t('events.list.when')}
          value={query.when}
          options={[
            { value: 'upcoming', label: t('events.list.upcoming') },
            { value: 'past', label: t('events.list.past') },
          ]}
        />
        <SelectField
          name="type"
          label={t('events.fields.type')}
          value={query.type ?? ''}
          placeholder={t('events.list.anyType')}
          options={eventTypes.map((type) => ({ value: type, label: t(`events.types.${type}`) }))}
        />
        <SelectField
          name="partner"
          label={t('events.list.partner')}
          value={query.partner === undefined ? '' : String(query.partner)}
          placeholder={t('events.list.anyPartner')}
          options={partnerFilter.map((partner) => ({ value: String(partner.id), label: partner.name }))}
        />
        <button type="submit" class="button button--secondary">
          {t('common.actions.filter')}
        </button>
      </Form>
      <h2 id="results">{query.when === 'past' ? t('events.list.pastHeading') : t('events.list.upcomingHeading')}</h2>
      {events.length === 0 ? <p>{t('events.list.none')}</p> : null}
      <ol class="result-list" aria-labelledby="results">
        {events.map((event) => (
          <li class="result" key={event.id}>
            <h3 class="result__title">
              <a href={`/events/${event.id}`}>{event.title}</a>
            </h3>
            <p class="result__meta">
              <Tag>{t(`events.types.${event.type}`)}</Tag> {partnerName.get(event.hostPartnerId)} · {t(`events.formats.${event.format}`)}
              {event.venue ? ` · ${event.venue}` : ''}
            </p>
            <p>
              <EventWhen event={event} />
            </p>
            {query.when === 'upcoming' ? (
              <p class="result__meta">
                <Places event={event} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} hrefFor={(target) => listHref(query, target)} />
      <p>
        <a href={feed}>{t('events.list.feed')}</a> – {t('events.list.feedHint')}
      </p>
    </Layout>
  );
}
