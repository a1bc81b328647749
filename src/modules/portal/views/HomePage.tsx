/** The public front page: what the platform is for, and the programme it hosts (or the list of programmes). */
import { ButtonLink, PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { Programme } from '../../programmes/service.js';
import { ProgrammeOverview, type ProgrammeOverviewData } from './ProgrammeOverview.js';

const cycleSteps = ['learn', 'plan', 'build', 'measure'] as const;

export function HomePage({ featured, programmes }: { featured: ProgrammeOverviewData | null; programmes: Programme[] }) {
  const { t, can } = useView();
  return (
    <Layout title={featured ? featured.programme.acronym : t('portal.home.title')}>
      <PageHeading caption={featured ? featured.programme.acronym : undefined}>{featured ? featured.programme.title : t('portal.home.title')}</PageHeading>
      <section aria-labelledby="cycle" class="cycle">
        <h2 id="cycle" class="visually-hidden">
          {t('portal.home.cycleHeading')}
        </h2>
        <ol class="cycle__list">
          {cycleSteps.map((step) => (
            <li key={step} class="cycle__step">
              <h3 class="cycle__title">{t(`portal.home.cycle.${step}.title`)}</h3>
              <p>{t(`portal.home.cycle.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>
      {featured ? <ProgrammeOverview {...featured} /> : null}
      {!featured && programmes.length === 0 ? <p>{t('portal.home.noProgrammes')}</p> : null}
      {!featured && programmes.length > 0 ? (
        <section aria-labelledby="programmes">
          <h2 id="programmes">{t('portal.programmes.title')}</h2>
          <ul class="card-list">
            {programmes.map((programme) => (
              <li key={programme.id} class="card">
                <h3 class="card__title">
                  <a href={`/programmes/${programme.id}`}>{programme.title}</a>
                </h3>
                <p>{programme.summary}</p>
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
