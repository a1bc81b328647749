/** Partner pages and their stakeholder groups (parse → authorise → use case → page or redirect). */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { confirmedAction } from '../../core/http/confirmed-action.js';
import { HttpError } from '../../core/http/errors.js';
import { idParam, idPattern } from '../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../core/http/refusals.js';
import { can } from '../../core/policy/policy.js';
import { pageNumber } from '../../core/validation/fields.js';
import { parseForm, refusalState } from '../../core/validation/forms.js';
import { isFollowing } from '../notifications/service.js';
import { findProgramme, listProgrammes, type Programme } from '../programmes/service.js';
import { organisationLinkSchema, organisationSchema, partnerSchema } from './schema.js';
import { renderPartnerPageSections } from './sections.js';
import * as service from './service.js';
import { OrganisationFormPage } from './views/OrganisationFormPage.js';
import { OrganisationLinkPage } from './views/OrganisationLinkPage.js';
import { PartnerFormPage } from './views/PartnerFormPage.js';
import { PartnerListPage } from './views/PartnerListPage.js';
import { PartnerPage } from './views/PartnerPage.js';

const partnerPath = `/partners/:partnerId${idPattern}`;
const organisationPath = `${partnerPath}/organisations/:organisationId${idPattern}`;

export const partnerRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  async function programmeOf(programmeId: number): Promise<Programme> {
    const programme = await findProgramme(db, programmeId);
    if (!programme) throw new HttpError('not_found');
    return programme;
  }

  async function partnerFor(request: FastifyRequest) {
    const partner = await service.findPartner(db, request.actor, idParam(request.params, 'partnerId'));
    if (!partner) throw new HttpError('not_found');
    return partner;
  }

  /** The partner and one organisation of its stakeholder group, for the organisation's edit and removal pages. */
  async function groupMemberFor(request: FastifyRequest) {
    const partner = await partnerFor(request);
    const organisation = await service.findOrganisation(db, idParam(request.params, 'organisationId'));
    const link = organisation?.links.find((candidate) => candidate.partnerId === partner.id);
    if (!organisation || !link) throw new HttpError('not_found');
    if (!can(request.actor, 'organisation.link', { programmeId: partner.programmeId, partnerIds: [partner.id] })) throw new HttpError('forbidden');
    const mayDelete = can(request.actor, 'organisation.delete', {
      programmeId: partner.programmeId,
      partnerIds: organisation.links.map((candidate) => candidate.partnerId),
    });
    return { partner, organisation: { ...organisation, inRegion: link.inRegion }, mayDelete };
  }

  app.get('/partners', { config: { action: 'partner.read' } }, async (request, reply) => {
    // Twenty programmes a page: an installation holding a whole Interreg generation has 2,000 partners.
    const page = pageNumber.parse((request.query as Record<string, unknown>).page);
    const listing = await service.partnerListPage(db, request.actor, await listProgrammes(db), page);
    return reply.page(<PartnerListPage {...listing} />);
  });

  app.get(partnerPath, { config: { action: 'partner.read' } }, async (request, reply) => {
    const partner = await service.findPartnerWithGroup(db, request.actor, idParam(request.params, 'partnerId'));
    if (!partner) throw new HttpError('not_found');
    const [programme, sections] = await Promise.all([programmeOf(partner.programmeId), renderPartnerPageSections({ db, actor: request.actor, partner })]);
    const following = request.actor.kind === 'user' ? await isFollowing(db, request.actor.userId, 'partner', partner.id) : undefined;
    return reply.page(<PartnerPage partner={partner} programme={programme} sections={sections} following={following} />);
  });

  // ---- partners -------------------------------------------------------------------------------------------------

  app.get(`/programmes/:programmeId${idPattern}/partners/new`, { config: { action: 'partner.create' } }, async (request, reply) => {
    const programme = await programmeOf(idParam(request.params, 'programmeId'));
    assertAllowed(can(request.actor, 'partner.create', { programmeId: programme.id }));
    return reply.page(<PartnerFormPage programme={programme} />);
  });

  app.post(`/programmes/:programmeId${idPattern}/partners`, { config: { action: 'partner.create' } }, async (request, reply) => {
    const programme = await programmeOf(idParam(request.params, 'programmeId'));
    const parsed = parseForm(partnerSchema, request.body);
    if (!parsed.ok) return reply.page(<PartnerFormPage programme={programme} state={parsed.state} />, 400);
    const outcome = await service.createPartner(db, request.actor, programme.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(<PartnerFormPage programme={programme} state={refusalState(request.body, outcome, 'partners.refusals')} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'partners.flash.created', values: { name: outcome.value.name } });
    return reply.redirect(`/partners/${outcome.value.id}`, 303);
  });

  app.get(`${partnerPath}/edit`, { config: { action: 'partner.update' } }, async (request, reply) => {
    const partner = await partnerFor(request);
    assertAllowed(can(request.actor, 'partner.update', { programmeId: partner.programmeId, partnerIds: [partner.id] }));
    return reply.page(<PartnerFormPage programme={await programmeOf(partner.programmeId)} partner={partner} />);
  });

  app.post(partnerPath, { config: { action: 'partner.update' } }, async (request, reply) => {
    const partner = await partnerFor(request);
    const programme = await programmeOf(partner.programmeId);
    const parsed = parseForm(partnerSchema, request.body);
    if (!parsed.ok) return reply.page(<PartnerFormPage programme={programme} partner={partner} state={parsed.state} />, 400);
    const outcome = await service.updatePartner(db, request.actor, partner.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(<PartnerFormPage programme={programme} partner={partner} state={refusalState(request.body, outcome, 'partners.refusals')} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'partners.flash.updated' });
    return reply.redirect(`/partners/${partner.id}`, 303);
  });

  confirmedAction(
    app,
    `${partnerPath}/delete`,
    { action: 'partner.delete' },
    {
      ask: async (request) => {
        const partner = await partnerFor(request);
        assertAllowed(can(request.actor, 'partner.delete', { programmeId: partner.programmeId, partnerIds: [partner.id] }));
        const t = request.t;
        return {
          title: t('partners.delete.title', { name: partner.name }),
          confirmLabel: t('partners.delete.confirm'),
          cancelHref: `/partners/${partner.id}`,
          explanation: <p>{t('partners.delete.warning')}</p>,
        };
      },
      act: async (request, reply) => {
        const partner = await partnerFor(request);
        const outcome = await service.deletePartner(db, request.actor, partner.id);
        if (!outcome.ok) {
          throwIfNotFoundOrForbidden(outcome.reason);
          return { refused: `partners.refusals.${outcome.reason}` };
        }
        reply.setFlash({ kind: 'success', key: 'partners.flash.deleted', values: { name: partner.name } });
        return reply.redirect('/partners', 303);
      },
    },
  );

  // ---- stakeholder organisations --------------------------------------------------------------------------------

  app.get(`${partnerPath}/organisations/new`, { config: { action: 'organisation.create' } }, async (request, reply) => {
    const partner = await partnerFor(request);
    assertAllowed(can(request.actor, 'organisation.create', { programmeId: partner.programmeId, partnerIds: [partner.id] }));
    return reply.page(<OrganisationFormPage partner={partner} />);
  });

  app.post(`${partnerPath}/organisations`, { config: { action: 'organisation.create' } }, async (request, reply) => {
    const partner = await partnerFor(request);
    const parsed = parseForm(organisationSchema, request.body);
    if (!parsed.ok) return reply.page(<OrganisationFormPage partner={partner} state={parsed.state} />, 400);
    const outcome = await service.createOrganisationForPartner(db, request.actor, partner.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(<OrganisationFormPage partner={partner} state={refusalState(request.body, outcome, 'partners.organisations.refusals')} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'partners.flash.organisationAdded', values: { name: outcome.value.name } });
    return reply.redirect(`/partners/${partner.id}#stakeholders`, 303);
  });

  app.get(`${partnerPath}/organisations/link`, { config: { action: 'organisation.link' } }, async (request, reply) => {
    const partner = await partnerFor(request);
    assertAllowed(can(request.actor, 'organisation.link', { programmeId: partner.programmeId, partnerIds: [partner.id] }));
    const candidates = await service.listLinkableOrganisations(db, partner.programmeId, partner.id);
    return reply.page(<OrganisationLinkPage partner={partner} candidates={candidates} />);
  });

  app.post(`${partnerPath}/organisations/link`, { config: { action: 'organisation.link' } }, async (request, reply) => {
    const partner = await partnerFor(request);
    const parsed = parseForm(organisationLinkSchema, request.body);
    const candidates = () => service.listLinkableOrganisations(db, partner.programmeId, partner.id);
    if (!parsed.ok) return reply.page(<OrganisationLinkPage partner={partner} candidates={await candidates()} state={parsed.state} />, 400);
    const outcome = await service.linkOrganisation(db, request.actor, partner.id, parsed.data);
    if (!outcome.ok) {
      if (outcome.reason === 'forbidden' || (outcome.reason === 'not_found' && !outcome.field)) throwIfNotFoundOrForbidden(outcome.reason);
      const state = refusalState(request.body, outcome, 'partners.organisations.refusals');
      return reply.page(<OrganisationLinkPage partner={partner} candidates={await candidates()} state={state} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'partners.flash.organisationAdded', values: { name: outcome.value.name } });
    return reply.redirect(`/partners/${partner.id}#stakeholders`, 303);
  });

  app.get(`${organisationPath}/edit`, { config: { action: 'organisation.update' } }, async (request, reply) => {
    const { partner, organisation, mayDelete } = await groupMemberFor(request);
    return reply.page(<OrganisationFormPage partner={partner} organisation={organisation} mayDelete={mayDelete} />);
  });

  app.post(organisationPath, { config: { action: 'organisation.update' } }, async (request, reply) => {
    const { partner, organisation, mayDelete } = await groupMemberFor(request);
    const parsed = parseForm(organisationSchema, request.body);
    if (!parsed.ok) return reply.page(<OrganisationFormPage partner={partner} organisation={organisation} mayDelete={mayDelete} state={parsed.state} />, 400);
    const outcome = await service.updateOrganisationInGroup(db, request.actor, partner.id, organisation.id, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      const state = refusalState(request.body, outcome, 'partners.organisations.refusals');
      return reply.page(<OrganisationFormPage partner={partner} organisation={organisation} mayDelete={mayDelete} state={state} />, 400);
    }
    reply.setFlash({ kind: 'success', key: 'partners.flash.organisationUpdated', values: { name: outcome.value.name } });
    return reply.redirect(`/partners/${partner.id}#stakeholders`, 303);
  });

  confirmedAction(
    app,
    `${organisationPath}/unlink`,
    { action: 'organisation.link' },
    {
      ask: async (request) => {
        const { partner, organisation } = await groupMemberFor(request);
        const t = request.t;
        return {
          title: t('partners.organisations.unlinkTitle', { organisation: organisation.name, partner: partner.shortName }),
          confirmLabel: t('partners.organisations.unlink'),
          cancelHref: `/partners/${partner.id}#stakeholders`,
          explanation: <p>{t('partners.organisations.unlinkExplanation')}</p>,
        };
      },
      act: async (request, reply) => {
        const { partner, organisation } = await groupMemberFor(request);
        const outcome = await service.unlinkOrganisation(db, request.actor, partner.id, organisation.id);
        if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
        reply.setFlash({ kind: 'success', key: 'partners.flash.organisationUnlinked', values: { name: organisation.name } });
        return reply.redirect(`/partners/${partner.id}#stakeholders`, 303);
      },
    },
  );

  confirmedAction(
    app,
    `${organisationPath}/delete`,
    { action: 'organisation.delete' },
    {
      ask: async (request) => {
        const { partner, organisation, mayDelete } = await groupMemberFor(request);
        assertAllowed(mayDelete);
        const t = request.t;
        return {
          title: t('partners.organisations.deleteTitle', { name: organisation.name }),
          confirmLabel: t('partners.organisations.delete'),
          cancelHref: `/partners/${partner.id}/organisations/${organisation.id}/edit`,
          explanation: <p>{t('partners.organisations.deleteExplanation')}</p>,
        };
      },
      act: async (request, reply) => {
        const { partner, organisation } = await groupMemberFor(request);
        const outcome = await service.deleteOrganisation(db, request.actor, organisation.id);
        if (!outcome.ok) {
          throwIfNotFoundOrForbidden(outcome.reason);
          return { refused: `partners.organisations.refusals.${outcome.reason}` };
        }
        reply.setFlash({ kind: 'success', key: 'partners.flash.organisationDeleted', values: { name: organisation.name } });
        return reply.redirect(`/partners/${partner.id}#stakeholders`, 303);
      },
    },
  );
};
