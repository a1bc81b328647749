/**
 * Indicators' pages: the programme's list (staff), defining and switching indicators (coordinator), reporting values
 * with evidence (a partner's editors), the validation queue and review (coordinator), evidence downloads (staff).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../core/http/errors.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import { acceptUploads, uploadError, uploadOf } from '../../../core/http/uploads.js';
import type { Actor } from '../../../core/policy/actor.js';
import { anonymous } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { emptyForm, formValues, parseForm, type FieldError, type FormState } from '../../../core/validation/forms.js';
import { contributionsTo } from '../../../core/module.js';
import { listPartners } from '../../partners/service.js';
import { findProgramme, listProgrammes, semestersOf } from '../../programmes/service.js';
import { formulas } from '../formulas.js';
import { reportStatuses, type IndicatorReportStatus } from '../tables.js';
import { reviewSchema } from './schema.js';
import * as service from './service.js';
import { IndicatorFormPage, IndicatorsPage, indicatorFormValues } from './views/IndicatorPages.js';
import { IndicatorReportsPage, QueuePage, ReportFormPage, ReportPage } from './views/ReportPages.js';

const indicatorPath = `/results/indicators/:indicatorId${idPattern}`;
const reportPath = `/results/indicators/reports/:reportId${idPattern}`;

/** The programme a list page is about: `?programme=ID`, else the first programme the actor works in. */
async function programmeOf(request: FastifyRequest): Promise<number> {
  const { programme } = request.query as { programme?: unknown };
  const asked = Number(programme);
  if (Number.isInteger(asked) && asked > 0) return asked;
  const actor = request.actor;
  const own = actor.kind === 'user' ? actor.memberships.find((membership) => membership.role !== 'stakeholder')?.programmeId : undefined;
  if (own !== undefined) return own;
  const first = (await listProgrammes(request.server.db))[0];
  if (!first) throw new HttpError('not_found');
  return first.id;
}

/** Error messages that name a unit carry its catalogue key; the page shows the unit in its language. */
function translatedUnits(request: FastifyRequest, errors: FieldError[]): FieldError[] {
  return errors.map((error) =>
    typeof error.values?.unit === 'string' && error.values.unit.startsWith('indicators.units.')
      ? { ...error, values: { ...error.values, unit: request.t(error.values.unit) } }
      : error,
  );
}

function mayReadStaff(actor: Actor, programmeId: number): boolean {
  return can(actor, 'results.read_unvalidated', { programmeId });
}

export const indicatorRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  // ---- definitions ----------------------------------------------------------------------------------------------

  app.get('/results/indicators', { config: { action: 'results.read_unvalidated' } }, async (request, reply) => {
    const programmeId = await programmeOf(request);
    const programme = await findProgramme(db, programmeId);
    if (!programme) throw new HttpError('not_found');
    assertAllowed(mayReadStaff(request.actor, programmeId));
    const indicators = await service.listIndicators(db, programmeId);
    return reply.page(
      <IndicatorsPage
        programmeId={programmeId}
        programmeName={programme.acronym}
        indicators={indicators}
        mayDefine={can(request.actor, 'indicator.define', { programmeId })}
        mayValidate={can(request.actor, 'indicator.validate', { programmeId })}
      />,
    );
  });

  async function definitionForm(reply: FastifyReply, request: FastifyRequest, programmeId: number, indicatorId: number | null, state: FormState, status = 200) {
    const partners = await listPartners(db, anonymous, programmeId);
    const offered = contributionsTo(formulas).map((formula) => ({ key: formula.key, name: request.t(formula.nameKey), unit: formula.unit }));
    return reply.page(
      <IndicatorFormPage
        action={indicatorId === null ? `/results/indicators?programme=${programmeId}` : `/results/indicators/${indicatorId}`}
        back={`/results/indicators?programme=${programmeId}`}
        editing={indicatorId !== null}
        partners={partners}
        formulas={offered}
        state={{ values: state.values, errors: translatedUnits(request, state.errors) }}
      />,
      status,
    );
  }

  app.get('/results/indicators/new', { config: { action: 'indicator.define' } }, async (request, reply) => {
    const programmeId = await programmeOf(request);
    assertAllowed(can(request.actor, 'indicator.define', { programmeId }));
    return definitionForm(reply, request, programmeId, null, { values: { level: ['programme', 'partner'], public: 'yes', baseline: '0' }, errors: [] });
  });

  app.post('/results/indicators', { config: { action: 'indicator.define' } }, async (request, reply) => {
    const programmeId = await programmeOf(request);
    if (!(await findProgramme(db, programmeId))) throw new HttpError('not_found');
    const values = formValues(request.body);
    const outcome = await service.saveIndicator(db, request.actor, programmeId, null, values);
    if (!outcome.ok) {
      if (outcome.reason !== 'invalid') throwIfNotFoundOrForbidden(outcome.reason);
      return definitionForm(reply, request, programmeId, null, { values, errors: 'errors' in outcome ? outcome.errors : [] }, 400);
    }
    reply.setFlash({ kind: 'success', key: 'indicators.flash.created' });
    return reply.redirect(`/results/indicators?programme=${programmeId}`, 303);
  });

  async function indicatorFor(request: FastifyRequest) {
    const indicator = await service.findIndicator(db, idParam(request.params, 'indicatorId'));
    if (!indicator) throw new HttpError('not_found');
    return indicator;
  }

  app.get(`${indicatorPath}/edit`, { config: { action: 'indicator.define' } }, async (request, reply) => {
    const indicator = await indicatorFor(request);
    assertAllowed(can(request.actor, 'indicator.define', { programmeId: indicator.programmeId }));
    return definitionForm(reply, request, indicator.programmeId, indicator.id, { values: indicatorFormValues(indicator), errors: [] });
  });

  app.post(indicatorPath, { config: { action: 'indicator.define' } }, async (request, reply) => {
    const indicator = await indicatorFor(request);
    const values = formValues(request.body);
    const outcome = await service.saveIndicator(db, request.actor, indicator.programmeId, indicator.id, values);
    if (!outcome.ok) {
      if (outcome.reason !== 'invalid') throwIfNotFoundOrForbidden(outcome.reason);
      return definitionForm(reply, request, indicator.programmeId, indicator.id, { values, errors: 'errors' in outcome ? outcome.errors : [] }, 400);
    }
    reply.setFlash({ kind: 'success', key: 'indicators.flash.saved' });
    return reply.redirect(`/results/indicators?programme=${indicator.programmeId}`, 303);
  });

  // Switching is reversible and keeps every value, so it asks for no confirmation.
  app.post(`${indicatorPath}/enabled`, { config: { action: 'indicator.define' } }, async (request, reply) => {
    const indicatorId = idParam(request.params, 'indicatorId');
    const enabled = formValues(request.body).enabled === 'yes';
    const outcome = await service.setIndicatorEnabled(db, request.actor, indicatorId, enabled);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      const indicator = await indicatorFor(request);
      reply.setFlash({ kind: 'info', key: 'indicators.flash.formulaMissing' });
      return reply.redirect(`/results/indicators?programme=${indicator.programmeId}`, 303);
    }
    reply.setFlash({ kind: 'success', key: enabled ? 'indicators.flash.switchedOn' : 'indicators.flash.switchedOff' });
    return reply.redirect(`/results/indicators?programme=${outcome.value.programmeId}`, 303);
  });

  // ---- reported values ------------------------------------------------------------------------------------------

  await app.register(async (uploads) => {
    await acceptUploads(uploads, service.evidenceLimits);

    uploads.get(`${indicatorPath}/reports`, { config: { action: 'results.read_unvalidated' } }, async (request, reply) => {
      const indicator = await indicatorFor(request);
      assertAllowed(mayReadStaff(request.actor, indicator.programmeId));
      const programme = await findProgramme(db, indicator.programmeId);
      const partners = await listPartners(db, anonymous, indicator.programmeId);
      const mayReport =
        indicator.method === 'reported' &&
        indicator.enabled &&
        partners.some((partner) => can(request.actor, 'indicator.report', { programmeId: indicator.programmeId, partnerIds: [partner.id] }));
      return reply.page(
        <IndicatorReportsPage
          indicator={indicator}
          partners={partners}
          semesters={programme ? semestersOf(programme) : []}
          reports={await service.reportsOf(db, indicator.id)}
          mayReport={mayReport}
        />,
      );
    });

    async function reportForm(request: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) {
      const context = await service.reportingContext(db, request.actor, idParam(request.params, 'indicatorId'));
      if (!context) throw new HttpError('not_found');
      assertAllowed(context.partners.length > 0);
      return reply.page(<ReportFormPage indicator={context.indicator} partners={context.partners} semesters={context.semesters} state={state} />, status);
    }

    uploads.get(`${indicatorPath}/reports/new`, { config: { action: 'indicator.report' } }, async (request, reply) => {
      const { partner, semester } = request.query as { partner?: unknown; semester?: unknown };
      const values: Record<string, string> = {};
      if (typeof partner === 'string' && /^\d{1,9}$/.test(partner)) values.partner = partner;
      if (typeof semester === 'string' && /^\d{1,2}$/.test(semester)) values.semester = semester;
      return reportForm(request, reply, { values, errors: [] });
    });

    // Every problem — fields, the value in the unit's format, the semester, each file — is shown in one round.
    uploads.post(`${indicatorPath}/reports`, { config: { action: 'indicator.report' } }, async (request, reply) => {
      const indicatorId = idParam(request.params, 'indicatorId');
      const values = formValues(request.body);
      const upload = uploadOf(request);
      if (upload.refusal) {
        const checked = await service.checkReport(db, request.actor, indicatorId, values, []);
        if (!checked.ok) throwIfNotFoundOrForbidden(checked.reason);
        const errors = [...(checked.ok ? checked.value.errors : []), uploadError('files', upload.refusal)];
        return reportForm(request, reply, { values, errors }, 413);
      }
      const outcome = await service.reportValue(db, request.actor, indicatorId, values, upload.files);
      if (!outcome.ok) {
        if (outcome.reason !== 'invalid') throwIfNotFoundOrForbidden(outcome.reason);
        return reportForm(request, reply, { values, errors: 'errors' in outcome ? outcome.errors : [] }, 400);
      }
      reply.setFlash({ kind: 'success', key: outcome.value.supersedes ? 'indicators.flash.corrected' : 'indicators.flash.reported' });
      return reply.redirect(`/results/indicators/reports/${outcome.value.id}`, 303);
    });
  });

  // ---- review -----------------------------------------------------------------------------------------------------

  app.get('/results/indicators/reports', { config: { action: 'indicator.validate' } }, async (request, reply) => {
    const programmeId = await programmeOf(request);
    assertAllowed(can(request.actor, 'indicator.validate', { programmeId }));
    const { status } = request.query as { status?: unknown };
    const chosen: IndicatorReportStatus = reportStatuses.find((entry) => entry === status) ?? 'submitted';
    const [reports, partners] = await Promise.all([service.reviewQueue(db, programmeId, chosen), listPartners(db, anonymous, programmeId)]);
    return reply.page(<QueuePage programmeId={programmeId} status={chosen} reports={reports} partners={partners} />);
  });

  async function reportPage(request: FastifyRequest, reply: FastifyReply, state: FormState = emptyForm, refusal?: string, status = 200) {
    const found = await service.reportWithHistory(db, idParam(request.params, 'reportId'));
    if (!found) throw new HttpError('not_found');
    assertAllowed(mayReadStaff(request.actor, found.programmeId));
    const indicator = await service.findIndicator(db, found.report.indicatorId);
    if (!indicator) throw new HttpError('not_found');
    const partner = (await listPartners(db, anonymous, found.programmeId)).find((entry) => entry.id === found.report.partnerId);
    return reply.page(
      <ReportPage
        indicator={indicator}
        partnerName={partner?.name ?? ''}
        report={found.report}
        history={found.history}
        mayReview={can(request.actor, 'indicator.validate', { programmeId: found.programmeId })}
        mayCorrect={can(request.actor, 'indicator.report', { programmeId: found.programmeId, partnerIds: [found.report.partnerId] })}
        state={state}
        refusal={refusal === undefined ? undefined : request.t(refusal)}
      />,
      status,
    );
  }

  app.get(reportPath, { config: { action: 'results.read_unvalidated' } }, async (request, reply) => reportPage(request, reply));

  app.post(`${reportPath}/review`, { config: { action: 'indicator.validate' } }, async (request, reply) => {
    const reportId = idParam(request.params, 'reportId');
    const parsed = parseForm(reviewSchema, request.body);
    if (!parsed.ok) {
      const found = await service.reportWithHistory(db, reportId);
      if (!found) throw new HttpError('not_found');
      assertAllowed(can(request.actor, 'indicator.validate', { programmeId: found.programmeId }));
      return reportPage(request, reply, parsed.state, undefined, 400);
    }
    const outcome = await service.reviewValue(db, request.actor, reportId, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reportPage(request, reply, emptyForm, `indicators.review.refusals.${outcome.reason}`, 409);
    }
    reply.setFlash({ kind: 'success', key: outcome.value === 'validated' ? 'indicators.flash.validated' : 'indicators.flash.returned' });
    return reply.redirect(`/results/indicators/reports/${reportId}`, 303);
  });

  app.get(`/results/indicators/files/:fileId${idPattern}`, { config: { action: 'results.read_unvalidated' } }, async (request, reply) => {
    const outcome = await service.evidenceFile(db, request.actor, idParam(request.params, 'fileId'));
    if (!outcome.ok) throw new HttpError(outcome.reason);
    const file = outcome.value;
    // Always a download under its recognised type, never rendered by the browser as part of the site.
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
};
