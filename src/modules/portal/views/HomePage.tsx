/**
 * The public front page: what the platform is for (each step of the cycle leading to its area), what is coming up and
 * newly published, and the programme it hosts (or the list of programmes).
 */
import { longDateIn } from '../../../core/i18n/i18n.js';
import { ButtonLink, PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { textLanguage } from '../../../core/views/text-language.js';
import type { UpcomingEvent } from '../../events/service.js';
import type { LatestPractice } from '../../practices/service.js';
import type { Programme } from '../../programmes/service.js';
import { ProgrammeOverview, type ProgrammeOverviewData } from './ProgrammeOverview.js';

/** Each step of the cycle and the area where it happens. */
const cycleSteps = [
  { step: 'learn', href: '/practices' },
  { step: 'plan', href: '/plans' },
  { step: 'build', href: '/instruments' },
  { step: 'measure', href: '/results' },
] as const;

export interface HomeNews {
  events: UpcomingEvent[];
  practices: LatestPractice[];
}

function News({ events, practices }: HomeNews) {
  const { t, locale, formatDate } = useView();
  const eventDate = (event: UpcomingEvent) => longDateIn(locale, event.timeZone).format(event.startsAt);
  return (
    <div class="home-news">
      <section aria-labelledby="upcoming-events">
        <h2 id="upcoming-events">{t('portal.home.events.heading')}</h2>
        {events.length === 0 ? <p>{t('portal.home.events.none')}</p> : null}
        <ul class="plain-list">
          {events.map((event) => (
            <li key={event.id}>
              <a href={`/events/${event.id}`}>{event.title}</a>
              <br />
              <span class="card__meta">
                {eventDate(event)}
                {event.venue ? ` – ${event.venue}` : ''}
              </span>
            </li>
          ))}
        </ul>
        <p>
          <a href="/events">{t('portal.home.events.all')}</a>
        </p>
      </section>
      <section aria-labelledby="latest-practices">
        <h2 id="latest-practices">{t('portal.home.practices.heading')}</h2>
        {practices.length === 0 ? <p>{t('portal.home.practices.none')}</p> : null}
        <ul class="plain-list">
          {practices.map((practice) => (
            <li key={practice.id}>
              <a href={`/practices/${practice.id}`} lang={textLanguage(practice.titleLanguage, locale)}>
                {practice.title}
              </a>
              {practice.publishedAt ? (
                <>
                  <br />
                  <span class="card__meta">{t('portal.home.practices.published', { date: formatDate(practice.publishedAt) })}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <p>
          <a href="/practices?sort=newest">{t('portal.home.practices.all')}</a>
        </p>
      </section>
    </div>
  );
}

export function HomePage({ featured, programmes, news }: { featured: ProgrammeOverviewData | null; programmes: Programme[]; news: HomeNews }) {
  const { t, locale, can } = useView();
  // The layout adds the site's name to every title, so the front page's own title must not repeat it.
  return (
    <Layout title={t('portal.home.pageTitle')}>
      <PageHeading caption={featured ? featured.programme.acronym : undefined}>
        {featured ? <span lang={textLanguage(featured.programme.textLanguage, locale)}>{featured.programme.title}</span> : t('portal.home.title')}
      </PageHeading>
      <section aria-labelledby="cycle" class="cycle">
        <h2 id="cycle" class="visually-hidden">
          {t('portal.home.cycleHeading')}
        </h2>
        <ol class="cycle__list">
          {cycleSteps.map(({ step, href }) => (
            <li key={step} class="cycle__step">
              <h3 class="cycle__title">
                <a href={href}>{t(`portal.home.cycle.${step}.title`)}</a>
              </h3>
              <p>{t(`portal.home.cycle.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>
      <News {...news} />
      {featured ? <ProgrammeOverview {...featured} /> : null}
      {!featured && programmes.length === 0 ? <p>{t('portal.home.noProgrammes')}</p> : null}
      {!featured && programmes.length > 0 ? (
        <section aria-labelledby="programmes">
          <h2 id="programmes">{t('portal.programmes.title')}</h2>
          <ul class="card-list">
            {programmes.map((programme) => (
              <li key={programme.id} class="card">
                <h3 class="card__title">
                  <a href={`/programmes/${programme.id}`} lang={textLanguage(programme.textLanguage, locale)}>
                    {programme.title}
                  </a>
                </h3>
                <p lang={textLanguage(programme.textLanguage, locale)}>{programme.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {can('programme.create') ? (
        <p>
          <ButtonLink href="/programmes/new" variant="secondary">
            {t('portal.programmes.add')}
          </ButtonLink>
        </p>
      ) : null}
    </Layout>
  );
}
