/** The catalogue, one instrument, writing it, its stage, chain and impact, its charts, and the programme view. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csvText } from '../../../core/exchange/write.js';
import type { JSX } from 'preact';
import type { z } from 'zod';
import { confirmedAction } from '../../../core/http/confirmed-action.js';
import { HttpError } from '../../../core/http/errors.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { assertAllowed, throwIfNotFoundOrForbidden } from '../../../core/http/refusals.js';
import { parseForm, refusalState, validFields, withRefusals, type FormState, type FormValues, type Parsed } from '../../../core/validation/forms.js';
import { pageNumber } from '../../../core/validation/fields.js';
import { barChartSvg } from '../../../core/views/charts.js';
import { allRefusals, type Outcome, type Refusal } from '../../../core/outcome.js';
import { listOrganisations, listPartners, partnersOfFilter } from '../../partners/service.js';
import { listProgrammes } from '../../programmes/service.js';
import { listThemes, themeName } from '../../themes/service.js';
import {
  type InstrumentInput,
  catalogueQuerySchema,
  chainEntrySchema,
  firstStageFields,
  impactSchema,
  instrumentFields,
  instrumentSchema,
  newInstrumentSchema,
  planLinkOf,
  stageChangeSchema,
} from '../schema.js';
import * as service from './service.js';
import { stages } from '../tables.js';
import { CataloguePage } from './views/CataloguePage.js';
import { ChainFormPage, ImpactFormPage, InstrumentFormPage, instrumentFormValues, StageFormPage, type LinkChoices } from './views/InstrumentForms.js';
import { isFollowing } from '../../notifications/service.js';
import { InstrumentPage } from './views/InstrumentPage.js';
import { ProgrammePage } from './views/ProgrammePage.js';

export const instrumentPath = `/instruments/:instrumentId${idPattern}`;

export const instrumentRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  async function instrumentFor(request: FastifyRequest): Promise<service.InstrumentDetails> {
    const instrument = await service.getInstrument(db, request.actor, idParam(request.params, 'instrumentId'));
    if (!instrument) throw new HttpError('not_found');
    return instrument;
  }

  async function writableInstrument(request: FastifyRequest) {
    const instrument = await instrumentFor(request);
    assertAllowed(service.mayWrite(request.actor, instrument));
    return instrument;
  }

  async function choicesFor(request: FastifyRequest, owner: { programmeId: number; partnerId: number } | null): Promise<LinkChoices> {
    const owners = await service.ownerChoices(db, request.actor);
    assertAllowed(owners.length > 0);
    const selected = owner ?? { programmeId: owners[0]?.programmeId ?? 0, partnerId: owners[0]?.id ?? 0 };
    const links = await service.linkChoices(db, selected.programmeId, selected.partnerId);
    return { owners, ...links };
  }

  async function formPage(request: FastifyRequest, reply: FastifyReply, state: FormState, instrument: service.InstrumentDetails | null, status = 200) {
    const partnerId = Number(state.values.partnerId);
    const owners = await service.ownerChoices(db, request.actor);
    const chosen = owners.find((owner) => owner.id === partnerId);
    const choices = await choicesFor(request, instrument ? instrument : chosen ? { programmeId: chosen.programmeId, partnerId: chosen.id } : null);
    return reply.page(
      <InstrumentFormPage
        mode={instrument ? 'edit' : 'create'}
        action={instrument ? `/instruments/${instrument.id}` : '/instruments'}
        cancelHref={instrument ? `/instruments/${instrument.id}` : '/instruments'}
        state={state}
        choices={choices}
      />,
      status,
    );
  }

  /**
   * The catalogue entry's form, every problem at once. A form that fails its own checks is shown with what the
   * entry refers to (owner, links, theme, first stage) checked on the fields that are valid; a valid form goes to the
   * use case, which checks the references once, for every caller, and refuses with all their problems.
   */
  async function checkedEntry<T extends InstrumentInput>(request: FastifyRequest, schema: z.ZodType<T>, isNew: boolean): Promise<Parsed<T>> {
    const parsed = parseForm(schema, request.body);
    if (parsed.ok) return parsed;
    const fields = { ...validFields(instrumentFields, request.body), ...(isNew ? validFields(firstStageFields, request.body) : {}) };
    const { problems } = await service.referenceProblems(db, request.actor, {
      partnerId: fields.partnerId,
      ...(fields.planAction === undefined ? { planId: undefined, actionKey: undefined } : planLinkOf(fields.planAction)),
      practiceId: fields.practiceId,
      eventIds: fields.eventIds,
      themeCode: fields.themeCode,
      stageSince: fields.stageSince,
    });
    if (problems.some((problem) => problem.reason === 'forbidden')) throw new HttpError('forbidden');
    return { ok: false, state: withRefusals(schema, request.body, parsed.state.errors, problems, 'instruments.refusals') };
  }

  /** The entry's form again with every refusal of the use case at its field. */
  function refusedEntry(request: FastifyRequest, schema: z.ZodType, refusal: Refusal<service.InstrumentRefusal>): FormState {
    throwIfNotFoundOrForbidden(refusal.reason);
    return withRefusals(schema, request.body, [], allRefusals(refusal), 'instruments.refusals');
  }

  /** A small form's post: parse, run the use case, show the form again with its problems, or go back to the instrument. */
  async function handleSmallForm<S extends z.ZodType>(
    request: FastifyRequest,
    reply: FastifyReply,
    schema: S,
    run: (instrument: service.InstrumentDetails, input: z.output<S>) => Promise<Outcome<{ id: number }, service.InstrumentRefusal>>,
    render: (instrument: service.InstrumentDetails, state: FormState) => Promise<JSX.Element> | JSX.Element,
    flash: string,
  ) {
    const instrument = await writableInstrument(request);
    const parsed = parseForm(schema, request.body);
    if (!parsed.ok) return reply.page(await render(instrument, parsed.state), 400);
    const outcome = await run(instrument, parsed.data);
    if (!outcome.ok) {
      throwIfNotFoundOrForbidden(outcome.reason);
      return reply.page(await render(instrument, refusalState(request.body, outcome, 'instruments.refusals')), 400);
    }
    reply.setFlash({ kind: 'success', key: flash });
    return reply.redirect(`/instruments/${instrument.id}`, 303);
  }

  app.get('/instruments', { config: { action: 'instrument.read' } }, async (request, reply) => {
    const query = catalogueQuerySchema.parse(request.query);
    const page = pageNumber.parse((request.query as Record<string, unknown>).page);
    const [{ entries, total, partnerMatches }, themes, owners] = await Promise.all([
      service.searchCatalogue(db, request.actor, query, page),
      listThemes(db),
      service.ownerChoices(db, request.actor),
    ]);
    const { filter } = await partnersOfFilter(db, request.actor, {
      matches: partnerMatches,
      chosen: query.partner === null ? [] : [query.partner],
      named: [],
    });
    const pageCount = Math.max(1, Math.ceil(total / service.cataloguePageSize));
    return reply.page(
      <CataloguePage
        entries={entries}
        total={total}
        query={query}
        page={page}
        pageCount={pageCount}
        partnerFilter={filter}
        themes={themes.filter((theme) => !theme.retired)}
        mayCreate={owners.length > 0}
      />,
    );
  });

  app.get('/instruments/new', { config: { action: 'instrument.write' } }, async (request, reply) => {
    // An editor of one partner records instruments for it: the form starts with that partner chosen.
    const owners = await service.ownerChoices(db, request.actor);
    // Most people write in the language they read the platform in; the form starts there.
    const values: FormValues = { isFree: 'yes', stage: 'idea', textLanguage: request.locale };
    if (owners.length === 1 && owners[0]) values.partnerId = String(owners[0].id);
    return formPage(request, reply, { values, errors: [] }, null);
  });

  app.post('/instruments', { config: { action: 'instrument.write' } }, async (request, reply) => {
    const parsed = await checkedEntry(request, newInstrumentSchema, true);
    if (!parsed.ok) return formPage(request, reply, parsed.state, null, 400);
    const outcome = await service.createInstrument(db, request.actor, parsed.data);
    if (!outcome.ok) return formPage(request, reply, refusedEntry(request, newInstrumentSchema, outcome), null, 400);
    reply.setFlash({ kind: 'success', key: 'instruments.flash.created' });
    return reply.redirect(`/instruments/${outcome.value.id}`, 303);
  });

  async function programmeViewFor(request: FastifyRequest) {
    const programme = (await listProgrammes(db))[0];
    if (!programme) throw new HttpError('not_found');
    return service.programmeView(db, request.actor, programme.id);
  }

  app.get('/instruments/programme', { config: { action: 'instrument.read' } }, async (request, reply) =>
    reply.page(<ProgrammePage view={await programmeViewFor(request)} />),
  );

  app.get('/instruments/programme/stages.svg', { config: { action: 'instrument.read' } }, async (request, reply) => {
    const view = await programmeViewFor(request);
    const svg = await barChartSvg({
      categories: view.partners.map((partner) => partner.partnerName),
      series: stages.map((stage) => ({ name: request.t(`instruments.stages.${stage}`), values: view.partners.map((partner) => partner.byStage[stage]) })),
      stacked: true,
      horizontal: true,
    });
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, max-age=60').send(svg);
  });

  app.get('/instruments/programme.csv', { config: { action: 'instrument.read' } }, async (request, reply) => {
    const view = await programmeViewFor(request);
    const rows = view.partners.map((partner) => [partner.partnerName, ...stages.map((stage) => partner.byStage[stage]), partner.developed]);
    const csv = csvText([['partner', ...stages, 'developed'], ...rows]);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="instruments-programme.csv"').send(csv);
  });

  app.get(instrumentPath, { config: { action: 'instrument.read' } }, async (request, reply) => {
    const instrument = await instrumentFor(request);
    const [partners, links] = await Promise.all([
      listPartners(db, request.actor, instrument.programmeId),
      service.linkChoices(db, instrument.programmeId, instrument.partnerId),
    ]);
    const action = links.actions.find((entry) => entry.planId === instrument.planId && entry.key === instrument.actionKey);
    const practice = links.practices.find((entry) => entry.id === instrument.practiceId);
    const theme = links.themes.find((entry) => entry.code === instrument.themeCode);
    const names = {
      partner: partners.find((partner) => partner.id === instrument.partnerId)?.name ?? '',
      theme: theme ? themeName(theme, request.locale) : null,
      action: action ? { planId: action.planId, title: action.title } : null,
      practice: practice ? { id: practice.id, title: practice.title } : null,
    };
    const following =
      request.actor.kind === 'user' && instrument.published ? await isFollowing(db, request.actor.userId, 'instrument', instrument.id) : undefined;
    return reply.page(<InstrumentPage instrument={instrument} names={names} mayWrite={service.mayWrite(request.actor, instrument)} following={following} />);
  });

  app.get(`${instrumentPath}/edit`, { config: { action: 'instrument.write' } }, async (request, reply) => {
    const instrument = await writableInstrument(request);
    return formPage(request, reply, { values: instrumentFormValues(instrument), errors: [] }, instrument);
  });

  app.post(instrumentPath, { config: { action: 'instrument.write' } }, async (request, reply) => {
    const instrument = await writableInstrument(request);
    const parsed = await checkedEntry(request, instrumentSchema, false);
    if (!parsed.ok) return formPage(request, reply, parsed.state, instrument, 400);
    const outcome = await service.updateInstrument(db, request.actor, instrument.id, parsed.data);
    if (!outcome.ok) return formPage(request, reply, refusedEntry(request, instrumentSchema, outcome), instrument, 400);
    reply.setFlash({ kind: 'success', key: 'instruments.flash.saved' });
    return reply.redirect(`/instruments/${instrument.id}`, 303);
  });

  app.get(`${instrumentPath}/stage`, { config: { action: 'instrument.write' } }, async (request, reply) => {
    const instrument = await writableInstrument(request);
    return reply.page(<StageFormPage instrument={instrument} state={{ values: { occurredOn: new Date().toISOString().slice(0, 10) }, errors: [] }} />);
  });

  app.post(`${instrumentPath}/stage`, { config: { action: 'instrument.write' } }, async (request, reply) =>
    handleSmallForm(
      request,
      reply,
      stageChangeSchema,
      (instrument, input) => service.changeStage(db, request.actor, instrument.id, input),
      (instrument, state) => <StageFormPage instrument={instrument} state={state} />,
      'instruments.flash.stage',
    ),
  );

  async function chainForm(instrument: service.InstrumentDetails, state: FormState) {
    const organisations = (await listOrganisations(db, instrument.programmeId))
      .map((organisation) => ({ id: organisation.id, name: organisation.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return <ChainFormPage instrument={instrument} state={state} organisations={organisations} />;
  }

  app.get(`${instrumentPath}/chain`, { config: { action: 'instrument.write' } }, async (request, reply) =>
    reply.page(await chainForm(await writableInstrument(request), { values: {}, errors: [] })),
  );

  app.post(`${instrumentPath}/chain`, { config: { action: 'instrument.write' } }, async (request, reply) =>
    handleSmallForm(
      request,
      reply,
      chainEntrySchema,
      (instrument, input) => service.addChainEntry(db, request.actor, instrument.id, input),
      chainForm,
      'instruments.flash.organisationAdded',
    ),
  );

  // Removing a row of the chain or a measurement cannot be undone: each is asked on a page of its own first.
  confirmedAction(
    app,
    `${instrumentPath}/chain/:entryId${idPattern}/delete`,
    { action: 'instrument.write' },
    {
      ask: async (request) => {
        const instrument = await writableInstrument(request);
        const entry = instrument.chain.find((found) => found.id === idParam(request.params, 'entryId'));
        if (!entry) throw new HttpError('not_found');
        return {
          title: request.t('instruments.chain.remove.title', { organisation: entry.organisationName, instrument: instrument.name }),
          confirmLabel: request.t('instruments.chain.remove.confirm'),
          cancelHref: `/instruments/${instrument.id}#chain`,
          explanation: <p>{request.t('instruments.chain.remove.warning')}</p>,
        };
      },
      act: async (request, reply) => {
        const instrument = await writableInstrument(request);
        const outcome = await service.removeChainEntry(db, request.actor, instrument.id, idParam(request.params, 'entryId'));
        if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
        reply.setFlash({ kind: 'success', key: 'instruments.flash.organisationRemoved' });
        return reply.redirect(`/instruments/${instrument.id}#chain`, 303);
      },
    },
  );

  app.get(`${instrumentPath}/impact`, { config: { action: 'instrument.write' } }, async (request, reply) =>
    reply.page(<ImpactFormPage instrument={await writableInstrument(request)} state={{ values: {}, errors: [] }} />),
  );

  app.post(`${instrumentPath}/impact`, { config: { action: 'instrument.write' } }, async (request, reply) =>
    handleSmallForm(
      request,
      reply,
      impactSchema,
      (instrument, input) => service.addImpact(db, request.actor, instrument.id, input),
      (instrument, state) => <ImpactFormPage instrument={instrument} state={state} />,
      'instruments.flash.impactAdded',
    ),
  );

  confirmedAction(
    app,
    `${instrumentPath}/impact/:impactId${idPattern}/delete`,
    { action: 'instrument.write' },
    {
      ask: async (request) => {
        const instrument = await writableInstrument(request);
        const period = instrument.impact.find((found) => found.id === idParam(request.params, 'impactId'));
        if (!period) throw new HttpError('not_found');
        const formatDate = (value: string) => request.server.translator.formatDate(request.locale, value);
        return {
          title: request.t('instruments.impact.remove.title', { start: formatDate(period.periodStart), end: formatDate(period.periodEnd) }),
          confirmLabel: request.t('instruments.impact.remove.confirm'),
          cancelHref: `/instruments/${instrument.id}#impact`,
          explanation: <p>{request.t('instruments.impact.remove.warning', { instrument: instrument.name })}</p>,
        };
      },
      act: async (request, reply) => {
        const instrument = await writableInstrument(request);
        const outcome = await service.removeImpact(db, request.actor, instrument.id, idParam(request.params, 'impactId'));
        if (!outcome.ok) throwIfNotFoundOrForbidden(outcome.reason);
        reply.setFlash({ kind: 'success', key: 'instruments.flash.impactRemoved' });
        return reply.redirect(`/instruments/${instrument.id}#impact`, 303);
      },
    },
  );

  app.get(`${instrumentPath}/use.svg`, { config: { action: 'instrument.read' } }, async (request, reply) => {
    const instrument = await instrumentFor(request);
    const periods = instrument.impactSummary.periods;
    const svg = await barChartSvg({
      categories: periods.map((period) => period.periodStart.slice(0, 7)),
      series: [
        { name: request.t('instruments.impact.users.label'), values: periods.map((period) => period.users ?? 0) },
        { name: request.t('instruments.impact.transactions.label'), values: periods.map((period) => period.transactions ?? 0) },
      ],
    });
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, max-age=60').send(svg);
  });

  app.get(`${instrumentPath}/take-up.svg`, { config: { action: 'instrument.read' } }, async (request, reply) => {
    const instrument = await instrumentFor(request);
    const periods = instrument.impactSummary.periods;
    const svg = await barChartSvg({
      categories: periods.map((period) => period.periodStart.slice(0, 7)),
      series: [
        { name: request.t('instruments.impact.digitalSharePercent.label'), values: periods.map((period) => period.digitalSharePercent ?? 0) },
        { name: request.t('instruments.impact.satisfactionPercent.label'), values: periods.map((period) => period.satisfactionPercent ?? 0) },
      ],
    });
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, max-age=60').send(svg);
  });
};
