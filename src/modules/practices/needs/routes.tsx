/** Partners' learning needs: adding, changing and removing them (they are shown on the partner's page). */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { confirmedAction } from '../../../core/http/confirmed-action.js';
import { HttpError } from '../../../core/http/errors.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import { can } from '../../../core/policy/policy.js';
import { parseForm, refusalState } from '../../../core/validation/forms.js';
import { findPartner } from '../../partners/service.js';
import { listThemes } from '../../themes/service.js';
import { learningNeedSchema } from '../schema.js';
import * as service from './service.js';
import { NeedFormPage } from './views/NeedFormPage.js';

const needPath = `/learning-needs/:needId${idPattern}`;

export const needRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  async function partnerFor(request: FastifyRequest, partnerId: number) {
    const partner = await findPartner(db, request.actor, partnerId);
    if (!partner) throw new HttpError('not_found');
    assertAllowed(can(request.actor, 'learning_need.manage', { programmeId: partner.programmeId, partnerIds: [partner.id] }));
    return partner;
  }

  async function needFor(request: FastifyRequest) {
    const need = await service.findLearningNeed(db, request.actor, idParam(request.params, 'needId'));
    if (!need) throw new HttpError('not_found');
    return { need, partner: await partnerFor(request, need.partnerId) };
  }

  app.get(`/partners/:partnerId${idPattern}/learning-needs/new`, { config: { action: 'learning_need.manage' } }, async (request, reply) => {
    const partner = await partnerFor(request, idParam(request.params, 'partnerId'));
    return reply.page(<NeedFormPage partner={partner} themes={await listThemes(db)} state={{ values: {}, errors: [] }} />);
  });

  app.post(`/partners/:partnerId${idPattern}/learning-needs`, { config: { action: 'learning_need.manage' } }, async (request, reply) => {
    const partner = await partnerFor(request, idParam(request.params, 'partnerId'));
    const parsed = parseForm(learningNeedSchema, request.body);
    if (!parsed.ok) return reply.page(<NeedFormPage partner={partner} themes={await listThemes(db)} state={parsed.state} />, 400);
    const outcome = await service.createLearningNeed(db, request.actor, partner.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(
        <NeedFormPage partner={partner} themes={await listThemes(db)} state={refusalState(request.body, outcome, 'practices.needs.refusals')} />,
        400,
      );
    }
    reply.setFlash({ kind: 'success', key: 'practices.flash.needAdded' });
    return reply.redirect(`/partners/${partner.id}#learning-needs`, 303);
  });

  app.get(`${needPath}/edit`, { config: { action: 'learning_need.manage' } }, async (request, reply) => {
    const { need, partner } = await needFor(request);
    return reply.page(
      <NeedFormPage
        partner={partner}
        needId={need.id}
        themes={await listThemes(db)}
        state={{ values: { themeCode: need.themeCode, description: need.description }, errors: [] }}
      />,
    );
  });

  app.post(needPath, { config: { action: 'learning_need.manage' } }, async (request, reply) => {
    const { need, partner } = await needFor(request);
    const parsed = parseForm(learningNeedSchema, request.body);
    if (!parsed.ok) return reply.page(<NeedFormPage partner={partner} needId={need.id} themes={await listThemes(db)} state={parsed.state} />, 400);
    const outcome = await service.updateLearningNeed(db, request.actor, need.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(
        <NeedFormPage
          partner={partner}
          needId={need.id}
          themes={await listThemes(db)}
          state={refusalState(request.body, outcome, 'practices.needs.refusals')}
        />,
        400,
      );
    }
    reply.setFlash({ kind: 'success', key: 'practices.flash.needUpdated' });
    return reply.redirect(`/partners/${partner.id}#learning-needs`, 303);
  });

  confirmedAction(
    app,
    `${needPath}/delete`,
    { action: 'learning_need.manage' },
    {
      ask: async (request) => {
        const { need, partner } = await needFor(request);
        const t = request.t;
        return {
          title: t('practices.needs.deleteTitle'),
          confirmLabel: t('practices.needs.deleteConfirm'),
          cancelHref: `/partners/${partner.id}#learning-needs`,
          explanation: <p>{need.description}</p>,
        };
      },
      act: async (request, reply) => {
        const { need, partner } = await needFor(request);
        const outcome = await service.deleteLearningNeed(db, request.actor, need.id);
        if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
        reply.setFlash({ kind: 'success', key: 'practices.flash.needDeleted' });
        return reply.redirect(`/partners/${partner.id}#learning-needs`, 303);
      },
    },
  );
};
