/** The programme's overview of its plans: the page, its two charts and the monitoring CSV. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { csvText } from '../../../core/exchange/write.js';
import { HttpError } from '../../../core/http/errors.js';
import { barChartSvg } from '../../../core/views/charts.js';
import { listPartners } from '../../partners/service.js';
import { listProgrammes } from '../../programmes/service.js';
import { reportStatuses } from '../tables.js';
import { programmeOverview } from './service.js';
import { OverviewPage } from './views/OverviewPage.js';

export const overviewRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  async function overviewData(request: FastifyRequest) {
    const programme = (await listProgrammes(db))[0];
    if (!programme) throw new HttpError('not_found');
    const [plans, partners] = await Promise.all([programmeOverview(db, programme.id), listPartners(db, request.actor, programme.id)]);
    return { programme, plans, partnerName: new Map(partners.map((partner) => [partner.id, partner.name])) };
  }

  app.get('/plans/overview', { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const { plans, partnerName } = await overviewData(request);
    return reply.page(<OverviewPage plans={plans} partnerName={partnerName} />);
  });

  app.get('/plans/overview/progress.svg', { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const { plans, partnerName } = await overviewData(request);
    const svg = await barChartSvg({
      categories: plans.map((plan) => partnerName.get(plan.partnerId) ?? ''),
      series: reportStatuses.map((status) => ({ name: request.t(`plans.reportStatuses.${status}`), values: plans.map((plan) => plan.byStatus[status]) })),
      stacked: true,
      horizontal: true,
    });
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=60').send(svg);
  });

  app.get('/plans/overview/budget.svg', { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const { plans, partnerName } = await overviewData(request);
    const svg = await barChartSvg({
      categories: plans.map((plan) => partnerName.get(plan.partnerId) ?? ''),
      series: [
        { name: request.t('plans.overview.planned'), values: plans.map((plan) => Math.round(plan.plannedEur)) },
        { name: request.t('plans.overview.spent'), values: plans.map((plan) => Math.round(plan.spentEur)) },
      ],
      horizontal: true,
    });
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=60').send(svg);
  });

  app.get('/plans/overview/reports.csv', { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const { plans, partnerName } = await overviewData(request);
    const rows = plans.flatMap((plan) =>
      plan.actions.map((entry) => [
        partnerName.get(plan.partnerId) ?? '',
        plan.version,
        entry.action.key,
        entry.action.title,
        entry.action.startsOn ?? '',
        entry.action.endsOn ?? '',
        entry.action.costsEur ?? '',
        entry.latest?.semester ?? '',
        entry.latest?.status ?? 'not_started',
        entry.latest?.percentComplete ?? 0,
        entry.latest?.spentEur ?? 0,
      ]),
    );
    const csv = csvText([
      ['partner', 'plan_version', 'action_key', 'action', 'starts_on', 'ends_on', 'costs_eur', 'latest_semester', 'status', 'percent_complete', 'spent_eur'],
      ...rows,
    ]);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="plans-monitoring.csv"').send(csv);
  });
};
