/**
 * The public results dashboard: the five success measures with their formulas written out, then every indicator the
 * reader may see with its target and value, a progress bar, a table per partner and a trend chart (an image with a
 * text alternative, its figures as a table and a CSV). Filters are a GET form, so every view has a stable URL and
 * works without scripts; each number links to the records that make it. The programme's staff also see the values
 * awaiting validation, marked and never added into a total.
 */
import { DataTable, Inset, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { ResultsFigures } from '../../figures/index.js';
import { successMeasures } from '../../measures.js';
import type { IndicatorSeries, SeriesValue } from '../../types.js';
import { queryOf, type Filters } from '../filters.js';
import { localised } from '../text.js';
import { AwaitingValidation, FiltersForm, FigureLink, recordsHref, TargetProgress, useValueFormat } from './parts.js';

interface Props {
  figures: ResultsFigures;
  filters: Filters;
}

const hasData = (values: readonly SeriesValue[]) => values.some((point) => point.value !== 0 || point.unvalidated !== null);

export function ResultsPage({ figures, filters }: Props) {
  const { t, formatDate, locale } = useView();
  const semester = figures.semesters.find((candidate) => candidate.number === filters.semester);
  const partner = figures.partners.find((candidate) => candidate.id === filters.partnerId);
  const subject = partner?.name ?? t('results.dashboard.wholeProgramme');
  const asAt = t('results.dashboard.asAt', { number: filters.semester, date: semester ? formatDate(semester.endsOn) : '' });
  return (
    <Layout title={t('results.dashboard.title')}>
      <PageHeading caption={figures.programme.title}>{t('results.dashboard.title')}</PageHeading>
      <p class="lead">{t('results.dashboard.intro')}</p>
      <FiltersForm action="/results" figures={figures} filters={filters} />
      <p>
        <strong>{subject}</strong>, {asAt}
      </p>
      {figures.showsUnvalidated ? (
        <Inset>
          <p>{t('results.dashboard.staffNote')}</p>
        </Inset>
      ) : null}

      <section aria-labelledby="measures">
        <h2 id="measures">{t('results.dashboard.measures')}</h2>
        <p>{t('results.dashboard.measuresIntro')}</p>
        {successMeasures.map((measure) => (
          <section key={measure.key} aria-labelledby={`measure-${measure.key}`} class="measure">
            <h3 id={`measure-${measure.key}`}>{t(`results.measures.${measure.key}.name`)}</h3>
            <p>
              <strong>{t('results.dashboard.formula')}</strong> {t(`results.measures.${measure.key}.formula`)}
            </p>
            <MeasureFigures formulas={measure.formulas} figures={figures} filters={filters} />
          </section>
        ))}
      </section>

      <section aria-labelledby="indicators">
        <h2 id="indicators">{t('results.dashboard.indicators')}</h2>
        {figures.indicators.length === 0 ? <p>{t('results.dashboard.noIndicators')}</p> : null}
        {figures.indicators.map((entry) => (
          <IndicatorSection key={entry.indicator.id} entry={entry} figures={figures} filters={filters} locale={locale} detailed={false} />
        ))}
      </section>

      <section aria-labelledby="governance">
        <h2 id="governance">{t('results.dashboard.governance')}</h2>
        <p>
          <a href="/results/maturity">{t('results.dashboard.maturityLink')}</a>
        </p>
      </section>

      <section aria-labelledby="downloads">
        <h2 id="downloads">{t('results.dashboard.downloads')}</h2>
        <ul>
          <li>
            <a href={`/results/indicators.csv${queryOf(filters)}`} download>
              {t('results.dashboard.csv')}
            </a>
          </li>
          <li>
            <a href={`/results/indicators.json${queryOf(filters)}`}>{t('results.dashboard.json')}</a>
          </li>
          {figures.showsUnvalidated ? (
            <li>
              <a href={`/results/report.docx${queryOf({ programme: filters.programme, semester: filters.semester })}`} download>
                {t('results.dashboard.docx', { number: filters.semester })}
              </a>
            </li>
          ) : null}
        </ul>
      </section>
    </Layout>
  );
}

function MeasureFigures({ formulas, figures, filters }: { formulas: readonly string[]; figures: ResultsFigures; filters: Filters }) {
  const { t } = useView();
  const format = useValueFormat();
  return (
    <ul class="measure__figures">
      {formulas.map((key) => {
        const entry = figures.formulaPoints.get(key);
        if (!entry) {
          return (
            <li key={key}>
              <code>{key}</code>: {t('results.dashboard.formulaMissing')}
            </li>
          );
        }
        const { formula, points } = entry;
        const point = points.find((candidate) => candidate.partnerId === filters.partnerId && candidate.semester === filters.semester);
        // A figure an indicator shows links to that indicator's records; otherwise to the formula's own.
        const indicator = figures.indicators.find((candidate) => candidate.indicator.formula === key);
        const href = recordsHref(indicator ? { indicatorId: indicator.indicator.id } : { formula: key }, filters);
        return (
          <li key={key}>
            <strong>{t(formula.nameKey)}</strong>:{' '}
            <FigureLink href={href}>{point ? format(point.value, formula.unit) : t('results.dashboard.noFigure')}</FigureLink>
            <br />
            <span class="hint">{t(formula.descriptionKey)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * One indicator: its figure against the target. On the dashboard that is all (a programme of 50 partners would
 * otherwise render thousands of rows); on the indicator's own page (`detailed`) also the table per partner and the
 * trend over the semesters, drawn and as a table.
 */
export function IndicatorSection({
  entry,
  figures,
  filters,
  locale,
  detailed,
}: {
  entry: IndicatorSeries;
  figures: ResultsFigures;
  filters: Filters;
  locale: Parameters<typeof localised>[1];
  detailed: boolean;
}) {
  const { t, formatDate } = useView();
  const format = useValueFormat();
  const { indicator } = entry;
  const name = localised(indicator.names, locale);
  const definition = localised(indicator.definitions, locale);
  const scoped =
    filters.partnerId === null
      ? indicator.atProgramme
        ? { values: entry.programme, target: indicator.programmeTarget }
        : null
      : (() => {
          const partner = entry.partners.find((candidate) => candidate.partnerId === filters.partnerId);
          return partner ? { values: partner.values, target: partner.target } : null;
        })();
  const point = scoped?.values.find((candidate) => candidate.semester === filters.semester);
  const id = `indicator-${indicator.id}`;
  const title = `${indicator.code} – ${name.text}`;
  const empty = !hasData(entry.programme) && !entry.partners.some((partner) => hasData(partner.values));
  const shownValues = scoped?.values.filter((value) => value.semester <= filters.semester) ?? [];
  const staffColumn = figures.showsUnvalidated && indicator.method === 'reported';
  return (
    <section {...(detailed ? { 'aria-label': title } : { 'aria-labelledby': id })} class="indicator">
      {detailed ? null : (
        <h3 id={id}>
          <a href={`/results/indicators/${indicator.id}${queryOf(filters)}`}>
            {indicator.code} – <span lang={name.lang}>{name.text}</span>
          </a>
        </h3>
      )}
      {definition.text ? <p lang={definition.lang}>{definition.text}</p> : null}
      <p class="hint">
        {t(`results.kinds.${indicator.kind}`)} · {t(`results.methods.${indicator.method}`)} · {t('results.dashboard.baseline')}{' '}
        {format(indicator.baseline, indicator.unit)}
        {indicator.targetDate ? ` · ${t('results.dashboard.targetDate', { date: formatDate(indicator.targetDate) })}` : ''}
      </p>
      {empty ? (
        <p class="empty-state">{t('results.dashboard.noData')}</p>
      ) : !scoped || !point ? (
        <p>{t(filters.partnerId === null ? 'results.dashboard.partnersOnly' : 'results.dashboard.programmeOnly')}</p>
      ) : (
        <>
          <p class="indicator__figure">
            {t('results.dashboard.value')}{' '}
            <FigureLink href={recordsHref({ indicatorId: indicator.id }, filters)}>{format(point.value, indicator.unit)}</FigureLink>
            {scoped.target !== null ? ` ${t('results.dashboard.ofTarget', { target: format(scoped.target, indicator.unit) })}` : ''}{' '}
            <TargetProgress value={point.value} target={scoped.target} label={t('results.dashboard.progressOf', { indicator: title })} />
          </p>
          {point.unvalidated !== null ? (
            <p>
              <AwaitingValidation>{t('results.dashboard.withAwaiting', { value: format(point.unvalidated, indicator.unit) })}</AwaitingValidation>
            </p>
          ) : null}
        </>
      )}
      {detailed && !empty && filters.partnerId === null && entry.partners.length > 0 ? (
        <DataTable
          caption={t('results.dashboard.byPartner', { indicator: title, asAt: t('results.dashboard.asAtShort', { number: filters.semester }) })}
          head={
            <tr>
              <th scope="col">{t('results.dashboard.partner')}</th>
              <th scope="col" class="numeric">
                {t('results.dashboard.target')}
              </th>
              <th scope="col" class="numeric">
                {t('results.dashboard.value')}
              </th>
              <th scope="col">{t('results.dashboard.progress')}</th>
              {staffColumn ? <th scope="col">{t('results.dashboard.awaitingValidation')}</th> : null}
            </tr>
          }
        >
          {entry.partners.map((partner) => {
            const value = partner.values.find((candidate) => candidate.semester === filters.semester);
            const name = figures.partners.find((candidate) => candidate.id === partner.partnerId)?.name ?? '';
            return (
              <tr key={partner.partnerId}>
                <th scope="row">{name}</th>
                <td class="numeric">{partner.target === null ? '–' : format(partner.target, indicator.unit)}</td>
                <td class="numeric">
                  <FigureLink href={recordsHref({ indicatorId: indicator.id }, { ...filters, partnerId: partner.partnerId })}>
                    {format(value?.value ?? 0, indicator.unit)}
                  </FigureLink>
                </td>
                <td>
                  <TargetProgress value={value?.value ?? 0} target={partner.target} />
                </td>
                {staffColumn ? (
                  <td>{value?.unvalidated === null || value?.unvalidated === undefined ? '–' : format(value.unvalidated, indicator.unit)}</td>
                ) : null}
              </tr>
            );
          })}
        </DataTable>
      ) : null}
      {detailed && !empty && scoped ? (
        <>
          <h2>{t('results.dashboard.trend', { indicator: title })}</h2>
          <figure class="chart">
            <img
              src={`/results/indicators/${indicator.id}/trend.svg${queryOf(filters)}`}
              alt={t('results.dashboard.trendAlt', { indicator: title })}
              width={720}
              height={320}
            />
          </figure>
          <DataTable
            caption={t('results.dashboard.trendData', { indicator: title })}
            head={
              <tr>
                <th scope="col">{t('results.dashboard.semester')}</th>
                <th scope="col" class="numeric">
                  {t('results.dashboard.value')}
                </th>
                {staffColumn ? <th scope="col">{t('results.dashboard.awaitingValidation')}</th> : null}
              </tr>
            }
          >
            {shownValues.map((value) => (
              <tr key={value.semester}>
                <th scope="row">{t('results.dashboard.semesterNumber', { number: value.semester })}</th>
                <td class="numeric">
                  <FigureLink href={recordsHref({ indicatorId: indicator.id }, { ...filters, semester: value.semester })}>
                    {format(value.value, indicator.unit)}
                  </FigureLink>
                </td>
                {staffColumn ? <td>{value.unvalidated === null ? '–' : format(value.unvalidated, indicator.unit)}</td> : null}
              </tr>
            ))}
          </DataTable>
          <p>
            {scoped.target !== null ? `${t('results.dashboard.target')}: ${format(scoped.target, indicator.unit)}. ` : ''}
            <a href={`/results/indicators/${indicator.id}/trend.csv${queryOf(filters)}`} download>
              {t('results.dashboard.trendCsv', { indicator: title })}
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}
