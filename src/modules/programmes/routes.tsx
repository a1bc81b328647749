/** Programme administration: create and edit programmes and their phases (parse → authorise → use case → page). */
import type { FastifyPluginAsync } from 'fastify';
import { confirmedAction } from '../../core/http/confirmed-action.js';
import { HttpError } from '../../core/http/errors.js';
import { idParam, idPattern } from '../../core/http/params.js';
import { throwIfNotFoundOrForbidden } from '../../core/http/refusals.js';
import { can } from '../../core/policy/policy.js';
import { parseForm, refusalState } from '../../core/validation/forms.js';
import { phaseSchema, programmeSchema } from './schema.js';
import { addPhase, createProgramme, findPhase, findProgramme, removePhase, updatePhase, updateProgramme, type Phase, type Programme } from './service.js';
import { PhaseFormPage } from './views/PhaseFormPage.js';
import { ProgrammeFormPage } from './views/ProgrammeFormPage.js';

const programmePath = `/programmes/:programmeId${idPattern}`;
const phasePath = `${programmePath}/phases/:phaseId${idPattern}`;

export const programmeRoutes: FastifyPluginAsync = async (app) => {
  async function editableProgramme(params: unknown, actor: Parameters<typeof can>[0]): Promise<Programme> {
    const programme = await findProgramme(app.db, idParam(params, 'programmeId'));
    if (!programme) throw new HttpError('not_found');
    if (!can(actor, 'programme.update', { programmeId: programme.id })) throw new HttpError('forbidden');
    return programme;
  }

  async function editablePhase(params: unknown, actor: Parameters<typeof can>[0]): Promise<{ programme: Programme; phase: Phase }> {
    const programme = await editableProgramme(params, actor);
    const phase = await findPhase(app.db, idParam(params, 'phaseId'));
    if (!phase || phase.programmeId !== programme.id) throw new HttpError('not_found');
    return { programme, phase };
  }

  app.get('/programmes/new', { config: { action: 'programme.create' } }, async (_request, reply) => reply.page(<ProgrammeFormPage />));

  app.post('/programmes', { config: { action: 'programme.create' } }, async (request, reply) => {
    const parsed = parseForm(programmeSchema, request.body);
    if (!parsed.ok) return reply.page(<ProgrammeFormPage state={parsed.state} />, 400);
    const outcome = await createProgramme(app.db, request.actor, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(<ProgrammeFormPage state={refusalState(request.body, outcome, 'programmes.refusals')} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'programmes.flash.created' });
    return reply.redirect(`/programmes/${outcome.value.id}`, 303);
  });

  app.get(`${programmePath}/edit`, { config: { action: 'programme.update' } }, async (request, reply) => {
    const programme = await editableProgramme(request.params, request.actor);
    return reply.page(<ProgrammeFormPage programme={programme} />);
  });

  app.post(programmePath, { config: { action: 'programme.update' } }, async (request, reply) => {
    const programme = await editableProgramme(request.params, request.actor);
    const parsed = parseForm(programmeSchema, request.body);
    if (!parsed.ok) return reply.page(<ProgrammeFormPage programme={programme} state={parsed.state} />, 400);
    const outcome = await updateProgramme(app.db, request.actor, programme.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(<ProgrammeFormPage programme={programme} state={refusalState(request.body, outcome, 'programmes.refusals')} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'programmes.flash.updated' });
    return reply.redirect(`/programmes/${programme.id}`, 303);
  });

  app.get(`${programmePath}/phases/new`, { config: { action: 'programme.update' } }, async (request, reply) => {
    const programme = await editableProgramme(request.params, request.actor);
    return reply.page(<PhaseFormPage programme={programme} />);
  });

  app.post(`${programmePath}/phases`, { config: { action: 'programme.update' } }, async (request, reply) => {
    const programme = await editableProgramme(request.params, request.actor);
    const parsed = parseForm(phaseSchema, request.body);
    if (!parsed.ok) return reply.page(<PhaseFormPage programme={programme} state={parsed.state} />, 400);
    const outcome = await addPhase(app.db, request.actor, programme.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(<PhaseFormPage programme={programme} state={refusalState(request.body, outcome, 'programmes.phase.refusals')} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'programmes.flash.phaseAdded' });
    return reply.redirect(`/programmes/${programme.id}`, 303);
  });

  app.get(`${phasePath}/edit`, { config: { action: 'programme.update' } }, async (request, reply) => {
    const { programme, phase } = await editablePhase(request.params, request.actor);
    return reply.page(<PhaseFormPage programme={programme} phase={phase} />);
  });

  app.post(phasePath, { config: { action: 'programme.update' } }, async (request, reply) => {
    const { programme, phase } = await editablePhase(request.params, request.actor);
    const parsed = parseForm(phaseSchema, request.body);
    if (!parsed.ok) return reply.page(<PhaseFormPage programme={programme} phase={phase} state={parsed.state} />, 400);
    const outcome = await updatePhase(app.db, request.actor, phase.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(<PhaseFormPage programme={programme} phase={phase} state={refusalState(request.body, outcome, 'programmes.phase.refusals')} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'programmes.flash.phaseUpdated' });
    return reply.redirect(`/programmes/${programme.id}`, 303);
  });

  confirmedAction(
    app,
    `${phasePath}/delete`,
    { action: 'programme.update' },
    {
      ask: async (request) => {
        const { programme, phase } = await editablePhase(request.params, request.actor);
        const t = request.t;
        return {
          title: t('programmes.phase.deleteTitle', { number: phase.number, name: phase.name }),
          confirmLabel: t('programmes.phase.deleteConfirm'),
          cancelHref: `/programmes/${programme.id}`,
        };
      },
      act: async (request, reply) => {
        const { programme, phase } = await editablePhase(request.params, request.actor);
        const outcome = await removePhase(app.db, request.actor, phase.id);
        if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
        reply.setFlash({ kind: 'success', key: 'programmes.flash.phaseRemoved' });
        return reply.redirect(`/programmes/${programme.id}`, 303);
      },
    },
  );
};
