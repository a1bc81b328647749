/** The SQL of the instrument catalogue: instruments, their services, events, stages, innovation chain and impact. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../../core/db/schema.js';
import type { Db, Executor, Tx } from '../../../core/db/database.js';
import type { Locale } from '../../../core/i18n/locales.js';
import type { ImpactPeriod } from './figures.js';
import type { CatalogueQuery } from '../schema.js';
import type { Audience, Channel, ChainRole, InstrumentKind, ProcurementRoute, Stage } from '../tables.js';

export const instrumentColumns = [
  'id',
  'programme_id',
  'partner_id',
  'name',
  'description',
  'text_language',
  'kind',
  'theme_code',
  'channels',
  'audiences',
  'languages',
  'is_free',
  'cost_description',
  'authentication',
  'data_reused',
  'licence',
  'repository_url',
  'stage',
  'stage_since',
  'published',
  'contract_values_public',
  'plan_id',
  'action_key',
  'practice_id',
  'created_at',
  'updated_at',
] as const;

export function findInstrument(db: Executor, id: number) {
  return db.selectFrom('instruments').select(instrumentColumns).where('id', '=', id).executeTakeFirst();
}

export function lockInstrument(trx: Tx, id: number) {
  return trx.selectFrom('instruments').select(instrumentColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface InstrumentValues {
  programmeId: number;
  partnerId: number;
  name: string;
  description: string;
  textLanguage: Locale;
  kind: InstrumentKind;
  themeCode: string | null;
  channels: Channel[];
  audiences: Audience[];
  languages: string[];
  isFree: boolean;
  costDescription: string;
  authentication: string;
  dataReused: string;
  licence: string | null;
  repositoryUrl: string | null;
  published: boolean;
  contractValuesPublic: boolean;
  planId: number | null;
  actionKey: string | null;
  practiceId: number | null;
}

function columnsOf(values: InstrumentValues) {
  return {
    programme_id: values.programmeId,
    partner_id: values.partnerId,
    name: values.name,
    description: values.description,
    text_language: values.textLanguage,
    kind: values.kind,
    theme_code: values.themeCode,
    channels: values.channels,
    audiences: values.audiences,
    languages: values.languages,
    is_free: values.isFree,
    cost_description: values.isFree ? '' : values.costDescription,
    authentication: values.authentication,
    data_reused: values.dataReused,
    licence: values.licence,
    repository_url: values.repositoryUrl,
    published: values.published,
    contract_values_public: values.contractValuesPublic,
    plan_id: values.planId,
    action_key: values.actionKey,
    practice_id: values.practiceId,
  };
}

export async function insertInstrument(trx: Tx, values: InstrumentValues, stage: Stage, stageSince: string): Promise<number> {
  const row = await trx
    .insertInto('instruments')
    .values({ ...columnsOf(values), stage, stage_since: stageSince })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateInstrument(trx: Tx, id: number, values: InstrumentValues) {
  return trx
    .updateTable('instruments')
    .set({ ...columnsOf(values), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export function setStage(trx: Tx, id: number, stage: Stage, since: string) {
  return trx
    .updateTable('instruments')
    .set({ stage, stage_since: since, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function replaceServices(trx: Tx, id: number, services: { name: string; description: string }[]): Promise<void> {
  await trx.deleteFrom('instrument_services').where('instrument_id', '=', id).execute();
  if (services.length)
    await trx
      .insertInto('instrument_services')
      .values(services.map((service, index) => ({ instrument_id: id, position: index + 1, name: service.name, description: service.description })))
      .execute();
}

export async function replaceEvents(trx: Tx, id: number, eventIds: number[]): Promise<void> {
  await trx.deleteFrom('instrument_events').where('instrument_id', '=', id).execute();
  if (eventIds.length)
    await trx
      .insertInto('instrument_events')
      .values([...new Set(eventIds)].map((eventId) => ({ instrument_id: id, event_id: eventId })))
      .execute();
}

export function servicesOf(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('instrument_services')
    .select(['instrument_id', 'position', 'name', 'description'])
    .where('instrument_id', 'in', ids)
    .orderBy('instrument_id')
    .orderBy('position')
    .execute();
}

export function eventsOf(db: Executor, id: number) {
  return db
    .selectFrom('instrument_events')
    .innerJoin('events', 'events.id', 'instrument_events.event_id')
    .select(['events.id', 'events.title', 'events.starts_at'])
    .where('instrument_id', '=', id)
    .orderBy('events.starts_at')
    .execute();
}

export function insertStage(
  trx: Tx,
  values: { instrumentId: number; stage: Stage; occurredOn: string; evidence: string; reason: string; userId: number | null; label: string },
) {
  return trx
    .insertInto('instrument_stages')
    .values({
      instrument_id: values.instrumentId,
      stage: values.stage,
      occurred_on: values.occurredOn,
      evidence: values.evidence,
      reason: values.reason,
      recorded_by_user_id: values.userId,
      recorded_by_label: values.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function stagesOf(db: Executor, id: number) {
  return db
    .selectFrom('instrument_stages')
    .select(['id', 'stage', 'occurred_on', 'evidence', 'reason', 'recorded_by_label', 'recorded_at'])
    .where('instrument_id', '=', id)
    .orderBy('id')
    .execute();
}

export function chainOf(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('instrument_chain')
    .innerJoin('organisations', 'organisations.id', 'instrument_chain.organisation_id')
    .select([
      'instrument_chain.id',
      'instrument_chain.instrument_id',
      'organisation_id',
      'organisations.name',
      'organisations.helix',
      'organisations.size_class',
      'role',
      'in_region',
      'contract_value_eur',
      'procurement',
    ])
    .where('instrument_id', 'in', ids)
    .orderBy('instrument_chain.id')
    .execute();
}

export function insertChainEntry(
  trx: Tx,
  values: { instrumentId: number; organisationId: number; role: ChainRole; inRegion: boolean; contractValueEur: number | null; procurement: ProcurementRoute },
) {
  return trx
    .insertInto('instrument_chain')
    .values({
      instrument_id: values.instrumentId,
      organisation_id: values.organisationId,
      role: values.role,
      in_region: values.inRegion,
      contract_value_eur: values.contractValueEur,
      procurement: values.procurement,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function deleteChainEntry(trx: Tx, instrumentId: number, entryId: number) {
  return trx
    .deleteFrom('instrument_chain')
    .where('instrument_id', '=', instrumentId)
    .where('id', '=', entryId)
    .returning(['id', 'organisation_id', 'role'])
    .executeTakeFirst();
}

export function impactOf(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('instrument_impact')
    .select([
      'id',
      'instrument_id',
      'period_start',
      'period_end',
      'users',
      'transactions',
      'processing_minutes_digital',
      'processing_minutes_former',
      'cost_digital_eur',
      'cost_former_eur',
      'satisfaction_percent',
      'digital_share_percent',
    ])
    .where('instrument_id', 'in', ids)
    .orderBy('instrument_id')
    .orderBy('period_start')
    .execute();
}

export function overlappingPeriod(db: Executor, instrumentId: number, start: string, end: string) {
  return db
    .selectFrom('instrument_impact')
    .select(['id', 'period_start', 'period_end'])
    .where('instrument_id', '=', instrumentId)
    .where('period_start', '<=', end)
    .where('period_end', '>=', start)
    .executeTakeFirst();
}

export function insertImpact(trx: Tx, instrumentId: number, values: ImpactPeriod) {
  return trx
    .insertInto('instrument_impact')
    .values({
      instrument_id: instrumentId,
      period_start: values.periodStart,
      period_end: values.periodEnd,
      users: values.users,
      transactions: values.transactions,
      processing_minutes_digital: values.processingMinutesDigital,
      processing_minutes_former: values.processingMinutesFormer,
      cost_digital_eur: values.costDigitalEur,
      cost_former_eur: values.costFormerEur,
      satisfaction_percent: values.satisfactionPercent,
      digital_share_percent: values.digitalSharePercent,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function deleteImpact(trx: Tx, instrumentId: number, impactId: number) {
  return trx
    .deleteFrom('instrument_impact')
    .where('instrument_id', '=', instrumentId)
    .where('id', '=', impactId)
    .returning(['id', 'period_start', 'period_end'])
    .executeTakeFirst();
}

/** Who may see what: published instruments, plus the unpublished ones of the given partners and programmes. */
export interface Visibility {
  allUnpublished: boolean;
  partnerIds: number[];
  programmeIds: number[];
}

function visibleTo(visibility: Visibility) {
  return (eb: ExpressionBuilder<Database, 'instruments'>): Expression<SqlBool> => {
    if (visibility.allUnpublished) return sql<boolean>`true`;
    const options: Expression<SqlBool>[] = [eb('instruments.published', '=', true)];
    if (visibility.partnerIds.length) options.push(eb('instruments.partner_id', 'in', visibility.partnerIds));
    if (visibility.programmeIds.length) options.push(eb('instruments.programme_id', 'in', visibility.programmeIds));
    return eb.or(options);
  };
}

/** Words of a search as a prefix query ("pay perm" finds "payment permits"); null when nothing is searchable. */
export function prefixQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 10)
        .map((word) => `${word}:*`)
        .join(' & ')
    : null;
}

/**
 * One page of the catalogue and, instead of a bare count, how many instruments each partner has under the other
 * filters: the page's total is read from it (the chosen partner's, or all of them), and it ranks the partner filter.
 */
export async function catalogue(db: Db, visibility: Visibility, query: CatalogueQuery, page: { limit: number; offset: number }) {
  const tsquery = prefixQuery(query.q);
  let unlessPartner = db.selectFrom('instruments').innerJoin('partners', 'partners.id', 'instruments.partner_id').where(visibleTo(visibility));
  if (tsquery) unlessPartner = unlessPartner.where(sql<boolean>`instruments.search_vector @@ to_tsquery('simple', ${tsquery})`);
  if (query.kind) unlessPartner = unlessPartner.where('instruments.kind', '=', query.kind);
  if (query.stage) unlessPartner = unlessPartner.where('instruments.stage', '=', query.stage);
  if (query.theme) unlessPartner = unlessPartner.where('instruments.theme_code', '=', query.theme);
  const select = query.partner ? unlessPartner.where('instruments.partner_id', '=', query.partner) : unlessPartner;
  const listed = select.select([
    'instruments.id',
    'instruments.name',
    'instruments.description',
    'instruments.text_language',
    'instruments.kind',
    'instruments.stage',
    'instruments.stage_since',
    'instruments.partner_id',
    'partners.name as partner_name',
    'instruments.published',
    'instruments.theme_code',
  ]);
  // With words, the best matches first (the name weighs more than the description); otherwise by name.
  const ranked = tsquery ? listed.orderBy(sql`ts_rank(instruments.search_vector, to_tsquery('simple', ${tsquery}))`, 'desc') : listed;
  const [rows, perPartner] = await Promise.all([
    ranked.orderBy('instruments.name').orderBy('instruments.id').limit(page.limit).offset(page.offset).execute(),
    unlessPartner
      .select(['instruments.partner_id', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('instruments.partner_id')
      .execute(),
  ]);
  const partnerMatches = new Map(perPartner.map((row) => [row.partner_id, Number(row.count)]));
  const total = query.partner ? (partnerMatches.get(query.partner) ?? 0) : [...partnerMatches.values()].reduce((sum, count) => sum + count, 0);
  return { rows, total, partnerMatches };
}

/** Instruments of a programme with what the programme view counts: stage, whether a pilot was reached, owner. */
export function programmeInstruments(db: Db, visibility: Visibility, programmeId: number) {
  return db
    .selectFrom('instruments')
    .select(['instruments.id', 'instruments.partner_id', 'instruments.stage', 'instruments.name'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('instrument_stages')
            .select('instrument_stages.id')
            .whereRef('instrument_stages.instrument_id', '=', 'instruments.id')
            .where('instrument_stages.stage', 'in', ['pilot', 'live', 'scaled']),
        )
        .as('reached_pilot'),
    )
    .where('instruments.programme_id', '=', programmeId)
    .where(visibleTo(visibility))
    .orderBy('instruments.partner_id')
    .orderBy('instruments.name')
    .execute();
}

/** The instruments an action plan planned, as the reader may see them. */
export function instrumentsOfPlan(db: Db, visibility: Visibility, planId: number) {
  return db.selectFrom('instruments').select(['id', 'name', 'action_key']).where('plan_id', '=', planId).where(visibleTo(visibility)).orderBy('name').execute();
}

/** The stage changes a person recorded, for their personal-data download. */
export function stagesRecordedBy(db: Executor, userId: number) {
  return db
    .selectFrom('instrument_stages')
    .select(['instrument_id as instrumentId', 'stage', 'occurred_on as occurredOn', 'evidence', 'reason', 'recorded_at as recordedAt'])
    .where('recorded_by_user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** Replaces a person's name on the stage changes they recorded, which stay (the instrument's history). */
export function relabelStagesRecordedBy(trx: Tx, userId: number, label: string) {
  return trx.updateTable('instrument_stages').set({ recorded_by_label: label }).where('recorded_by_user_id', '=', userId).execute();
}

/** A partner's action plan, which the demo's planned instruments name. */
export function findPlanOfPartner(db: Executor, partnerId: number) {
  return db.selectFrom('plans').select('id').where('partner_id', '=', partnerId).executeTakeFirst();
}

/** The names of the published instruments among the ids, for lists of what a person follows. */
export function listPublishedInstrumentNames(db: Executor, ids: readonly number[]) {
  return db
    .selectFrom('instruments')
    .select(['id', 'name'])
    .where('id', 'in', ids.length ? ids : [0])
    .where('published', '=', true)
    .execute();
}
