/** Monitoring: a plan's semester reports, filing one with its evidence, the files, and the reports as CSV. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csvText } from '../../../core/exchange/write.js';
import { HttpError } from '../../../core/http/errors.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import { acceptUploads, uploadError, uploadOf } from '../../../core/http/uploads.js';
import { anonymous } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { fieldOrder, formValues, parseForm, type FieldError, type FormState } from '../../../core/validation/forms.js';
import { listPartners } from '../../partners/service.js';
import { planPath } from '../writing/index.js';
import { getPlan } from '../writing/service.js';
import { reportSchema } from './schema.js';
import * as service from './service.js';
import { ReportFormPage, ReportsPage } from './views/ReportPages.js';

/** The form's fields in the order a person meets them; the documents come after the links. */
const reportFields = fieldOrder(reportSchema).flatMap((field) => (field === 'links' ? [field, 'files'] : [field]));

/** Every problem of a report form, whatever its source, listed in the order of the fields. */
function inFieldOrder(errors: FieldError[]): FieldError[] {
  const rank = (error: FieldError) => {
    const position = reportFields.indexOf(error.field);
    return position === -1 ? reportFields.length : position;
  };
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => rank(a.error) - rank(b.error) || a.index - b.index)
    .map(({ error }) => error);
}

const problemErrors = (problems: service.ReportProblem[]): FieldError[] =>
  problems.map((problem) => ({ field: problem.field, key: `plans.refusals.${problem.reason}`, ...(problem.values ? { values: problem.values } : {}) }));

/** The action a report is about, named in the query string (`?action=KEY`). */
function actionKeyOf(request: FastifyRequest): string {
  const { action } = request.query as { action?: unknown };
  return typeof action === 'string' ? action : '';
}

export const reportRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  await acceptUploads(app, service.evidenceLimits);
  const quotaMegabytes = app.config.partnerStorageQuotaMegabytes;

  async function contextFor(request: FastifyRequest): Promise<service.ReportContext & { partnerName: string }> {
    const planId = idParam(request.params, 'planId');
    const plan = await getPlan(db, request.actor, planId);
    const context = plan ? await service.reportContext(db, planId) : undefined;
    if (!context) throw new HttpError('not_found');
    const partner = (await listPartners(db, anonymous, context.programmeId)).find((candidate) => candidate.id === context.partnerId);
    return { ...context, partnerName: partner?.name ?? '' };
  }

  app.get(`${planPath}/reports`, { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const context = await contextFor(request);
    const reports = await service.reportsOf(db, context.planId);
    const mayReport = can(request.actor, 'plan.report', { programmeId: context.programmeId, partnerIds: [context.partnerId] });
    return reply.page(
      <ReportsPage
        planId={context.planId}
        partnerName={context.partnerName}
        actions={context.content.actions}
        semesters={context.semesters}
        reports={reports}
        mayReport={mayReport}
      />,
    );
  });

  async function reportForm(
    request: FastifyRequest,
    reply: FastifyReply,
    context: service.ReportContext,
    actionKey: string,
    semester: number,
    state: FormState,
    status = 200,
  ) {
    const action = context.content.actions.find((entry) => entry.key === actionKey);
    if (!action) throw new HttpError('not_found');
    const reports = await service.reportsOf(db, context.planId);
    const correcting = reports.some((report) => report.current && report.actionKey === actionKey && report.semester === semester);
    return reply.page(
      <ReportFormPage planId={context.planId} action={action} semesters={context.semesters} semester={semester} state={state} correcting={correcting} />,
      status,
    );
  }

  app.get(`${planPath}/reports/new`, { config: { action: 'plan.report' } }, async (request, reply) => {
    const context = await contextFor(request);
    assertAllowed(can(request.actor, 'plan.report', { programmeId: context.programmeId, partnerIds: [context.partnerId] }));
    const query = request.query as Record<string, unknown>;
    const semester = Number(query.semester);
    const chosen = context.semesters.some((entry) => entry.number === semester) ? semester : (context.semesters.at(-1)?.number ?? 1);
    return reportForm(request, reply, context, actionKeyOf(request), chosen, { values: {}, errors: [] });
  });

  // Evidence arrives in temporary files within the form's limits (core/http/uploads); every problem, of the fields,
  // the files or the partner's space, is shown in one round.
  app.post(`${planPath}/reports`, { config: { action: 'plan.report' } }, async (request, reply) => {
    const context = await contextFor(request);
    const actionKey = actionKeyOf(request);
    const values = formValues(request.body);
    const upload = uploadOf(request);
    const semester = Number(values.semester);
    const parsed = parseForm(reportSchema, values);
    if (!parsed.ok || upload.refusal) {
      const problems = await service.reportProblems(
        db,
        request.actor,
        context.planId,
        actionKey,
        Number.isInteger(semester) ? semester : undefined,
        upload.files,
        quotaMegabytes,
      );
      if (!problems.ok) throwIfNotFoundOrForbidden(problems.reason);
      const errors = [
        ...(parsed.ok ? [] : parsed.state.errors),
        ...(upload.refusal ? [uploadError('files', upload.refusal)] : []),
        ...problemErrors(problems.ok ? problems.value : []),
      ];
      return reportForm(request, reply, context, actionKey, semester, { values, errors: inFieldOrder(errors) }, upload.refusal ? 413 : 400);
    }
    const outcome = await service.fileReport(db, request.actor, context.planId, actionKey, parsed.data, upload.files, quotaMegabytes);
    if (!outcome.ok) {
      if (outcome.reason !== 'invalid') throw new HttpError(outcome.reason === 'forbidden' ? 'forbidden' : 'not_found');
      return reportForm(request, reply, context, actionKey, semester, { values, errors: inFieldOrder(problemErrors(outcome.problems)) }, 400);
    }
    reply.setFlash({ kind: 'success', key: outcome.value.supersedes ? 'plans.flash.reportCorrected' : 'plans.flash.reportFiled' });
    return reply.redirect(`/plans/${context.planId}/reports#semester-${parsed.data.semester}`, 303);
  });

  app.get(`${planPath}/files/:fileId${idPattern}`, { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const planId = idParam(request.params, 'planId');
    if (!(await getPlan(db, request.actor, planId))) throw new HttpError('not_found');
    const file = await service.evidenceFile(db, planId, idParam(request.params, 'fileId'));
    if (!file) throw new HttpError('not_found');
    // Always a download, under its recognised type, never rendered by the browser as part of the site.
    return reply
      .type(file.mediaType)
      .header('content-length', file.sizeBytes)
      .header(
        'content-disposition',
        `attachment; filename="${file.name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      )
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });

  app.get(`${planPath}/reports.csv`, { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const plan = await getPlan(db, request.actor, idParam(request.params, 'planId'));
    if (!plan) throw new HttpError('not_found');
    const reports = await service.reportsOf(db, plan.id);
    const titles = new Map(plan.versions.flatMap((version) => version.content.actions.map((action) => [action.key, action.title] as const)));
    const csv = csvText([
      [
        'plan_id',
        'action_key',
        'action',
        'semester',
        'status',
        'percent_complete',
        'spent_eur',
        'instrument_improved',
        'improvement_type',
        'current',
        'supersedes',
        'submitted_at',
      ],
      ...reports.map((report) => [
        plan.id,
        report.actionKey,
        titles.get(report.actionKey) ?? '',
        report.semester,
        report.status,
        report.percentComplete,
        report.spentEur,
        report.instrumentImproved ? 'yes' : 'no',
        report.improvementType ?? '',
        report.current ? 'yes' : 'no',
        report.supersedesId ?? '',
        report.submittedAt.toISOString(),
      ]),
    ]);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="plan-${plan.id}-reports.csv"`).send(csv);
  });
};
