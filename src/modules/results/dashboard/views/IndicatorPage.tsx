/**
 * One indicator's own page: its figure against the target, the table per partner and the trend over the semesters,
 * with the dashboard's filters, so the dashboard itself stays one line per indicator.
 */
import { Form, SelectField } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { ResultsFigures } from '../../figures/index.js';
import type { IndicatorSeries } from '../../types.js';
import { queryOf, type Filters } from '../filters.js';
import { localised } from '../text.js';
import { IndicatorSection } from './ResultsPage.js';

export function IndicatorPage({ entry, figures, filters }: { entry: IndicatorSeries; figures: ResultsFigures; filters: Filters }) {
  const { t, formatDate, locale } = useView();
  const { indicator } = entry;
  const name = localised(indicator.names, locale);
  return (
    <Layout title={`${indicator.code} – ${name.text}`}>
      <BackLink href={`/results${queryOf(filters)}`}>{t('results.records.back')}</BackLink>
      <PageHeading caption={figures.programme.title}>
        {indicator.code} – <span lang={name.lang}>{name.text}</span>
      </PageHeading>
      <Form action={`/results/indicators/${indicator.id}`} method="get" class="filters" label={t('results.dashboard.filters')}>
        <SelectField
          name="partner"
          label={t('results.dashboard.partner')}
          value={filters.partnerId === null ? '' : String(filters.partnerId)}
          placeholder={t('results.dashboard.wholeProgramme')}
          options={figures.partners.map((candidate) => ({ value: String(candidate.id), label: candidate.name }))}
        />
        <SelectField
          name="semester"
          label={t('results.dashboard.semester')}
          value={String(filters.semester)}
          options={figures.semesters.map((candidate) => ({
            value: String(candidate.number),
            label: t('results.dashboard.semesterEnding', { number: candidate.number, date: formatDate(candidate.endsOn) }),
          }))}
        />
        <button type="submit" class="button button--secondary">
          {t('results.dashboard.show')}
        </button>
      </Form>
      <IndicatorSection entry={entry} figures={figures} filters={filters} locale={locale} detailed />
    </Layout>
  );
}
