/** Transfers of practices between partners: registering interest, recording stages, assessing transferability. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../core/http/errors.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import { can } from '../../../core/policy/policy.js';
import { parseForm, refusalState, type FormState } from '../../../core/validation/forms.js';
import { listPartners } from '../../partners/service.js';
import { assessmentSchema, transferInterestSchema, transferStageSchema } from '../schema.js';
import * as service from './service.js';
import { AssessmentPage } from './views/AssessmentPage.js';
import { transferEvents } from './events.js';
import { TransferPage } from './views/TransferPage.js';

const transferPath = `/transfers/:transferId${idPattern}`;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export const transferRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  async function transferFor(request: FastifyRequest): Promise<service.Transfer> {
    const transfer = await service.getTransfer(db, request.actor, idParam(request.params, 'transferId'));
    if (!transfer) throw new HttpError('not_found');
    return transfer;
  }

  async function transferPage(request: FastifyRequest, reply: FastifyReply, transfer: service.Transfer, state?: FormState, status = 200) {
    const partners = await listPartners(db, request.actor, transfer.programmeId);
    const name = (id: number) => partners.find((partner) => partner.id === id)?.name ?? String(id);
    const mayRecord = can(request.actor, 'transfer.record_stage', {
      programmeId: transfer.programmeId,
      partnerIds: [transfer.importerPartnerId, transfer.ownerPartnerId],
    });
    const mayAssess = await service.mayAssess(db, request.actor, transfer);
    const events = mayRecord ? await transferEvents().candidates(db, transfer) : [];
    return reply.page(
      <TransferPage
        transfer={transfer}
        events={events}
        ownerName={name(transfer.ownerPartnerId)}
        importerName={name(transfer.importerPartnerId)}
        mayRecord={mayRecord}
        mayAssess={mayAssess}
        state={state}
      />,
      status,
    );
  }

  app.post(`/practices/:practiceId${idPattern}/transfers`, { config: { action: 'transfer.create' } }, async (request, reply) => {
    const practiceId = idParam(request.params, 'practiceId');
    const parsed = parseForm(transferInterestSchema, request.body);
    if (!parsed.ok) throw new HttpError('bad_request');
    const outcome = await service.registerInterest(db, request.actor, practiceId, parsed.data, today());
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      reply.setFlash({ kind: 'info', key: `practices.transfers.refusals.${outcome.reason}` });
      return reply.redirect(`/practices/${practiceId}#transfers`, 303);
    }
    reply.setFlash({ kind: 'success', key: 'practices.flash.interestRegistered' });
    return reply.redirect(`/transfers/${outcome.value.id}`, 303);
  });

  app.get(transferPath, { config: { action: 'transfer.read' } }, async (request, reply) => transferPage(request, reply, await transferFor(request)));

  app.post(`${transferPath}/stages`, { config: { action: 'transfer.record_stage' } }, async (request, reply) => {
    const transfer = await transferFor(request);
    const parsed = parseForm(transferStageSchema, request.body);
    if (!parsed.ok) return transferPage(request, reply, transfer, parsed.state, 400);
    const outcome = await service.recordStage(db, request.actor, transfer.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return transferPage(request, reply, transfer, refusalState(request.body, outcome, 'practices.transfers.refusals'), 400);
    }
    reply.setFlash({ kind: 'success', key: 'practices.flash.stageRecorded' });
    return reply.redirect(`/transfers/${transfer.id}#stages`, 303);
  });

  app.get(`${transferPath}/assessment`, { config: { action: 'transfer.assess' } }, async (request, reply) => {
    const transfer = await transferFor(request);
    assertAllowed(await service.mayAssess(db, request.actor, transfer));
    const mine = transfer.assessments.find((assessment) => request.actor.kind === 'user' && assessment.assessorUserId === request.actor.userId);
    const values = mine
      ? Object.fromEntries(
          service.assessmentCriteria.flatMap((criterion) => [
            [`${criterion}Score`, String(mine.scores[criterion])],
            [`${criterion}Comment`, mine.comments[criterion]],
          ]),
        )
      : {};
    return reply.page(<AssessmentPage transfer={transfer} state={{ values, errors: [] }} />);
  });

  app.post(`${transferPath}/assessment`, { config: { action: 'transfer.assess' } }, async (request, reply) => {
    const transfer = await transferFor(request);
    const parsed = parseForm(assessmentSchema, request.body);
    if (!parsed.ok) return reply.page(<AssessmentPage transfer={transfer} state={parsed.state} />, 400);
    const outcome = await service.assessTransfer(db, request.actor, transfer.id, parsed.data);
    if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
    reply.setFlash({ kind: 'success', key: 'practices.flash.assessed' });
    return reply.redirect(`/transfers/${transfer.id}#assessments`, 303);
  });
};
