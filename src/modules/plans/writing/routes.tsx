/** Regional Action Plans: the list, a plan and its versions, writing it, its workflow, comments, comparison, Word and print. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { confirmedAction } from '../../../core/http/confirmed-action.js';
import { HttpError } from '../../../core/http/errors.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import { countryName } from '../../../core/i18n/countries.js';
import type { Locale } from '../../../core/i18n/locales.js';
import { anonymous, type Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { pageNumber } from '../../../core/validation/fields.js';
import { parseForm, refusalState, type FormState } from '../../../core/validation/forms.js';
import { timelineChartSvg } from '../../../core/views/charts.js';
import { findPartner, listPartners } from '../../partners/service.js';
import type { Names } from './document.js';
import { planDocument } from './document.js';
import { actionSchema, commentSchema, contextSchema, endorsementSchema, reviewSchema } from './schema.js';
import { deliverablesOf } from '../deliverables.js';
import { reportsOf } from '../reports/service.js';
import * as service from './service.js';
import { reportStatuses } from '../tables.js';
import { ComparePage } from './views/ComparePage.js';
import { PlanListPage } from './views/PlanListPage.js';
import { ActionFormPage, actionValues, ContextFormPage, contextValues } from './views/PlanForms.js';
import { isFollowing } from '../../notifications/service.js';
import { PlanPage } from './views/PlanPage.js';
import { PrintPage } from './views/PrintPage.js';

/** How many partners a page of the plan listing shows. */
const partnersPerPage = 50;

export const planPath = `/plans/:planId${idPattern}`;
const actionPath = `${planPath}/actions/:key(^[a-z0-9]{1,20}$)`;

export async function namesFor(
  db: FastifyRequest['server']['db'],
  actor: Actor,
  plan: Pick<service.Plan, 'id' | 'programmeId' | 'partnerId'>,
  locale: Locale,
): Promise<Names> {
  const [partner, choices, deliverables] = await Promise.all([
    findPartner(db, anonymous, plan.partnerId),
    service.linkChoices(db, actor, plan),
    deliverablesOf({ db, actor, planId: plan.id }),
  ]);
  return {
    partner: {
      name: partner?.name ?? '',
      countryName: partner ? countryName(locale, partner.countryCode) : '',
      nutsCode: partner?.nutsCode ?? '',
      nutsName: partner?.nutsName ?? '',
    },
    practices: new Map(choices.practices.map((practice) => [practice.id, practice.title])),
    events: new Map(choices.events.map((event) => [event.id, event.title])),
    transfers: new Map(choices.transfers.map((transfer) => [transfer.id, transfer.practiceTitle])),
    organisations: new Map(choices.organisations.map((organisation) => [organisation.id, organisation.name])),
    deliverables,
  };
}

export const planRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  async function planFor(request: FastifyRequest): Promise<service.Plan> {
    const plan = await service.getPlan(db, request.actor, idParam(request.params, 'planId'));
    if (!plan) throw new HttpError('not_found');
    return plan;
  }

  /** The version asked for (?version=N), or the latest the actor may see. */
  function versionOf(request: FastifyRequest, plan: service.Plan): service.PlanVersion {
    const asked = Number((request.query as Record<string, unknown>).version);
    const version = Number.isSafeInteger(asked) ? plan.versions.find((entry) => entry.number === asked) : plan.versions.at(-1);
    if (!version) throw new HttpError('not_found');
    return version;
  }

  const scope = (plan: service.Plan) => ({ programmeId: plan.programmeId, partnerIds: [plan.partnerId] });

  async function planPage(request: FastifyRequest, reply: FastifyReply, plan: service.Plan, state?: FormState, status = 200) {
    const version = state ? (plan.versions.at(-1) as service.PlanVersion) : versionOf(request, plan);
    const [names, comments, reports] = await Promise.all([
      namesFor(db, request.actor, plan, request.locale),
      service.commentsOf(db, request.actor, plan, version.number),
      reportsOf(db, plan.id),
    ]);
    const statuses = new Map(
      version.content.actions.map((action) => {
        const latest = reports.filter((report) => report.current && report.actionKey === action.key).sort((a, b) => b.semester - a.semester)[0];
        return [action.key, latest?.status ?? 'not_started'];
      }),
    );
    const endorsed = plan.versions.some((entry) => entry.status === 'endorsed');
    const following = request.actor.kind === 'user' && endorsed ? await isFollowing(db, request.actor.userId, 'plan', plan.id) : undefined;
    return reply.page(
      <PlanPage
        following={following}
        plan={plan}
        version={version}
        names={names}
        comments={comments}
        mayWrite={service.mayWrite(request.actor, plan)}
        mayReview={can(request.actor, 'plan.review', scope(plan))}
        mayComment={can(request.actor, 'plan.comment', scope(plan))}
        statuses={statuses}
        state={state}
      />,
      status,
    );
  }

  app.post('/plans', { config: { action: 'plan.write' } }, async (request, reply) => {
    const partnerId = Number((request.body as Record<string, unknown> | undefined)?.partnerId);
    if (!Number.isSafeInteger(partnerId) || partnerId <= 0) throw new HttpError('bad_request');
    const outcome = await service.createPlan(db, request.actor, partnerId);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      reply.setFlash({ kind: 'info', key: `plans.refusals.${outcome.reason}` });
      return reply.redirect('/plans', 303);
    }
    reply.setFlash({ kind: 'success', key: 'plans.flash.created' });
    return reply.redirect(`/plans/${outcome.value.id}`, 303);
  });

  app.get(planPath, { config: { action: 'plan.read_endorsed' } }, async (request, reply) => planPage(request, reply, await planFor(request)));

  app.get(`/plans/:planId(^\\d{1,9}).docx`, { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const plan = await planFor(request);
    const version = versionOf(request, plan);
    const names = await namesFor(db, request.actor, plan, request.locale);
    // docx is loaded at the first download rather than with every start (docs/performance/start.md).
    const { planDocx } = await import('./docx.js');
    const document = await planDocx(planDocument(version, names, request.t, request.locale));
    const filename = `regional-action-plan-${names.partner.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}-v${version.number}.docx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(document);
  });

  app.get(`${planPath}/print`, { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const plan = await planFor(request);
    const names = await namesFor(db, request.actor, plan, request.locale);
    return reply.page(<PrintPage outline={planDocument(versionOf(request, plan), names, request.t, request.locale)} planId={plan.id} />);
  });

  app.get(`${planPath}/timeline.svg`, { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const plan = await planFor(request);
    const version = versionOf(request, plan);
    const reports = await reportsOf(db, plan.id);
    const latest = (key: string) =>
      reports.filter((report) => report.current && report.actionKey === key).sort((a, b) => b.semester - a.semester)[0]?.status ?? 'not_started';
    const rows = version.content.actions
      .filter((action) => action.startsOn)
      .map((action) => ({
        label: action.title,
        start: new Date(action.startsOn as string),
        end: new Date(action.endsOn ?? (action.startsOn as string)),
        status: latest(action.key),
      }));
    const svg = await timelineChartSvg({
      rows,
      statuses: reportStatuses.map((status) => ({ key: status, name: request.t(`plans.reportStatuses.${status}`) })),
    });
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, max-age=60').send(svg);
  });

  app.get(`${planPath}/compare`, { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    const plan = await planFor(request);
    const query = request.query as Record<string, unknown>;
    const numbers = plan.versions.map((version) => version.number);
    // A version asked for that the plan does not have is said so (404), not quietly replaced by another.
    const missing = (['from', 'to'] as const)
      .map((end) => (typeof query[end] === 'string' ? query[end] : undefined))
      .find((asked) => asked !== undefined && asked !== '' && !numbers.includes(Number(asked)));
    const to = numbers.includes(Number(query.to)) ? Number(query.to) : (numbers.at(-1) as number);
    const from = numbers.includes(Number(query.from)) ? Number(query.from) : (numbers.filter((number) => number < to).at(-1) ?? to);
    const diff = service.compare(plan, from, to);
    if (!diff) throw new HttpError('not_found');
    const names = await namesFor(db, request.actor, plan, request.locale);
    if (missing !== undefined) return reply.page(<ComparePage plan={plan} from={from} to={to} diff={null} missing={missing.slice(0, 20)} names={names} />, 404);
    return reply.page(<ComparePage plan={plan} from={from} to={to} diff={diff} names={names} />);
  });

  app.get(`${planPath}/context`, { config: { action: 'plan.write' } }, async (request, reply) => {
    const plan = await planFor(request);
    assertAllowed(service.mayWrite(request.actor, plan));
    return reply.page(
      <ContextFormPage planId={plan.id} state={{ values: contextValues((plan.versions.at(-1) as service.PlanVersion).content, request.locale), errors: [] }} />,
    );
  });

  app.post(`${planPath}/context`, { config: { action: 'plan.write' } }, async (request, reply) => {
    const plan = await planFor(request);
    const parsed = parseForm(contextSchema, request.body);
    if (!parsed.ok) return reply.page(<ContextFormPage planId={plan.id} state={parsed.state} />, 400);
    const outcome = await service.updateContext(db, request.actor, plan.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(<ContextFormPage planId={plan.id} state={refusalState(request.body, outcome, 'plans.refusals')} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'plans.flash.saved' });
    return reply.redirect(`/plans/${plan.id}#part2`, 303);
  });

  async function actionForm(request: FastifyRequest, reply: FastifyReply, plan: service.Plan, action: string, state: FormState, status = 200) {
    const [choices, partners] = await Promise.all([service.linkChoices(db, request.actor, plan), listPartners(db, request.actor, plan.programmeId)]);
    return reply.page(
      <ActionFormPage
        planId={plan.id}
        action={action}
        state={state}
        choices={choices}
        partnerName={new Map(partners.map((partner) => [partner.id, partner.name]))}
      />,
      status,
    );
  }

  function actionOf(plan: service.Plan, request: FastifyRequest) {
    const key = (request.params as { key: string }).key;
    const action = (plan.versions.at(-1) as service.PlanVersion).content.actions.find((entry) => entry.key === key);
    if (!action) throw new HttpError('not_found');
    return action;
  }

  app.get(`${planPath}/actions/new`, { config: { action: 'plan.write' } }, async (request, reply) => {
    const plan = await planFor(request);
    assertAllowed(service.mayWrite(request.actor, plan));
    return actionForm(request, reply, plan, `/plans/${plan.id}/actions`, { values: {}, errors: [] });
  });

  async function saveAction(request: FastifyRequest, reply: FastifyReply, key: string | null) {
    const plan = await planFor(request);
    const target = key === null ? `/plans/${plan.id}/actions` : `/plans/${plan.id}/actions/${key}`;
    const parsed = parseForm(actionSchema, request.body);
    if (!parsed.ok) return actionForm(request, reply, plan, target, parsed.state, 400);
    const outcome = await service.saveAction(db, request.actor, plan.id, key, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return actionForm(request, reply, plan, target, refusalState(request.body, outcome, 'plans.refusals'), 400);
    }
    reply.setFlash({ kind: 'success', key: 'plans.flash.saved' });
    return reply.redirect(`/plans/${plan.id}#action-${outcome.value.key}`, 303);
  }

  app.post(`${planPath}/actions`, { config: { action: 'plan.write' } }, async (request, reply) => saveAction(request, reply, null));

  app.get(`${actionPath}/edit`, { config: { action: 'plan.write' } }, async (request, reply) => {
    const plan = await planFor(request);
    assertAllowed(service.mayWrite(request.actor, plan));
    const action = actionOf(plan, request);
    return actionForm(request, reply, plan, `/plans/${plan.id}/actions/${action.key}`, { values: actionValues(action), errors: [] });
  });

  app.post(actionPath, { config: { action: 'plan.write' } }, async (request, reply) => saveAction(request, reply, (request.params as { key: string }).key));

  app.post(`${actionPath}/move`, { config: { action: 'plan.write' } }, async (request, reply) => {
    const key = (request.params as { key: string }).key;
    const direction = (request.body as Record<string, unknown> | undefined)?.direction === 'up' ? 'up' : 'down';
    const outcome = await service.moveAction(db, request.actor, idParam(request.params, 'planId'), key, direction);
    if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
    return reply.redirect(`/plans/${idParam(request.params, 'planId')}#action-${key}`, 303);
  });

  confirmedAction(
    app,
    `${actionPath}/delete`,
    { action: 'plan.write' },
    {
      ask: async (request) => {
        const plan = await planFor(request);
        assertAllowed(service.mayWrite(request.actor, plan));
        const action = actionOf(plan, request);
        return {
          title: request.t('plans.action.deleteTitle', { title: action.title }),
          confirmLabel: request.t('plans.action.deleteConfirm'),
          cancelHref: `/plans/${plan.id}#action-${action.key}`,
        };
      },
      act: async (request, reply) => {
        const planId = idParam(request.params, 'planId');
        const outcome = await service.removeAction(db, request.actor, planId, (request.params as { key: string }).key);
        if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
        reply.setFlash({ kind: outcome.ok ? 'success' : 'info', key: outcome.ok ? 'plans.flash.actionRemoved' : `plans.refusals.${outcome.reason}` });
        return reply.redirect(`/plans/${planId}#part3`, 303);
      },
    },
  );

  async function transition(
    request: FastifyRequest,
    reply: FastifyReply,
    name: 'submit' | 'approve' | 'return' | 'endorse',
    details: Parameters<typeof service.changeStatus>[4] = {},
  ) {
    const plan = await planFor(request);
    const outcome = await service.changeStatus(db, request.actor, plan.id, name, details);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return planPage(request, reply, plan, refusalState(request.body, outcome, 'plans.refusals'), 400);
    }
    reply.setFlash({ kind: 'success', key: `plans.flash.${name}` });
    return reply.redirect(`/plans/${plan.id}`, 303);
  }

  app.post(`${planPath}/submission`, { config: { action: 'plan.write' } }, async (request, reply) => transition(request, reply, 'submit'));

  app.post(`${planPath}/review`, { config: { action: 'plan.review' } }, async (request, reply) => {
    const parsed = parseForm(reviewSchema, request.body);
    if (!parsed.ok) return planPage(request, reply, await planFor(request), parsed.state, 400);
    return transition(request, reply, parsed.data.decision === 'approve' ? 'approve' : 'return', { comment: parsed.data.comment });
  });

  app.post(`${planPath}/endorsement`, { config: { action: 'plan.write' } }, async (request, reply) => {
    const parsed = parseForm(endorsementSchema, request.body);
    if (!parsed.ok) return planPage(request, reply, await planFor(request), parsed.state, 400);
    return transition(request, reply, 'endorse', { endorsement: parsed.data });
  });

  app.post(`${planPath}/revision`, { config: { action: 'plan.write' } }, async (request, reply) => {
    const plan = await planFor(request);
    const outcome = await service.startRevision(db, request.actor, plan.id);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      reply.setFlash({ kind: 'info', key: `plans.refusals.${outcome.reason}` });
    } else reply.setFlash({ kind: 'success', key: 'plans.flash.revision' });
    return reply.redirect(`/plans/${plan.id}`, 303);
  });

  app.post(`${planPath}/comments`, { config: { action: 'plan.comment' } }, async (request, reply) => {
    const planId = idParam(request.params, 'planId');
    const parsed = parseForm(commentSchema, request.body);
    if (!parsed.ok) {
      reply.setFlash({ kind: 'info', key: parsed.state.errors[0]?.key ?? 'plans.comments.body.required' });
      return reply.redirect(`/plans/${planId}`, 303);
    }
    const outcome = await service.addComment(db, request.actor, planId, parsed.data);
    if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
    reply.setFlash({ kind: outcome.ok ? 'success' : 'info', key: outcome.ok ? 'plans.flash.commented' : `plans.refusals.${outcome.reason}` });
    const anchor = parsed.data.target.startsWith('action:') ? `action-${parsed.data.target.slice(7)}` : parsed.data.target;
    return reply.redirect(`/plans/${planId}#${anchor}`, 303);
  });

  app.get('/plans', { config: { action: 'plan.read_endorsed' } }, async (request, reply) => {
    // Fifty partners a page: an installation holding a whole Interreg generation has 2,000 of them.
    const requested = pageNumber.parse((request.query as Record<string, unknown>).page);
    const everyPartner = await listPartners(db, request.actor);
    const pageCount = Math.max(1, Math.ceil(everyPartner.length / partnersPerPage));
    const page = Math.min(requested, pageCount);
    const partners = everyPartner.slice((page - 1) * partnersPerPage, page * partnersPerPage);
    const plans = await service.listPlans(
      db,
      partners.map((partner) => partner.id),
    );
    const creatable = partners
      .filter((partner) => can(request.actor, 'plan.write', { programmeId: partner.programmeId, partnerIds: [partner.id] }))
      .map((partner) => partner.id);
    // A plan nobody has endorsed yet is for the programme's staff; the public sees endorsed ones.
    const readable = plans
      .filter((plan) => plan.endorsedNumber !== null || can(request.actor, 'plan.read_draft', { programmeId: plan.programmeId, partnerIds: [plan.partnerId] }))
      .map((plan) => plan.id);
    return reply.page(<PlanListPage partners={partners} plans={plans} creatable={creatable} readable={readable} page={page} pageCount={pageCount} />);
  });
};
