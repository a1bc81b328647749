/** The library's pages: search, a practice, writing and proposing practices, the review workflow. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { confirmedAction } from '../../../core/http/confirmed-action.js';
import { HttpError } from '../../../core/http/errors.js';
import { wantsJson } from '../../../core/http/guard.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import { allRefusals } from '../../../core/outcome.js';
import { formValues, parseForm, validFields, withRefusals, type FormState } from '../../../core/validation/forms.js';
import { isFollowing } from '../../notifications/service.js';
import { listOrganisations, listPartners, listPartnersAround, partnersOfFilter } from '../../partners/service.js';
import { listThemes } from '../../themes/service.js';
import { libraryDocument, practiceDocument } from '../exchange/json.js';
import { actionsOn, decisionsOn, formChoices, partnerChoices } from './route-helpers.js';
import { practiceFields, practiceSchema, proposalDecisionSchema, reviewSchema, searchQuerySchema, type PracticeFormInput } from '../schema.js';
import * as service from './service.js';
import { transfersOfPractice } from '../transfers/service.js';
import { DecisionPage } from './views/DecisionPage.js';
import { LibraryPage } from './views/LibraryPage.js';
import { PracticeFormPage, practiceFormValues } from './views/PracticeFormPage.js';
import { PracticePage } from './views/PracticePage.js';

const practicePath = `/practices/:practiceId${idPattern}`;

export const practiceRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  async function practiceFor(request: FastifyRequest): Promise<service.Practice> {
    const practice = await service.getPractice(db, request.actor, idParam(request.params, 'practiceId'));
    if (!practice) throw new HttpError('not_found');
    return practice;
  }

  // ---- the library ----------------------------------------------------------------------------------------------

  app.get('/practices', { config: { action: 'practice.read_published' } }, async (request, reply) => {
    const query = searchQuerySchema.parse(request.query ?? {});
    if (wantsJson(request)) {
      const library = await service.searchLibrary(db, request.actor, query);
      return reply.header('vary', 'Accept').send(libraryDocument(library, app.config.publicUrl));
    }
    const [search, themes] = await Promise.all([service.findInLibrary(db, request.actor, query), listThemes(db)]);
    const matches = new Map([...search.facets.counts.partner].map(([id, count]) => [Number(id), count]));
    const partnersNaming = (named: readonly number[]) => partnersOfFilter(db, request.actor, { matches, chosen: query.partner, named });
    // The partners the page names are read alongside its rows, one round trip less, with the owners the catalogue
    // has; a row whose owner changed in between (a write since) has them read again for the owners the rows have.
    const [library, alongside] = await Promise.all([service.libraryPageOf(db, search), partnersNaming(search.owners)]);
    const { partners, filter } = library.hits.every((hit) => search.owners.includes(hit.ownerPartnerId))
      ? alongside
      : await partnersNaming(library.hits.map((hit) => hit.ownerPartnerId));
    const mayAdd = (await partnerChoices(db, request.actor, 'create')).length > 0;
    const isStakeholder = request.actor.kind === 'user' && request.actor.memberships.some((membership) => membership.role === 'stakeholder');
    const mayPropose = isStakeholder && (await partnerChoices(db, request.actor, 'propose')).length > 0;
    return reply
      .header('vary', 'Accept, Cookie, Accept-Language')
      .page(<LibraryPage library={library} query={query} themes={themes} partners={partners} partnerFilter={filter} mayAdd={mayAdd} mayPropose={mayPropose} />);
  });

  app.get(practicePath, { config: { action: 'practice.read_published' } }, async (request, reply) => {
    const practice = await practiceFor(request);
    if (wantsJson(request)) {
      const [owner] = await listPartnersAround(db, request.actor, { programmeIds: [], partnerIds: [practice.ownerPartnerId] });
      return reply.header('vary', 'Accept').send(practiceDocument(practice, owner?.name, app.config.publicUrl));
    }
    const [themes, history, transfers, similar, organisations] = await Promise.all([
      listThemes(db),
      service.historyOf(db, request.actor, practice),
      transfersOfPractice(db, practice.id),
      practice.status === 'published' ? service.similarPractices(db, practice.id, 5) : Promise.resolve([]),
      listOrganisations(db, practice.programmeId),
    ]);
    // The partners the page names: its programme's (the owner, who may register an interest) and those of the
    // transfers and similar practices — not every partner of an installation holding hundreds of programmes.
    const partners = await listPartnersAround(db, request.actor, {
      programmeIds: [practice.programmeId],
      partnerIds: [...transfers.map((transfer) => transfer.partnerId), ...similar.map((entry) => entry.ownerPartnerId)],
    });
    const owner = partners.find((partner) => partner.id === practice.ownerPartnerId);
    const organisation = organisations.find((candidate) => candidate.id === practice.ownerOrganisationId);
    const following =
      request.actor.kind === 'user' && practice.status === 'published' ? await isFollowing(db, request.actor.userId, 'practice', practice.id) : undefined;
    return reply.page(
      <PracticePage
        following={following}
        practice={practice}
        owner={owner}
        organisation={organisation}
        partners={partners}
        themes={themes}
        history={history}
        transfers={transfers}
        similar={similar}
        actions={actionsOn(request.actor, practice, partners)}
      />,
    );
  });

  // ---- writing and proposing ------------------------------------------------------------------------------------

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    mode: 'create' | 'edit' | 'propose',
    state: FormState,
    practice?: service.Practice,
    status = 200,
  ) {
    const partners = await partnerChoices(db, request.actor, mode === 'propose' ? 'propose' : 'create');
    // An owner the editor may not choose (e.g. the coordinator's entry) stays listed when editing.
    const owner =
      practice && !partners.some((partner) => partner.id === practice.ownerPartnerId)
        ? (await listPartners(db, request.actor)).find((partner) => partner.id === practice.ownerPartnerId)
        : undefined;
    const choices = await formChoices(db, request.actor, owner ? [owner, ...partners] : partners);
    const duplicateError = state.errors.some(
      (error) => error.key === 'practices.refusals.likely_duplicate' || error.key === 'practices.refusals.similar_title',
    );
    const duplicate = duplicateError
      ? await service.likelyDuplicate(db, Number(state.values.ownerPartnerId), String(state.values.title ?? ''), practice?.id ?? null)
      : undefined;
    return reply.page(
      <PracticeFormPage mode={mode} practice={practice} state={state} themes={await listThemes(db)} {...choices} {...(duplicate ? { duplicate } : {})} />,
      status,
    );
  }

  function firstChoice(partners: { id: number }[]): FormState {
    return { values: { ownerPartnerId: String(partners[0]?.id ?? ''), language: 'en' }, errors: [] };
  }

  app.get('/practices/new', { config: { action: 'practice.create' } }, async (request, reply) => {
    const partners = await partnerChoices(db, request.actor, 'create');
    assertAllowed(partners.length > 0);
    return formPage(request, reply, 'create', firstChoice(partners));
  });

  /**
   * Saves the form, showing every problem in one round: a form that fails its own checks is shown with what its valid
   * fields refer to checked too (owner, organisation, themes, and the question about a title like another), while a
   * valid form goes to the use case, which checks those once for every caller and refuses with all of them.
   */
  async function save(request: FastifyRequest, reply: FastifyReply, mode: 'create' | 'edit' | 'propose', practice?: service.Practice) {
    const parsed = parseForm(practiceSchema, request.body);
    if (!parsed.ok) {
      const { problems } = await service.practiceProblems(db, request.actor, validFields(practiceFields, request.body), practice);
      return formPage(request, reply, mode, withRefusals(practiceSchema, request.body, parsed.state.errors, problems, 'practices.refusals'), practice, 400);
    }
    const input: PracticeFormInput = parsed.data;
    const outcome =
      mode === 'edit' && practice
        ? await service.updatePractice(db, request.actor, practice.id, input)
        : mode === 'propose'
          ? await service.proposePractice(db, request.actor, input)
          : await service.createPractice(db, request.actor, input);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return formPage(request, reply, mode, withRefusals(practiceSchema, request.body, [], allRefusals(outcome), 'practices.refusals'), practice, 400);
    }
    reply.setFlash({ kind: 'success', key: `practices.flash.${mode === 'edit' ? 'updated' : mode === 'propose' ? 'proposed' : 'created'}` });
    return reply.redirect(`/practices/${outcome.value.id}`, 303);
  }

  app.post('/practices', { config: { action: 'practice.create' } }, async (request, reply) => save(request, reply, 'create'));

  app.get('/practices/proposals/new', { config: { action: 'practice.propose' } }, async (request, reply) => {
    const partners = await partnerChoices(db, request.actor, 'propose');
    assertAllowed(partners.length > 0);
    return formPage(request, reply, 'propose', firstChoice(partners));
  });

  app.post('/practices/proposals', { config: { action: 'practice.propose' } }, async (request, reply) => save(request, reply, 'propose'));

  app.get(`${practicePath}/edit`, { config: { action: 'practice.update' } }, async (request, reply) => {
    const practice = await practiceFor(request);
    assertAllowed(actionsOn(request.actor, practice, []).edit);
    return formPage(request, reply, 'edit', { values: practiceFormValues(practice), errors: [] }, practice);
  });

  app.post(practicePath, { config: { action: 'practice.update' } }, async (request, reply) => save(request, reply, 'edit', await practiceFor(request)));

  // ---- the workflow ---------------------------------------------------------------------------------------------

  async function transition(request: FastifyRequest, reply: FastifyReply, name: service.TransitionName, comment = '') {
    const practice = await practiceFor(request);
    const outcome = await service.changeStatus(db, request.actor, practice.id, name, comment);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      throw new HttpError('bad_request');
    }
    reply.setFlash({ kind: 'success', key: `practices.flash.${name}` });
    return reply.redirect(`/practices/${practice.id}`, 303);
  }

  app.post(`${practicePath}/submission`, { config: { action: 'practice.submit' } }, async (request, reply) => transition(request, reply, 'submit'));

  for (const kind of ['review', 'proposal'] as const) {
    const action = kind === 'review' ? 'practice.review' : 'practice.decide_proposal';
    app.get(`${practicePath}/${kind}`, { config: { action } }, async (request, reply) => {
      const practice = await practiceFor(request);
      const choices = decisionsOn(request.actor, practice, kind);
      assertAllowed(choices.length > 0);
      return reply.page(<DecisionPage kind={kind} practice={practice} choices={choices} />);
    });

    app.post(`${practicePath}/${kind}`, { config: { action } }, async (request, reply) => {
      const practice = await practiceFor(request);
      const choices = decisionsOn(request.actor, practice, kind);
      assertAllowed(choices.length > 0);
      const parsed = parseForm(kind === 'review' ? reviewSchema : proposalDecisionSchema, request.body);
      if (!parsed.ok) return reply.page(<DecisionPage kind={kind} practice={practice} choices={choices} state={parsed.state} />, 400);
      // The page offered only the decisions open from the status; a crafted or stale form asking another is told so.
      if (!choices.includes(parsed.data.decision)) {
        const state = { values: formValues(request.body), errors: [{ field: 'decision', key: `practices.${kind}.decision.unavailable` }] };
        return reply.page(<DecisionPage kind={kind} practice={practice} choices={choices} state={state} />, 409);
      }
      return transition(request, reply, parsed.data.decision, parsed.data.comment);
    });
  }

  confirmedAction(
    app,
    `${practicePath}/delete`,
    { action: 'practice.delete' },
    {
      ask: async (request) => {
        const practice = await practiceFor(request);
        assertAllowed(actionsOn(request.actor, practice, []).delete);
        const t = request.t;
        return {
          title: t('practices.delete.title', { title: practice.title }),
          confirmLabel: t('practices.delete.confirm'),
          cancelHref: `/practices/${practice.id}`,
          explanation: <p>{t('practices.delete.warning')}</p>,
        };
      },
      act: async (request, reply) => {
        const practice = await practiceFor(request);
        const outcome = await service.deletePractice(db, request.actor, practice.id);
        if (!outcome.ok) {
          throwIfNotFoundOrForbidden(outcome.reason);
          return { refused: `practices.refusals.${outcome.reason}` };
        }
        reply.setFlash({ kind: 'success', key: 'practices.flash.deleted', values: { title: practice.title } });
        return reply.redirect('/practices', 303);
      },
    },
  );
};
