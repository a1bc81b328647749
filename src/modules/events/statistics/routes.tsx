/** Participation statistics as a page, as SVG charts and CSV tables. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { csvText } from '../../../core/exchange/write.js';
import { HttpError } from '../../../core/http/errors.js';
import { wantsJson } from '../../../core/http/guard.js';
import { anonymous } from '../../../core/policy/actor.js';
import { listPartners } from '../../partners/service.js';
import { findProgramme, listProgrammes } from '../../programmes/service.js';
import { barChartSvg } from '../../../core/views/charts.js';
import { statisticsQuerySchema } from '../schema.js';
import * as service from './service.js';
import { statisticsTables, tableOf, type StatisticsTable } from './chart-tables.js';
import { StatisticsPage } from './views/StatisticsPage.js';

export const statisticsRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  /** The programme and partner the figures are for: the partner's programme, or the platform's first programme. */
  async function scopeOf(request: FastifyRequest) {
    const query = statisticsQuerySchema.parse(request.query);
    const partners = await listPartners(db, anonymous);
    const partner = query.partner === undefined ? undefined : partners.find((candidate) => candidate.id === query.partner);
    if (query.partner !== undefined && !partner) throw new HttpError('not_found');
    const programme = partner ? await findProgramme(db, partner.programmeId) : (await listProgrammes(db))[0];
    if (!programme) throw new HttpError('not_found');
    const statistics = await service.participationStatistics(db, programme, partner?.id ?? null);
    const programmePartners = partners.filter((candidate) => candidate.programmeId === programme.id);
    // Participants give the partner region they come from: the table names the region (the partner's NUTS region).
    const regions = new Map(programmePartners.map((candidate) => [candidate.id, candidate.nutsName || candidate.name]));
    return { programme, partner, statistics, programmePartners, table: (name: StatisticsTable) => tableOf(name, statistics, request.t, regions) };
  }

  app.get('/events/statistics', { config: { action: 'event.statistics.read' } }, async (request, reply) => {
    const scope = await scopeOf(request);
    if (wantsJson(request))
      return reply.header('vary', 'Accept').send({ programmeId: scope.programme.id, partnerId: scope.partner?.id ?? null, ...scope.statistics });
    return reply.page(
      <StatisticsPage
        statistics={scope.statistics}
        tables={statisticsTables.map(scope.table)}
        partners={scope.programmePartners}
        partnerId={scope.partner?.id}
        programmeTitle={scope.programme.title}
      />,
    );
  });

  const tablePattern = '(^[a-z-]{1,20})';
  const tableOfRequest = (request: FastifyRequest): StatisticsTable => {
    const name = (request.params as { table: string }).table;
    if (!(statisticsTables as readonly string[]).includes(name)) throw new HttpError('not_found');
    return name as StatisticsTable;
  };

  app.get(`/events/statistics/:table${tablePattern}.svg`, { config: { action: 'event.statistics.read' } }, async (request, reply) => {
    const table = (await scopeOf(request)).table(tableOfRequest(request));
    const svg = await barChartSvg({
      categories: table.rows.map((row) => row.label),
      series: table.columns.slice(1).map((column, index) => ({ name: column, values: table.rows.map((row) => row.values[index] ?? 0) })),
      stacked: table.stacked,
      horizontal: table.name === 'roles' || table.name === 'regions',
    });
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=60').send(svg);
  });

  app.get(`/events/statistics/:table${tablePattern}.csv`, { config: { action: 'event.statistics.read' } }, async (request, reply) => {
    const table = (await scopeOf(request)).table(tableOfRequest(request));
    const csv = csvText([table.columns, ...table.rows.map((row) => [row.label, ...row.values])]);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${table.name}.csv"`).send(csv);
  });
};
