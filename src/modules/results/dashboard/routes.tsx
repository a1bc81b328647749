/**
 * The results dashboard's routes: the page, the records behind any figure, each indicator's trend (SVG and CSV),
 * the figures as CSV and JSON, and the semester progress report as Word (the programme's staff only). Every one
 * reads the same filters (filters.ts), so a view and its downloads share their address's query string.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { csvText } from '../../../core/exchange/write.js';
import { HttpError } from '../../../core/http/errors.js';
import { getTranslator } from '../../../core/i18n/i18n.js';
import { can } from '../../../core/policy/policy.js';
import { Layout } from '../../../core/views/Layout.js';
import { BackLink, PageHeading } from '../../../core/views/components/ui.js';
import { listProgrammes } from '../../programmes/service.js';
import {
  formulaRecords,
  indicatorProgramme,
  indicatorRecords,
  programmeScope,
  resultsFigures,
  trendChartSvg,
  type FigureScope,
  type ResultsFigures,
} from '../figures/index.js';
import { successMeasures } from '../measures.js';
import { csvCells, figureColumns, figureRecords } from './exports.js';
import { checkedFilters, FilterProblem, rawFilters, type Filters } from './filters.js';
import { semesterReport } from './report.js';
import { localised } from './text.js';
import { IndicatorPage } from './views/IndicatorPage.js';
import { RecordsPage } from './views/RecordsPage.js';
import { ResultsPage } from './views/ResultsPage.js';

const measureFormulas = [...new Set(successMeasures.flatMap((measure) => measure.formulas))];
const indicatorPath = '/results/indicators/:indicatorId(^\\d{1,9})';
const downloadPath = /\.(csv|json|svg|docx)$/;

export const dashboardRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  /** A filter value naming nothing in the programme: a page (or, for a download, a JSON body) that says which. */
  app.setErrorHandler(async (error, request, reply) => {
    if (!(error instanceof FilterProblem)) throw error;
    const message = request.t(`results.filters.${error.field}`, { last: error.lastSemester });
    if (downloadPath.test(request.url.split('?')[0] ?? '')) return reply.status(400).send({ error: 'invalid', message });
    return reply.page(
      <Layout title={request.t('results.filters.title')} hasErrors>
        <BackLink href="/results">{request.t('results.records.back')}</BackLink>
        <PageHeading>{request.t('results.filters.title')}</PageHeading>
        <p>{message}</p>
      </Layout>,
      400,
    );
  });

  async function programmeIdOf(request: FastifyRequest): Promise<number> {
    const { programme } = rawFilters(request.query);
    const id = programme ?? (await listProgrammes(db))[0]?.id;
    if (id === undefined) throw new HttpError('not_found');
    return id;
  }

  /** The figures and the filters checked against the programme they belong to. */
  async function figuresFor(request: FastifyRequest, programmeId: number, options: { onlyIndicator?: number; withEvidence?: boolean } = {}) {
    const figures = await resultsFigures(
      db,
      request.actor,
      programmeId,
      options.onlyIndicator === undefined ? { alsoFormulas: measureFormulas, ...options } : options,
    );
    if (!figures) throw new HttpError('not_found');
    const raw = rawFilters(request.query);
    const filters = checkedFilters(
      raw,
      figures.semesters,
      figures.partners.map((partner) => partner.id),
    );
    return { figures, filters, semesterGiven: raw.semester !== undefined };
  }

  /** One indicator's figures, in its own programme; 404 when the reader may not see it. */
  async function indicatorFigures(request: FastifyRequest) {
    const indicatorId = Number((request.params as { indicatorId: string }).indicatorId);
    const programmeId = await indicatorProgramme(db, indicatorId);
    if (programmeId === undefined) throw new HttpError('not_found');
    const { figures, filters } = await figuresFor(request, programmeId, { onlyIndicator: indicatorId });
    const entry = figures.indicators[0];
    if (!entry) throw new HttpError('not_found');
    return { figures, filters, entry };
  }

  app.get('/results', { config: { action: 'results.read' } }, async (request, reply) => {
    const { figures, filters } = await figuresFor(request, await programmeIdOf(request));
    return reply.page(<ResultsPage figures={figures} filters={filters} />);
  });

  app.get(indicatorPath, { config: { action: 'results.read' } }, async (request, reply) => {
    const { figures, filters, entry } = await indicatorFigures(request);
    return reply.page(<IndicatorPage entry={entry} figures={figures} filters={filters} />);
  });

  /** The records behind one figure, with the filters checked against the programme (its semesters and partners). */
  async function recordsPage(request: FastifyRequest, programmeId: number, trace: (scope: FigureScope) => ReturnType<typeof indicatorRecords>) {
    const scope = await programmeScope(db, programmeId);
    if (!scope) throw new HttpError('not_found');
    const filters = checkedFilters(
      rawFilters(request.query),
      scope.semesters,
      scope.partners.map((partner) => partner.id),
    );
    const found = await trace({ partnerId: filters.partnerId, semester: filters.semester });
    if (!found) throw new HttpError('not_found');
    return <RecordsPage trace={found} filters={filters} partnerName={new Map(scope.partners.map((partner) => [partner.id, partner.name]))} />;
  }

  app.get(`${indicatorPath}/records`, { config: { action: 'results.read' } }, async (request, reply) => {
    const indicatorId = Number((request.params as { indicatorId: string }).indicatorId);
    const programmeId = await indicatorProgramme(db, indicatorId);
    if (programmeId === undefined) throw new HttpError('not_found');
    return reply.page(await recordsPage(request, programmeId, (scope) => indicatorRecords(db, request.actor, indicatorId, scope)));
  });

  app.get('/results/formulas/:formula(^[a-z][a-z0-9_.]{0,63})/records', { config: { action: 'results.read' } }, async (request, reply) => {
    const programmeId = await programmeIdOf(request);
    const formula = (request.params as { formula: string }).formula;
    return reply.page(await recordsPage(request, programmeId, (scope) => formulaRecords(db, programmeId, formula, scope)));
  });

  /** The trend's figures: the value (and the staff's value with those awaiting validation) per semester, with the target. */
  function trendOf(figures: ResultsFigures, filters: Filters, entry: ResultsFigures['indicators'][number]) {
    const partner = filters.partnerId === null ? undefined : entry.partners.find((candidate) => candidate.partnerId === filters.partnerId);
    const values = partner?.values ?? (filters.partnerId === null ? entry.programme : []);
    const target = partner ? partner.target : filters.partnerId === null ? entry.indicator.programmeTarget : null;
    const shown = values.filter((value) => value.semester <= filters.semester);
    const withAwaiting = figures.showsUnvalidated && shown.some((value) => value.unvalidated !== null);
    return { shown, target, withAwaiting, partnerName: figures.partners.find((candidate) => candidate.id === filters.partnerId)?.name };
  }

  app.get(`${indicatorPath}/trend.svg`, { config: { action: 'results.read' } }, async (request, reply) => {
    const { figures, filters, entry } = await indicatorFigures(request);
    const { t } = request;
    const { shown, target, withAwaiting, partnerName } = trendOf(figures, filters, entry);
    const name = `${entry.indicator.code} – ${localised(entry.indicator.names, request.locale).text}`;
    const number = (value: number) => request.t(`results.units.${entry.indicator.unit}`, { value: String(value) });
    const svg = await trendChartSvg({
      title: t('results.dashboard.trend', { indicator: name }),
      description: t('results.chart.description', {
        scope: partnerName ?? t('results.dashboard.wholeProgramme'),
        values: shown.map((value) => `${t('results.dashboard.semesterNumber', { number: value.semester })}: ${number(value.value)}`).join('; '),
        target: target === null ? t('results.dashboard.noTarget') : number(target),
      }),
      categories: shown.map((value) => t('results.dashboard.semesterNumber', { number: value.semester })),
      series: [
        { name: t('results.dashboard.value'), values: shown.map((value) => value.value), line: 'solid' },
        ...(target === null ? [] : [{ name: t('results.dashboard.target'), values: shown.map(() => target), line: 'dashed' as const }]),
        ...(withAwaiting
          ? [{ name: t('results.chart.withAwaiting'), values: shown.map((value) => value.unvalidated ?? value.value), line: 'dotted' as const }]
          : []),
      ],
    });
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', figures.showsUnvalidated ? 'private, no-store' : 'public, max-age=60')
      .send(svg);
  });

  app.get(`${indicatorPath}/trend.csv`, { config: { action: 'results.read' } }, async (request, reply) => {
    const { figures, filters, entry } = await indicatorFigures(request);
    const { shown, target, withAwaiting } = trendOf(figures, filters, entry);
    const semesterEnd = new Map(figures.semesters.map((semester) => [semester.number, semester.endsOn]));
    const csv = csvText([
      ['code', 'semester', 'as_at', 'value', 'target', ...(withAwaiting ? ['value_with_awaiting_validation'] : [])],
      ...shown.map((value) => [
        entry.indicator.code,
        value.semester,
        semesterEnd.get(value.semester) ?? '',
        value.value,
        target ?? '',
        ...(withAwaiting ? [value.unvalidated ?? ''] : []),
      ]),
    ]);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="indicator-${entry.indicator.id}-trend.csv"`).send(csv);
  });

  async function exportRecords(request: FastifyRequest) {
    const { figures, filters, semesterGiven } = await figuresFor(request, await programmeIdOf(request), { withEvidence: true });
    return { figures, records: figureRecords(figures, { ...filters, allSemesters: !semesterGiven }, request.locale) };
  }

  app.get('/results/indicators.csv', { config: { action: 'results.read' } }, async (request, reply) => {
    const { figures, records } = await exportRecords(request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', figures.showsUnvalidated ? 'private, no-store' : 'public, max-age=60')
      .header('content-disposition', 'attachment; filename="results-indicators.csv"')
      .send(csvText([figureColumns, ...records.map(csvCells)]));
  });

  app.get('/results/indicators.json', { config: { action: 'results.read' } }, async (request, reply) => {
    const { figures, records } = await exportRecords(request);
    return reply.header('cache-control', figures.showsUnvalidated ? 'private, no-store' : 'public, max-age=60').send(records);
  });

  app.get('/results/report.docx', { config: { action: 'results.read_unvalidated' } }, async (request, reply) => {
    const programmeId = await programmeIdOf(request);
    if (!can(request.actor, 'results.read_unvalidated', { programmeId })) throw new HttpError('forbidden');
    const { figures, filters } = await figuresFor(request, programmeId, { onlyIndicator: 0 });
    const translator = await getTranslator();
    const report = await semesterReport(db, request.actor, figures.programme.id, filters.semester, {
      t: request.t,
      locale: request.locale,
      formatNumber: (value: number) => translator.formatNumber(request.locale, value),
      formatDate: (value: string) => translator.formatDate(request.locale, value),
    });
    if (!report) throw new HttpError('not_found');
    const { semesterReportDocx } = await import('./report-docx.js');
    const document = await semesterReportDocx(report);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="results-semester-${filters.semester}.docx"`)
      .send(document);
  });
};
