/**
 * One indicator's own page: its figure against the target, the table per partner and the trend over the semesters,
 * with the dashboard's filters, so the dashboard itself stays one line per indicator.
 */
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { ResultsFigures } from '../../figures/index.js';
import type { IndicatorSeries } from '../../types.js';
import { queryOf, type Filters } from '../filters.js';
import { localised } from '../text.js';
import { FiltersForm } from './parts.js';
import { IndicatorSection } from './ResultsPage.js';

export function IndicatorPage({ entry, figures, filters }: { entry: IndicatorSeries; figures: ResultsFigures; filters: Filters }) {
  const { t, locale } = useView();
  const { indicator } = entry;
  const name = localised(indicator.names, locale);
  return (
    <Layout title={`${indicator.code} – ${name.text}`}>
      <BackLink href={`/results${queryOf(filters)}`}>{t('results.records.back')}</BackLink>
      <PageHeading caption={figures.programme.title}>
        {indicator.code} – <span lang={name.lang}>{name.text}</span>
      </PageHeading>
      <FiltersForm action={`/results/indicators/${indicator.id}`} figures={figures} filters={filters} />
      <IndicatorSection entry={entry} figures={figures} filters={filters} locale={locale} detailed />
    </Layout>
  );
}
