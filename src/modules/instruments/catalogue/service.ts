/**
 * eGovernment instruments: the catalogue of the digital services partners deliver, their lifecycle, the innovation
 * chain that built them and their measured impact, and the programme view. Outside the module, through ../service.ts.
 */
import { actorLabel, recordAudit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { isUniqueViolation } from '../../../core/db/errors.js';
import { camelCased } from '../../../core/db/rows.js';
import type { Locale } from '../../../core/i18n/locales.js';
import { done, refuse, refuseAll, type Outcome, type Refusal } from '../../../core/outcome.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { listEventsOfPartner } from '../../events/service.js';
import { listOrganisations, listPartners, type Helix, type SizeClass } from '../../partners/service.js';
import { programmeOverview } from '../../plans/service.js';
import { listPublishedPractices } from '../../practices/service.js';
import { listThemes } from '../../themes/service.js';
import { impactSummary, isDeveloped, spendingShares, type ImpactPeriod, type ImpactSummary, type SpendingShares } from './figures.js';
import * as queries from './queries.js';
import { tellAboutStage } from '../notifications.js';
import type { CatalogueQuery, ChainEntryInput, ImpactInput, InstrumentInput, NewInstrumentInput, StageChangeInput } from '../schema.js';
import { stages, type ChainRole, type InstrumentKind, type ProcurementRoute, type Stage } from '../tables.js';

/** An instrument as read: the values it was written with, plus its lifecycle stage and public services. */
export interface Instrument extends queries.InstrumentValues {
  id: number;
  stage: Stage;
  stageSince: string;
  services: { name: string; description: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export interface StageRecord {
  id: number;
  stage: Stage;
  occurredOn: string;
  evidence: string;
  reason: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface ChainEntry {
  id: number;
  organisationId: number;
  organisationName: string;
  helix: Helix;
  sizeClass: SizeClass | null;
  role: ChainRole;
  inRegion: boolean;
  /** Null when not known, or hidden from this reader. */
  contractValueEur: number | null;
  procurement: ProcurementRoute;
}

export interface InstrumentDetails extends Instrument {
  stages: StageRecord[];
  events: { id: number; title: string; startsAt: Date }[];
  chain: ChainEntry[];
  /** Whether this reader sees contract values. */
  contractsVisible: boolean;
  spending: SpendingShares;
  impact: (ImpactPeriod & { id: number })[];
  impactSummary: ImpactSummary;
}

export type InstrumentRefusal =
  | 'forbidden'
  | 'not_found'
  | 'unknown_partner'
  | 'unknown_link'
  | 'unknown_organisation'
  | 'same_stage'
  | 'backwards_without_reason'
  | 'stage_before_current'
  | 'stage_in_future'
  | 'chain_duplicate'
  | 'period_overlap';

type InstrumentRow = NonNullable<Awaited<ReturnType<typeof queries.findInstrument>>>;

const numberOrNull = (value: string | number | null): number | null => (value === null ? null : Number(value));

function toInstrument(row: InstrumentRow, services: { name: string; description: string }[]): Instrument {
  return { ...camelCased(row), services };
}

type ImpactRow = Awaited<ReturnType<typeof queries.impactOf>>[number];
type ChainRow = Awaited<ReturnType<typeof queries.chainOf>>[number];

function impactPeriodOf(row: ImpactRow): ImpactPeriod {
  return {
    periodStart: row.period_start,
    periodEnd: row.period_end,
    users: row.users,
    transactions: row.transactions,
    processingMinutesDigital: numberOrNull(row.processing_minutes_digital),
    processingMinutesFormer: numberOrNull(row.processing_minutes_former),
    costDigitalEur: numberOrNull(row.cost_digital_eur),
    costFormerEur: numberOrNull(row.cost_former_eur),
    satisfactionPercent: numberOrNull(row.satisfaction_percent),
    digitalSharePercent: numberOrNull(row.digital_share_percent),
  };
}

/** Shares are computed on the real values, whoever reads them; only the amounts may be hidden. */
function spendingOf(chain: ChainRow[]): SpendingShares {
  return spendingShares(
    chain.map((entry) => ({ contractValueEur: numberOrNull(entry.contract_value_eur), inRegion: entry.in_region, sizeClass: entry.size_class })),
  );
}

const scopeOf = (instrument: { programme_id: number; partner_id: number } | Pick<Instrument, 'programmeId' | 'partnerId'>) =>
  'programme_id' in instrument
    ? { programmeId: instrument.programme_id, partnerIds: [instrument.partner_id] }
    : { programmeId: instrument.programmeId, partnerIds: [instrument.partnerId] };

export function mayWrite(actor: Actor, instrument: Pick<Instrument, 'programmeId' | 'partnerId'>): boolean {
  return can(actor, 'instrument.write', scopeOf(instrument));
}

function mayRead(actor: Actor, instrument: { published: boolean } & Pick<Instrument, 'programmeId' | 'partnerId'>): boolean {
  return instrument.published || can(actor, 'instrument.read_unpublished', scopeOf(instrument));
}

/** Which unpublished instruments the actor sees besides the published ones (mirrors instrument.read_unpublished). */
export function visibilityOf(actor: Actor): queries.Visibility {
  if (actor.kind === 'system' || (actor.kind === 'user' && actor.isAdmin)) return { allUnpublished: true, partnerIds: [], programmeIds: [] };
  if (actor.kind !== 'user') return { allUnpublished: false, partnerIds: [], programmeIds: [] };
  return {
    allUnpublished: false,
    partnerIds: actor.memberships
      .filter((membership) => membership.role === 'editor' && membership.partnerId !== null)
      .map((membership) => membership.partnerId as number),
    programmeIds: actor.memberships.filter((membership) => membership.role === 'coordinator').map((membership) => membership.programmeId),
  };
}

export async function getInstrument(db: Db, actor: Actor, id: number): Promise<InstrumentDetails | undefined> {
  const row = await queries.findInstrument(db, id);
  if (!row) return undefined;
  const [services, stageRows, events, chainRows, impactRows] = await Promise.all([
    queries.servicesOf(db, [id]),
    queries.stagesOf(db, id),
    queries.eventsOf(db, id),
    queries.chainOf(db, [id]),
    queries.impactOf(db, [id]),
  ]);
  const instrument = toInstrument(
    row,
    services.map((service) => ({ name: service.name, description: service.description })),
  );
  if (!mayRead(actor, instrument)) return undefined;
  const contractsVisible = instrument.contractValuesPublic || can(actor, 'instrument.see_contracts', scopeOf(instrument));
  const chain: ChainEntry[] = chainRows.map((entry) => ({
    id: entry.id,
    organisationId: entry.organisation_id,
    organisationName: entry.name,
    helix: entry.helix,
    sizeClass: entry.size_class,
    role: entry.role,
    inRegion: entry.in_region,
    contractValueEur: contractsVisible ? numberOrNull(entry.contract_value_eur) : null,
    procurement: entry.procurement,
  }));
  const spending = spendingOf(chainRows);
  const impact = impactRows.map((entry) => ({ id: entry.id, ...impactPeriodOf(entry) }));
  return {
    ...instrument,
    stages: stageRows.map((stage) => ({
      id: stage.id,
      stage: stage.stage,
      occurredOn: stage.occurred_on,
      evidence: stage.evidence,
      reason: stage.reason,
      recordedBy: stage.recorded_by_label,
      recordedAt: stage.recorded_at,
    })),
    events: events.map((event) => ({ id: event.id, title: event.title, startsAt: event.starts_at })),
    chain,
    contractsVisible,
    spending: contractsVisible ? spending : { ...spending, totalEur: 0, regionalEur: 0, smeEur: 0 },
    impact,
    impactSummary: impactSummary(impact),
  };
}

export const cataloguePageSize = 20;

export interface CatalogueEntry {
  id: number;
  name: string;
  description: string;
  textLanguage: Locale;
  kind: InstrumentKind;
  stage: Stage;
  stageSince: string;
  partnerId: number;
  partnerName: string;
  published: boolean;
  themeCode: string | null;
}

/** A page of the catalogue, the total, and how many instruments each partner has under the other filters (to rank the partner filter). */
export async function searchCatalogue(
  db: Db,
  actor: Actor,
  query: CatalogueQuery,
  page: number,
): Promise<{ entries: CatalogueEntry[]; total: number; partnerMatches: Map<number, number> }> {
  const { rows, total, partnerMatches } = await queries.catalogue(db, visibilityOf(actor), query, {
    limit: cataloguePageSize,
    offset: (page - 1) * cataloguePageSize,
  });
  return {
    entries: rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      textLanguage: row.text_language,
      kind: row.kind,
      stage: row.stage,
      stageSince: row.stage_since,
      partnerId: row.partner_id,
      partnerName: row.partner_name,
      published: row.published,
      themeCode: row.theme_code,
    })),
    total,
    partnerMatches,
  };
}

/** What an instrument may link to: its partner's endorsed plan actions, the programme's practices and the partner's events. */
export async function linkChoices(db: Db, programmeId: number, partnerId: number) {
  const [plans, practices, events, themes] = await Promise.all([
    programmeOverview(db, programmeId),
    listPublishedPractices(db, programmeId),
    listEventsOfPartner(db, programmeId, partnerId),
    listThemes(db),
  ]);
  const plan = plans.find((candidate) => candidate.partnerId === partnerId);
  const actions = plan ? plan.actions.map((entry) => ({ planId: plan.planId, key: entry.action.key, title: entry.action.title })) : [];
  return { actions, practices, events, themes };
}

/** The partners the actor records instruments for. */
export async function ownerChoices(db: Db, actor: Actor) {
  // Recording needs a signed-in editor: a visitor's catalogue page need not read every partner (2,000 at scale).
  if (actor.kind === 'anonymous') return [];
  return (await listPartners(db, actor)).filter((partner) => can(actor, 'instrument.write', { programmeId: partner.programmeId, partnerIds: [partner.id] }));
}

/** What a catalogue entry refers to, as far as the form could read it; a field it could not read is undefined. */
export interface InstrumentReferences {
  partnerId: number | undefined;
  planId: number | null | undefined;
  actionKey: string | null | undefined;
  practiceId: number | null | undefined;
  eventIds: number[] | undefined;
  themeCode: string | null | undefined;
  /** Only a new instrument has one. */
  stageSince?: string | undefined;
}

/**
 * Every refusal the entry's references earn at once — an unknown owner, plan action, practice, event or theme, a
 * first stage in the future — each rule run when the fields it reads are known; the owner's programme when it is.
 */
export async function referenceProblems(
  db: Db,
  actor: Actor,
  input: InstrumentReferences,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ programmeId?: number; problems: Refusal<InstrumentRefusal>[] }> {
  const problems: Refusal<InstrumentRefusal>[] = [];
  const themes = await listThemes(db);
  if (input.themeCode !== undefined && input.themeCode !== null && !themes.some((theme) => theme.code === input.themeCode))
    problems.push(refuse('unknown_link', 'themeCode'));
  if (input.stageSince !== undefined && input.stageSince > today) problems.push(refuse('stage_in_future', 'stageSince'));
  if (input.partnerId === undefined) return { problems };
  const owner = (await listPartners(db, actor)).find((partner) => partner.id === input.partnerId);
  if (!owner) return { problems: [refuse('unknown_partner', 'partnerId'), ...problems] };
  if (!can(actor, 'instrument.write', { programmeId: owner.programmeId, partnerIds: [owner.id] })) return { problems: [refuse('forbidden')] };
  const choices = await linkChoices(db, owner.programmeId, owner.id);
  if (
    input.planId !== undefined &&
    input.planId !== null &&
    !choices.actions.some((action) => action.planId === input.planId && action.key === input.actionKey)
  )
    problems.push(refuse('unknown_link', 'planAction'));
  if (input.practiceId !== undefined && input.practiceId !== null && !choices.practices.some((practice) => practice.id === input.practiceId))
    problems.push(refuse('unknown_link', 'practiceId'));
  if (input.eventIds && !input.eventIds.every((id) => choices.events.some((event) => event.id === id))) problems.push(refuse('unknown_link', 'eventIds'));
  return { programmeId: owner.programmeId, problems };
}

/** The one check of an entry's references before it is written (the form's route checks them only when its fields fail): every problem, or the owner's programme. */
async function checkInput(
  db: Db,
  actor: Actor,
  input: InstrumentInput & { stageSince?: string },
  today?: string,
): Promise<Outcome<{ programmeId: number }, InstrumentRefusal>> {
  const { programmeId, problems } = await referenceProblems(db, actor, input, today);
  const [first, ...others] = problems;
  if (first) return refuseAll([first, ...others]);
  return programmeId === undefined ? refuse('unknown_partner', 'partnerId') : done({ programmeId });
}

const valuesOf = (input: InstrumentInput, programmeId: number): queries.InstrumentValues => ({ ...input, programmeId });

function auditOf(input: InstrumentInput) {
  return { ...input, services: input.services.map((service) => service.name) };
}

export async function createInstrument(
  db: Db,
  actor: Actor,
  input: NewInstrumentInput,
  today = new Date().toISOString().slice(0, 10),
): Promise<Outcome<{ id: number }, InstrumentRefusal>> {
  const checked = await checkInput(db, actor, input, today);
  if (!checked.ok) return checked;
  return db.transaction().execute(async (trx) => {
    const id = await queries.insertInstrument(trx, valuesOf(input, checked.value.programmeId), input.stage, input.stageSince);
    await queries.replaceServices(trx, id, input.services);
    await queries.replaceEvents(trx, id, input.eventIds);
    await queries.insertStage(trx, {
      instrumentId: id,
      stage: input.stage,
      occurredOn: input.stageSince,
      evidence: '',
      reason: '',
      userId: actor.kind === 'user' ? actor.userId : null,
      label: actorLabel(actor),
    });
    await recordAudit(trx, actor, {
      action: 'instrument.create',
      entityType: 'instrument',
      entityId: id,
      programmeId: checked.value.programmeId,
      after: { ...auditOf(input), stage: input.stage, stageSince: input.stageSince },
    });
    return done({ id });
  });
}

export async function updateInstrument(db: Db, actor: Actor, id: number, input: InstrumentInput): Promise<Outcome<{ id: number }, InstrumentRefusal>> {
  const existing = await queries.findInstrument(db, id);
  if (!existing) return refuse('not_found');
  if (!can(actor, 'instrument.write', scopeOf(existing))) return refuse('forbidden');
  const checked = await checkInput(db, actor, input);
  if (!checked.ok) return checked;
  return db.transaction().execute(async (trx) => {
    const before = await queries.lockInstrument(trx, id);
    if (!before) return refuse('not_found');
    await queries.updateInstrument(trx, id, valuesOf(input, checked.value.programmeId));
    await queries.replaceServices(trx, id, input.services);
    await queries.replaceEvents(trx, id, input.eventIds);
    await recordAudit(trx, actor, {
      action: 'instrument.update',
      entityType: 'instrument',
      entityId: id,
      programmeId: before.programme_id,
      before: { name: before.name, published: before.published, partnerId: before.partner_id },
      after: auditOf(input),
    });
    return done({ id });
  });
}

/**
 * Moves the instrument along idea → design → pilot → live → scaled → retired, with the evidence of the change.
 * Going back (a pilot returning to design) is allowed with a reason; a date before the current stage's, or after
 * today, is refused.
 */
export async function changeStage(
  db: Db,
  actor: Actor,
  id: number,
  input: StageChangeInput,
  today = new Date().toISOString().slice(0, 10),
): Promise<Outcome<{ id: number }, InstrumentRefusal>> {
  return db.transaction().execute(async (trx) => {
    const instrument = await queries.lockInstrument(trx, id);
    if (!instrument) return refuse('not_found');
    if (!can(actor, 'instrument.write', scopeOf(instrument))) return refuse('forbidden');
    if (input.stage === instrument.stage) return refuse('same_stage', 'stage');
    if (stages.indexOf(input.stage) < stages.indexOf(instrument.stage) && input.reason === '') return refuse('backwards_without_reason', 'reason');
    if (input.occurredOn < instrument.stage_since) return refuse('stage_before_current', 'occurredOn');
    if (input.occurredOn > today) return refuse('stage_in_future', 'occurredOn');
    const stage = await queries.insertStage(trx, {
      instrumentId: id,
      stage: input.stage,
      occurredOn: input.occurredOn,
      evidence: input.evidence,
      reason: input.reason,
      userId: actor.kind === 'user' ? actor.userId : null,
      label: actorLabel(actor),
    });
    await queries.setStage(trx, id, input.stage, input.occurredOn);
    await recordAudit(trx, actor, {
      action: 'instrument.change_stage',
      entityType: 'instrument',
      entityId: id,
      programmeId: instrument.programme_id,
      before: { stage: instrument.stage, since: instrument.stage_since },
      after: { ...input },
    });
    const about = { id, name: instrument.name, programmeId: instrument.programme_id, partnerId: instrument.partner_id, published: instrument.published };
    await tellAboutStage(trx, actor, about, input.stage);
    return done({ id: stage.id });
  });
}

export async function addChainEntry(db: Db, actor: Actor, id: number, input: ChainEntryInput): Promise<Outcome<{ id: number }, InstrumentRefusal>> {
  const existing = await queries.findInstrument(db, id);
  if (!existing) return refuse('not_found');
  if (!(await listOrganisations(db, existing.programme_id)).some((organisation) => organisation.id === input.organisationId))
    return refuse('unknown_organisation', 'organisationId');
  try {
    return await db.transaction().execute(async (trx) => {
      const instrument = await queries.lockInstrument(trx, id);
      if (!instrument) return refuse('not_found');
      if (!can(actor, 'instrument.write', scopeOf(instrument))) return refuse('forbidden');
      const entry = await queries.insertChainEntry(trx, { instrumentId: id, ...input });
      await recordAudit(trx, actor, {
        action: 'instrument.add_organisation',
        entityType: 'instrument',
        entityId: id,
        programmeId: instrument.programme_id,
        after: { ...input },
      });
      return done({ id: entry.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('chain_duplicate', 'organisationId');
    throw error;
  }
}

export async function removeChainEntry(db: Db, actor: Actor, id: number, entryId: number): Promise<Outcome<{ id: number }, InstrumentRefusal>> {
  return db.transaction().execute(async (trx) => {
    const instrument = await queries.lockInstrument(trx, id);
    if (!instrument) return refuse('not_found');
    if (!can(actor, 'instrument.write', scopeOf(instrument))) return refuse('forbidden');
    const removed = await queries.deleteChainEntry(trx, id, entryId);
    if (!removed) return refuse('not_found');
    await recordAudit(trx, actor, {
      action: 'instrument.remove_organisation',
      entityType: 'instrument',
      entityId: id,
      programmeId: instrument.programme_id,
      before: { organisationId: removed.organisation_id, role: removed.role },
    });
    return done({ id: entryId });
  });
}

/** Records a measurement period; periods of one instrument never overlap (checked with the instrument locked). */
export async function addImpact(db: Db, actor: Actor, id: number, input: ImpactInput): Promise<Outcome<{ id: number }, InstrumentRefusal>> {
  return db.transaction().execute(async (trx) => {
    const instrument = await queries.lockInstrument(trx, id);
    if (!instrument) return refuse('not_found');
    if (!can(actor, 'instrument.write', scopeOf(instrument))) return refuse('forbidden');
    if (await queries.overlappingPeriod(trx, id, input.periodStart, input.periodEnd)) return refuse('period_overlap', 'periodStart');
    const row = await queries.insertImpact(trx, id, input);
    await recordAudit(trx, actor, {
      action: 'instrument.add_impact',
      entityType: 'instrument',
      entityId: id,
      programmeId: instrument.programme_id,
      after: { ...input },
    });
    return done({ id: row.id });
  });
}

export async function removeImpact(db: Db, actor: Actor, id: number, impactId: number): Promise<Outcome<{ id: number }, InstrumentRefusal>> {
  return db.transaction().execute(async (trx) => {
    const instrument = await queries.lockInstrument(trx, id);
    if (!instrument) return refuse('not_found');
    if (!can(actor, 'instrument.write', scopeOf(instrument))) return refuse('forbidden');
    const removed = await queries.deleteImpact(trx, id, impactId);
    if (!removed) return refuse('not_found');
    await recordAudit(trx, actor, {
      action: 'instrument.remove_impact',
      entityType: 'instrument',
      entityId: id,
      programmeId: instrument.programme_id,
      before: { periodStart: removed.period_start, periodEnd: removed.period_end },
    });
    return done({ id: impactId });
  });
}

/** For the plan page: each action's instruments. */
export async function deliverablesOfPlan(db: Db, actor: Actor, planId: number): Promise<{ actionKey: string; name: string; href: string }[]> {
  return (await queries.instrumentsOfPlan(db, visibilityOf(actor), planId)).map((row) => ({
    actionKey: row.action_key ?? '',
    name: row.name,
    href: `/instruments/${row.id}`,
  }));
}

export interface PartnerInstruments {
  partnerId: number;
  partnerName: string;
  byStage: Record<Stage, number>;
  developed: number;
}

export interface ProgrammeView {
  partners: PartnerInstruments[];
  developed: number;
  spending: SpendingShares;
  /** Whether the reader sees the amounts in euros (staff), or only the shares. */
  amountsVisible: boolean;
  moneySavedEur: number | null;
  timeSavedHours: number | null;
}

/** The programme's instruments per partner and stage, the spending with regional organisations and SMEs, and the savings. */
export async function programmeView(db: Db, actor: Actor, programmeId: number): Promise<ProgrammeView> {
  const [rows, partners] = await Promise.all([queries.programmeInstruments(db, visibilityOf(actor), programmeId), listPartners(db, actor, programmeId)]);
  const ids = rows.map((row) => row.id);
  const [chainRows, impactRows] = await Promise.all([queries.chainOf(db, ids), queries.impactOf(db, ids)]);
  const empty = () => Object.fromEntries(stages.map((stage) => [stage, 0])) as Record<Stage, number>;
  const byPartner = new Map(partners.map((partner) => [partner.id, { partnerId: partner.id, partnerName: partner.name, byStage: empty(), developed: 0 }]));
  for (const row of rows) {
    const entry = byPartner.get(row.partner_id);
    if (!entry) continue;
    entry.byStage[row.stage] += 1;
    if (isDeveloped(row.stage, Boolean(row.reached_pilot))) entry.developed += 1;
  }
  const impactByInstrument = new Map<number, ImpactPeriod[]>();
  for (const row of impactRows) {
    const list = impactByInstrument.get(row.instrument_id) ?? [];
    list.push(impactPeriodOf(row));
    impactByInstrument.set(row.instrument_id, list);
  }
  const summaries = [...impactByInstrument.values()].map(impactSummary);
  const total = (pick: (summary: ImpactSummary) => number | null) => {
    const known = summaries.map(pick).filter((value): value is number => value !== null);
    return known.length ? known.reduce((sum, value) => sum + value, 0) : null;
  };
  const list = [...byPartner.values()];
  return {
    partners: list,
    developed: list.reduce((sum, entry) => sum + entry.developed, 0),
    spending: spendingOf(chainRows),
    amountsVisible: can(actor, 'instrument.see_contracts', { programmeId }),
    moneySavedEur: total((summary) => summary.moneySavedEur),
    timeSavedHours: total((summary) => summary.timeSavedHours),
  };
}
