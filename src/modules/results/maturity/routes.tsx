/**
 * The maturity self-assessment at /results/maturity: the programme's scores, a partner's radar and rounds, a round's
 * questionnaire, invitations and submission, the invited stakeholder's private link, the framework, and a weak
 * dimension turned into a learning need.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csvText } from '../../../core/exchange/write.js';
import { confirmedAction } from '../../../core/http/confirmed-action.js';
import { HttpError } from '../../../core/http/errors.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import { isLocale, type Locale } from '../../../core/i18n/locales.js';
import type { EmailContext } from '../../../core/mail/outbox.js';
import { anonymous } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { tokenPattern } from '../../../core/tokens.js';
import { requiredDate, requiredEmail, requiredLine } from '../../../core/validation/fields.js';
import { emptyForm, parseForm, refusalState, stateFrom, type FormState } from '../../../core/validation/forms.js';
import { findPartner, listPartners } from '../../partners/service.js';
import { findProgramme, listProgrammes, type Programme } from '../../programmes/service.js';
import { radarChartSvg } from './chart.js';
import { roundScore, textIn, type FrameworkProblem } from './framework.js';
import * as service from './service.js';
import { IncompletePage } from './views/IncompletePage.js';
import { FrameworkPage, InvitationPage, LinkEndedPage, OverviewPage, PartnerPage, RoundPage } from './views/MaturityPages.js';

const roundSchema = z.object({
  label: requiredLine({ max: 120, required: 'maturity.open.labelRequired' }),
  assessedOn: requiredDate('maturity.open.assessedOnRequired'),
});
const invitationSchema = z.object({
  name: requiredLine({ max: 200, required: 'maturity.invite.nameRequired' }),
  email: requiredEmail('maturity.invite.emailRequired'),
});
const programmeQuery = z.object({ programme: z.coerce.number().int().min(1).max(999_999_999).optional().catch(undefined) });

const partnerPath = `/results/maturity/partners/:partnerId${idPattern}`;
const roundPath = `/results/maturity/rounds/:roundId${idPattern}`;
const invitationPath = `/results/maturity/invitations/:token${tokenPattern}`;
const dimensionPattern = '(^[a-z0-9][a-z0-9_-]{0,39}$)';

const localeOf = (request: FastifyRequest): Locale => (isLocale(request.locale) ? request.locale : 'en');
const tokenOf = (request: FastifyRequest) => (request.params as { token: string }).token;

export const maturityRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const mail: EmailContext = { translator: app.translator, publicUrl: app.config.publicUrl };

  // The invitation pages sit behind a secret address: never cached, never sent on as a referrer.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/results/maturity/invitations/')) reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  });

  /** The programme asked for (`?programme=`), or the platform's first one. */
  async function programmeOf(request: FastifyRequest): Promise<Programme> {
    const { programme: id } = programmeQuery.parse(request.query);
    const programme = id === undefined ? (await listProgrammes(db))[0] : await findProgramme(db, id);
    if (!programme) throw new HttpError('not_found');
    return programme;
  }

  async function partnerOf(request: FastifyRequest) {
    const partner = await findPartner(db, anonymous, idParam(request.params, 'partnerId'));
    if (!partner) throw new HttpError('not_found');
    return partner;
  }

  async function partnerNames(programmeId: number): Promise<Map<number, string>> {
    return new Map((await listPartners(db, anonymous, programmeId)).map((partner) => [partner.id, partner.shortName || partner.name]));
  }

  // ---- The programme -----------------------------------------------------------------------------------------

  app.get('/results/maturity', { config: { action: 'results.read' } }, async (request, reply) => {
    const programme = await programmeOf(request);
    const scored = await service.submittedScores(db, programme.id);
    const progress = service.progressOf(scored);
    const improving = progress.filter((entry) => entry.change !== null);
    const programmeChange = improving.length ? improving.reduce((total, entry) => total + roundScore(entry.change ?? 0), 0) / improving.length : null;
    const names = await partnerNames(programme.id);
    const ownPartnerIds = [...names.keys()].filter((partnerId) =>
      can(request.actor, 'maturity.answer', { programmeId: programme.id, partnerIds: [partnerId] }),
    );
    return reply.page(
      <OverviewPage
        programmeTitle={programme.title}
        programmeId={programme.id}
        progress={progress}
        partnerNames={names}
        programmeChange={programmeChange}
        illustrative={scored.some((entry) => entry.round.illustrative)}
        ownPartnerIds={ownPartnerIds}
        canDefine={can(request.actor, 'maturity.define', { programmeId: programme.id })}
      />,
    );
  });

  app.get('/results/maturity/programme.csv', { config: { action: 'results.read' } }, async (request, reply) => {
    const programme = await programmeOf(request);
    const progress = service.progressOf(await service.submittedScores(db, programme.id));
    const names = await partnerNames(programme.id);
    const t = request.t;
    const rows = progress.map((entry) => [
      names.get(entry.partnerId) ?? '',
      entry.baseline.round.label,
      entry.baseline.round.assessedOn,
      entry.baseline.scores.overall === null ? '' : roundScore(entry.baseline.scores.overall),
      entry.latest.round.label,
      entry.latest.round.assessedOn,
      entry.latest.scores.overall === null ? '' : roundScore(entry.latest.scores.overall),
      entry.change === null ? '' : roundScore(entry.change),
      entry.baseline.round.illustrative || entry.latest.round.illustrative ? 'yes' : 'no',
    ]);
    const head = ['partner', 'baseline', 'baselineDate', 'baselineScore', 'latest', 'latestDate', 'latestScore', 'change', 'illustrative'].map((column) =>
      t(`maturity.csv.${column}`),
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="maturity-programme.csv"')
      .send(csvText([head, ...rows]));
  });

  // ---- A partner ---------------------------------------------------------------------------------------------

  async function partnerPage(request: FastifyRequest, reply: FastifyReply, state?: FormState, status = 200) {
    const partner = await partnerOf(request);
    const [progress] = service.progressOf(await service.submittedScores(db, partner.programmeId, partner.id));
    const rounds = await service.listRounds(db, request.actor, partner.programmeId, partner.id);
    const suggestions = progress ? await service.suggestionsFor(db, progress.latest, localeOf(request)) : [];
    const scope = { programmeId: partner.programmeId, partnerIds: [partner.id] };
    return reply.page(
      <PartnerPage
        partnerId={partner.id}
        partnerName={partner.name}
        progress={progress}
        rounds={rounds}
        suggestions={suggestions}
        partnerNames={await partnerNames(partner.programmeId)}
        canOpen={can(request.actor, 'maturity.answer', scope)}
        canCreateNeed={can(request.actor, 'learning_need.manage', scope)}
        state={state}
      />,
      status,
    );
  }

  app.get(partnerPath, { config: { action: 'results.read' } }, async (request, reply) => partnerPage(request, reply));

  async function partnerProgress(request: FastifyRequest) {
    const partner = await partnerOf(request);
    const [progress] = service.progressOf(await service.submittedScores(db, partner.programmeId, partner.id));
    if (!progress) throw new HttpError('not_found');
    return { partner, progress };
  }

  app.get(`${partnerPath}/radar.svg`, { config: { action: 'results.read' } }, async (request, reply) => {
    const { progress } = await partnerProgress(request);
    const locale = localeOf(request);
    const framework = progress.latest.framework;
    const valuesOf = (entry: service.ScoredRound) =>
      framework.dimensions.map((dimension) => entry.scores.dimensions.find((candidate) => candidate.key === dimension.key)?.score ?? null);
    const series = [{ name: progress.baseline.round.label, values: valuesOf(progress.baseline) }];
    if (progress.rounds > 1) series.push({ name: progress.latest.round.label, values: valuesOf(progress.latest) });
    const svg = await radarChartSvg({ axes: framework.dimensions.map((dimension) => textIn(dimension.name, locale)), series });
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, max-age=60').send(svg);
  });

  app.get(`${partnerPath}/scores.csv`, { config: { action: 'results.read' } }, async (request, reply) => {
    const { progress } = await partnerProgress(request);
    const locale = localeOf(request);
    const t = request.t;
    const scoreOf = (entry: service.ScoredRound, key: string) => {
      const score = entry.scores.dimensions.find((candidate) => candidate.key === key)?.score ?? null;
      return score === null ? '' : roundScore(score);
    };
    const rows = progress.latest.framework.dimensions.map((dimension) => [
      textIn(dimension.name, locale),
      scoreOf(progress.baseline, dimension.key),
      scoreOf(progress.latest, dimension.key),
    ]);
    const overall = (entry: service.ScoredRound) => (entry.scores.overall === null ? '' : roundScore(entry.scores.overall));
    rows.push([t('maturity.fields.overall'), overall(progress.baseline), overall(progress.latest)]);
    const head = [
      t('maturity.fields.dimension'),
      t('maturity.fields.baselineOf', { label: progress.baseline.round.label }),
      t('maturity.fields.latestOf', { label: progress.latest.round.label }),
    ];
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="maturity-partner-${progress.partnerId}.csv"`)
      .send(csvText([head, ...rows]));
  });

  app.post(`${partnerPath}/rounds`, { config: { action: 'maturity.answer' } }, async (request, reply) => {
    const partner = await partnerOf(request);
    const parsed = parseForm(roundSchema, request.body);
    if (!parsed.ok) return partnerPage(request, reply, parsed.state, 400);
    const outcome = await service.openRound(db, request.actor, { partnerId: partner.id, ...parsed.data });
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return partnerPage(request, reply, refusalState(request.body, outcome, 'maturity.refusals'), 400);
    }
    reply.setFlash({ kind: 'success', key: 'maturity.flash.opened' });
    return reply.redirect(`/results/maturity/rounds/${outcome.value.id}`, 303);
  });

  // ---- A round -----------------------------------------------------------------------------------------------

  async function roundPage(request: FastifyRequest, reply: FastifyReply, forms: { state?: FormState; inviteState?: FormState } = {}, status = 200) {
    const view = await service.getRound(db, request.actor, idParam(request.params, 'roundId'));
    if (!view) throw new HttpError('not_found');
    const { round, framework } = view;
    const partner = await findPartner(db, anonymous, round.partnerId);
    const answers = await service.roundAnswers(db, request.actor, round);
    const actor = request.actor;
    const ownAnswers =
      round.status === 'draft' && actor.kind === 'user' && service.mayAnswer(actor, round)
        ? (answers?.answers ?? [])
            .filter((answer) => answer.userId === actor.userId)
            .map((answer) => ({ questionKey: answer.questionKey, level: answer.level, comment: answer.comment }))
        : undefined;
    const [scored] = round.status === 'submitted' ? await service.scoreRounds(db, [round]) : [];
    return reply.page(
      <RoundPage
        round={round}
        partnerName={partner?.name ?? ''}
        framework={framework}
        scored={scored}
        answers={answers}
        ownAnswers={ownAnswers}
        state={forms.state}
        inviteState={forms.inviteState}
      />,
      status,
    );
  }

  app.get(roundPath, { config: { action: 'results.read' } }, async (request, reply) => roundPage(request, reply));

  app.post(`${roundPath}/answers`, { config: { action: 'maturity.answer' } }, async (request, reply) => {
    const outcome = await service.saveAnswers(db, request.actor, idParam(request.params, 'roundId'), request.body);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      if (outcome.reason === 'invalid_answers') return roundPage(request, reply, { state: stateFrom(request.body, outcome.errors ?? []) }, 400);
      return roundPage(request, reply, { state: refusalState(request.body, outcome, 'maturity.refusals') }, 409);
    }
    reply.setFlash({ kind: 'success', key: 'maturity.flash.saved' });
    return reply.redirect(`/results/maturity/rounds/${idParam(request.params, 'roundId')}`, 303);
  });

  app.post(`${roundPath}/invitations`, { config: { action: 'maturity.answer' } }, async (request, reply) => {
    const parsed = parseForm(invitationSchema, request.body);
    if (!parsed.ok) return roundPage(request, reply, { inviteState: parsed.state }, 400);
    const roundId = idParam(request.params, 'roundId');
    const outcome = await service.inviteStakeholder(db, request.actor, roundId, parsed.data, localeOf(request), mail);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return roundPage(request, reply, { inviteState: refusalState(request.body, outcome, 'maturity.refusals') }, 409);
    }
    reply.setFlash({ kind: 'success', key: 'maturity.flash.invited' });
    return reply.redirect(`/results/maturity/rounds/${roundId}`, 303);
  });

  confirmedAction(
    app,
    `${roundPath}/submission`,
    { action: 'maturity.answer' },
    {
      ask: async (request) => {
        const view = await service.getRound(db, request.actor, idParam(request.params, 'roundId'));
        if (!view) throw new HttpError('not_found');
        if (!service.mayAnswer(request.actor, view.round)) throw new HttpError('forbidden');
        const t = request.t;
        return {
          title: t('maturity.submit.confirmTitle', { label: view.round.label }),
          confirmLabel: t('maturity.submit.confirm'),
          cancelHref: `/results/maturity/rounds/${view.round.id}`,
          explanation: <p>{t('maturity.submit.explanation')}</p>,
        };
      },
      act: async (request, reply) => {
        const roundId = idParam(request.params, 'roundId');
        const outcome = await service.submitRound(db, request.actor, roundId);
        if (!outcome.ok) {
          throwIfNotFoundOrForbidden(outcome.reason);
          if (outcome.reason === 'incomplete') {
            const view = await service.getRound(db, request.actor, roundId);
            const texts = new Map(
              (view?.framework.dimensions ?? []).flatMap((dimension) =>
                dimension.questions.map((question) => [question.key, textIn(question.text, localeOf(request))]),
              ),
            );
            return reply.page(<IncompletePage roundId={roundId} questions={(outcome.unanswered ?? []).map((key) => texts.get(key) ?? key)} />, 409);
          }
          return { refused: `maturity.refusals.${outcome.reason}` };
        }
        reply.setFlash({ kind: 'success', key: 'maturity.flash.submitted' });
        return reply.redirect(`/results/maturity/rounds/${roundId}`, 303);
      },
    },
  );

  // ---- The invited stakeholder's private link ----------------------------------------------------------------

  async function invitationPage(request: FastifyRequest, reply: FastifyReply, state?: FormState, status = 200) {
    const invitation = await service.invitationOfToken(db, tokenOf(request));
    if (!invitation) return reply.page(<LinkEndedPage />, 404);
    const partner = await findPartner(db, anonymous, invitation.round.partnerId);
    return reply.page(
      <InvitationPage
        token={tokenOf(request)}
        name={invitation.name}
        partnerName={partner?.name ?? ''}
        round={invitation.round}
        framework={invitation.framework}
        answers={invitation.answers}
        state={state}
        saved={(request.query as { saved?: string }).saved === '1'}
      />,
      status,
    );
  }

  app.get(invitationPath, { config: { public: true } }, async (request, reply) => invitationPage(request, reply));

  app.post(invitationPath, { config: { public: true } }, async (request, reply) => {
    const outcome = await service.saveInvitedAnswers(db, tokenOf(request), request.body);
    if (!outcome.ok) {
      if (outcome.reason === 'invalid_answers') return invitationPage(request, reply, stateFrom(request.body, outcome.errors ?? []), 400);
      return reply.page(<LinkEndedPage />, 404);
    }
    return reply.redirect(`/results/maturity/invitations/${tokenOf(request)}?saved=1`, 303);
  });

  confirmedAction(
    app,
    `${invitationPath}/erasure`,
    { public: true },
    {
      ask: async (request, reply) => {
        if (!(await service.invitationOfToken(db, tokenOf(request)))) return reply.page(<LinkEndedPage />, 404);
        const t = request.t;
        return {
          title: t('maturity.invitation.eraseTitle'),
          confirmLabel: t('maturity.invitation.eraseConfirm'),
          cancelHref: `/results/maturity/invitations/${tokenOf(request)}`,
          explanation: <p>{t('maturity.invitation.eraseBody')}</p>,
        };
      },
      act: async (request, reply) => {
        const outcome = await service.eraseInvitation(db, tokenOf(request));
        if (!outcome.ok) return reply.page(<LinkEndedPage />, 404);
        reply.setFlash({ kind: 'success', key: 'maturity.flash.erased' });
        return reply.redirect('/results/maturity', 303);
      },
    },
  );

  // ---- The framework -----------------------------------------------------------------------------------------

  async function frameworkPage(request: FastifyRequest, reply: FastifyReply, extra: { state?: FormState; problems?: FrameworkProblem[] } = {}, status = 200) {
    const programme = await programmeOf(request);
    const current = await service.currentFramework(db, programme.id);
    return reply.page(
      <FrameworkPage
        framework={current.framework}
        programmeId={programme.id}
        canReplace={can(request.actor, 'maturity.define', { programmeId: programme.id })}
        inUse={current.inUse}
        builtin={current.builtin}
        problems={extra.problems}
        state={extra.state ?? emptyForm}
      />,
      status,
    );
  }

  app.get('/results/maturity/framework', { config: { action: 'results.read' } }, async (request, reply) => frameworkPage(request, reply));

  app.get('/results/maturity/framework.json', { config: { action: 'results.read' } }, async (request, reply) => {
    const programme = await programmeOf(request);
    const current = await service.currentFramework(db, programme.id);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="maturity-framework.json"')
      .send(JSON.stringify(current.framework, null, 2));
  });

  app.post('/results/maturity/framework', { config: { action: 'maturity.define' } }, async (request, reply) => {
    const programme = await programmeOf(request);
    const definition = (request.body as { definition?: unknown } | undefined)?.definition;
    const text = typeof definition === 'string' ? definition : '';
    const outcome = await service.replaceFramework(db, request.actor, programme.id, text);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      if (outcome.reason === 'invalid') return frameworkPage(request, reply, { state: stateFrom(request.body, []), problems: outcome.problems ?? [] }, 400);
      return frameworkPage(request, reply, { state: refusalState(request.body, { reason: 'in_use', field: 'definition' }, 'maturity.refusals') }, 409);
    }
    reply.setFlash({ kind: 'success', key: 'maturity.flash.frameworkReplaced' });
    return reply.redirect(`/results/maturity/framework?programme=${programme.id}`, 303);
  });

  // ---- A weak dimension becomes a learning need --------------------------------------------------------------

  learningNeedAction(app);
};

function learningNeedAction(app: FastifyInstance): void {
  const { db } = app;
  const dimensionOf = (request: FastifyRequest) => (request.params as { dimension: string }).dimension;
  confirmedAction(
    app,
    `${partnerPath}/learning-needs/:dimension${dimensionPattern}`,
    { action: 'learning_need.manage' },
    {
      ask: async (request) => {
        const partner = await findPartner(db, anonymous, idParam(request.params, 'partnerId'));
        if (!partner) throw new HttpError('not_found');
        if (!can(request.actor, 'learning_need.manage', { programmeId: partner.programmeId, partnerIds: [partner.id] })) throw new HttpError('forbidden');
        const [progress] = service.progressOf(await service.submittedScores(db, partner.programmeId, partner.id));
        const dimension = progress?.latest.framework.dimensions.find((candidate) => candidate.key === dimensionOf(request));
        if (!dimension) throw new HttpError('not_found');
        const t = request.t;
        const name = textIn(dimension.name, isLocale(request.locale) ? request.locale : 'en');
        return {
          title: t('maturity.need.confirmTitle', { name }),
          confirmLabel: t('maturity.need.confirm'),
          cancelHref: `/results/maturity/partners/${partner.id}`,
          explanation: <p>{t('maturity.need.explanation', { name, theme: dimension.themes[0] ?? '–' })}</p>,
        };
      },
      act: async (request, reply) => {
        const partnerId = idParam(request.params, 'partnerId');
        const t = request.t;
        const outcome = await service.learningNeedFromDimension(
          db,
          request.actor,
          partnerId,
          dimensionOf(request),
          (name, score) => t('maturity.need.description', { name, score }),
          isLocale(request.locale) ? request.locale : 'en',
        );
        if (!outcome.ok) {
          throwIfNotFoundOrForbidden(outcome.reason);
          return { refused: `maturity.refusals.${outcome.reason}` };
        }
        reply.setFlash({ kind: 'success', key: 'maturity.flash.needCreated' });
        return reply.redirect(`/partners/${partnerId}`, 303);
      },
    },
  );
}
