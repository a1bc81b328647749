/** Monitoring: a plan's semester reports, filing one with its evidence, the files, and the programme overview. */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csvText } from '../../core/exchange/write.js';
import { HttpError } from '../../core/http/errors.js';
import { idParam, idPattern } from '../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../core/http/refusals.js';
import { anonymous } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import { parseForm, refusalState, type FormState, type FormValues } from '../../core/validation/forms.js';
import { barChartSvg } from '../../core/views/charts.js';
import { listPartners } from '../partners/service.js';
import { listProgrammes } from '../programmes/service.js';
import { planPath } from './routes.js';
import { reportSchema } from './schema.js';
import * as service from './service.js';
import { reportStatuses } from './tables.js';
import { OverviewPage } from './views/OverviewPages.js';
import { ReportFormPage, ReportsPage } from './views/ReportPages.js';

interface UploadedPart {
  filename: string;
  content: Buffer;
  truncated: boolean;
}

/** Multipart fields arrive as objects (or lists of them, when repeated); the form wants their text. */
function bodyValues(body: Record<string, unknown>): { values: FormValues; files: UploadedPart[] } {
  const values: FormValues = {};
  const files: UploadedPart[] = [];
  for (const [name, field] of Object.entries(body)) {
    for (const part of Array.isArray(field) ? field : [field]) {
      const value = (part as { value?: unknown }).value;
      if (name === 'files') {
        const file = value as UploadedPart | undefined;
        if (file && file.filename !== '') files.push(file);
      } else if (typeof value === 'string') {
        const existing = values[name];
        values[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
      }
    }
  }
  return { values, files };
}

/** The action a report is about, named in the query string (`?action=KEY`). */
function actionKeyOf(request: FastifyRequest): string {
  const { action } = request.query as { action?: unknown };
  return typeof action === 'string' ? action : '';
}

export const reportRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  await app.register(multipart, {
    attachFieldsToBody: true,
    // An oversized document is cut short and refused by the domain with a message on the form, not a bare 413.
    throwFileSizeLimit: false,
    limits: { fileSize: service.evidenceMaxBytes, files: 10, fields: 20, fieldSize: 20_000 },
    async onFile(part: MultipartFile) {
      const content = await part.toBuffer();
      (part as unknown as { value: UploadedPart }).value = { filename: part.filename, content, truncated: part.file.truncated };
    },
  });

  async function contextFor(request: FastifyRequest): Promise<service.ReportContext & { partnerName: string }> {
    const planId = idParam(request.params, 'planId');
    const plan = await service.getPlan(db, request.actor, planId);
    const context = plan ? await service.reportContext(db, planId) : undefined;
    if (!context) throw new HttpError('not_found');
    const partner = (await listPartners(db, anonymous, context.programmeId)).find((candidate) => candidate.id === context.partnerId);
    return { ...context, partnerName: partner?.name ?? '' };
  }

  app.get(`${planPath}/reports`, { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const context = await contextFor(request);
    const reports = await service.reportsOf(db, context.planId);
    const mayReport = can(request.actor, 'plan.report', { programmeId: context.programmeId, partnerIds: [context.partnerId] });
    return reply.page(<ReportsPage planId={context.planId} partnerName={context.partnerName} actions={context.content.actions} semesters={context.semesters} reports={reports} mayReport={mayReport} />);
  });

  async function reportForm(request: FastifyRequest, reply: FastifyReply, context: service.ReportContext, actionKey: string, semester: number, state: FormState, status = 200) {
    const action = context.content.actions.find((entry) => entry.key === actionKey);
    if (!action) throw new HttpError('not_found');
    const reports = await service.reportsOf(db, context.planId);
    const correcting = reports.some((report) => report.current && report.actionKey === actionKey && report.semester === semester);
    return reply.page(<ReportFormPage planId={context.planId} action={action} semesters={context.semesters} semester={semester} state={state} correcting={correcting} />, status);
  }

  app.get(`${planPath}/reports/new`, { config: { action: 'plan.report' } }, async (request, reply) => {
    const context = await contextFor(request);
    assertAllowed(can(request.actor, 'plan.report', { programmeId: context.programmeId, partnerIds: [context.partnerId] }));
    const query = request.query as Record<string, unknown>;
    const semester = Number(query.semester);
    const chosen = context.semesters.some((entry) => entry.number === semester) ? semester : (context.semesters.at(-1)?.number ?? 1);
    return reportForm(request, reply, context, actionKeyOf(request), chosen, { values: {}, errors: [] });
  });

  // Evidence files are read into memory to recognise their type: a request carries at most 25 MB of them.
  app.post(`${planPath}/reports`, { config: { action: 'plan.report' }, bodyLimit: 25 * 1024 * 1024 }, async (request, reply) => {
    const context = await contextFor(request);
    const actionKey = actionKeyOf(request);
    const { values, files } = bodyValues((request.body ?? {}) as Record<string, unknown>);
    const semester = Number(values.semester);
    const parsed = parseForm(reportSchema, values);
    if (!parsed.ok) return reportForm(request, reply, context, actionKey, semester, parsed.state, 400);
    const outcome = await service.fileReport(db, request.actor, context.planId, actionKey, parsed.data, files);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      const state = refusalState(values, outcome, 'plans.refusals');
      return reportForm(request, reply, context, actionKey, semester, outcome.reason.startsWith('file') ? { ...state, errors: state.errors.map((error) => ({ ...error, values: { megabytes: service.evidenceMaxBytes / 1024 / 1024 } })) } : state, 400);
    }
    reply.setFlash({ kind: 'success', key: outcome.value.supersedes ? 'plans.flash.reportCorrected' : 'plans.flash.reportFiled' });
    return reply.redirect(`/plans/${context.planId}/reports#semester-${parsed.data.semester}`, 303);
  });

  app.get(`${planPath}/files/:fileId${idPattern}`, { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const planId = idParam(request.params, 'planId');
    if (!(await service.getPlan(db, request.actor, planId))) throw new HttpError('not_found');
    const file = await service.evidenceFile(db, planId, idParam(request.params, 'fileId'));
    if (!file) throw new HttpError('not_found');
    // Always a download, under its recognised type, never rendered by the browser as part of the site.
    return reply
      .type(file.media_type)
      .header('content-disposition', `attachment; filename="${file.original_name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.original_name)}`)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });

  async function overviewData(request: FastifyRequest) {
    const programme = (await listProgrammes(db))[0];
    if (!programme) throw new HttpError('not_found');
    const [plans, partners] = await Promise.all([service.programmeOverview(db, programme.id), listPartners(db, request.actor, programme.id)]);
    return { programme, plans, partnerName: new Map(partners.map((partner) => [partner.id, partner.name])) };
  }

  app.get('/plans/overview', { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const { plans, partnerName } = await overviewData(request);
    return reply.page(<OverviewPage plans={plans} partnerName={partnerName} />);
  });

  app.get('/plans/overview/progress.svg', { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const { plans, partnerName } = await overviewData(request);
    const svg = barChartSvg({
      categories: plans.map((plan) => partnerName.get(plan.partnerId) ?? ''),
      series: reportStatuses.map((status) => ({ name: request.t(`plans.reportStatuses.${status}`), values: plans.map((plan) => plan.byStatus[status]) })),
      stacked: true,
      horizontal: true,
    });
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=60').send(svg);
  });

  app.get('/plans/overview/budget.svg', { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const { plans, partnerName } = await overviewData(request);
    const svg = barChartSvg({
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
    const csv = csvText([['partner', 'plan_version', 'action_key', 'action', 'starts_on', 'ends_on', 'costs_eur', 'latest_semester', 'status', 'percent_complete', 'spent_eur'], ...rows]);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="plans-monitoring.csv"').send(csv);
  });
};
