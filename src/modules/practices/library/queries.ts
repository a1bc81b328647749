/** SQL of the practices module for practices, their themes and history (search is in search.ts, transfers in transfer-queries.ts). */
import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../../../core/db/database.js';
import type { PracticeStatus, PracticesTable, Translations } from '../tables.js';

export const practiceColumns = [
  'practices.id',
  'practices.programme_id',
  'practices.owner_partner_id',
  'practices.owner_organisation_id',
  'practices.status',
  'practices.language',
  'practices.title',
  'practices.summary',
  'practices.objective',
  'practices.description',
  'practices.location_country',
  'practices.location_nuts',
  'practices.location_city',
  'practices.geographical_scope',
  'practices.resources',
  'practices.resources_eur',
  'practices.starts_on',
  'practices.ends_on',
  'practices.evidence',
  'practices.transfer_potential',
  'practices.difficulties',
  'practices.links',
  'practices.keywords',
  'practices.contact_name',
  'practices.contact_email',
  'practices.translations',
  'practices.proposed_by_user_id',
  'practices.created_at',
  'practices.updated_at',
  'practices.submitted_at',
  'practices.published_at',
] as const;

/** The values a practice is written with, whatever wrote it (a form, an import, the demo). */
export interface PracticeValues {
  programmeId: number;
  ownerPartnerId: number;
  ownerOrganisationId: number | null;
  language: PracticesTable['language'];
  title: string;
  summary: string;
  objective: string;
  description: string;
  locationCountry: string | null;
  locationNuts: string | null;
  locationCity: string | null;
  geographicalScope: PracticesTable['geographical_scope'];
  resources: string;
  resourcesEur: number | null;
  startsOn: string | null;
  endsOn: string | null;
  evidence: string;
  transferPotential: string;
  difficulties: string;
  links: string[];
  keywords: string[];
  contactName: string | null;
  contactEmail: string | null;
  translations: Translations;
}

function columnsOf(values: PracticeValues) {
  return {
    programme_id: values.programmeId,
    owner_partner_id: values.ownerPartnerId,
    owner_organisation_id: values.ownerOrganisationId,
    language: values.language,
    title: values.title,
    summary: values.summary,
    objective: values.objective,
    description: values.description,
    location_country: values.locationCountry,
    location_nuts: values.locationNuts,
    location_city: values.locationCity,
    geographical_scope: values.geographicalScope,
    resources: values.resources,
    resources_eur: values.resourcesEur,
    starts_on: values.startsOn,
    ends_on: values.endsOn,
    evidence: values.evidence,
    transfer_potential: values.transferPotential,
    difficulties: values.difficulties,
    links: values.links,
    keywords: values.keywords,
    contact_name: values.contactName,
    contact_email: values.contactEmail,
    translations: JSON.stringify(values.translations),
  };
}

export function findPractice(db: Executor, practiceId: number) {
  return db.selectFrom('practices').select(practiceColumns).select('practices.theme_codes as themes').where('practices.id', '=', practiceId).executeTakeFirst();
}

export function lockPractice(trx: Tx, practiceId: number) {
  return trx
    .selectFrom('practices')
    .select(practiceColumns)
    .select('practices.theme_codes as themes')
    .where('practices.id', '=', practiceId)
    .forUpdate()
    .executeTakeFirst();
}

export interface NewPractice {
  values: PracticeValues;
  status: PracticeStatus;
  proposedByUserId?: number | null;
}

/** Inserts practices in one statement (one for a form, hundreds for an import); returns their ids in order. */
export async function insertPractices(trx: Tx, practices: NewPractice[]): Promise<number[]> {
  const rows = await trx
    .insertInto('practices')
    .values(
      practices.map(({ values, status, proposedByUserId }) => ({
        ...columnsOf(values),
        status,
        proposed_by_user_id: proposedByUserId ?? null,
        submitted_at: status === 'submitted' ? sql<Date>`now()` : null,
        published_at: status === 'published' ? sql<Date>`now()` : null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function insertPractice(trx: Tx, values: PracticeValues, status: PracticeStatus, proposedByUserId: number | null = null): Promise<number> {
  const [id] = await insertPractices(trx, [{ values, status, proposedByUserId }]);
  if (id === undefined) throw new Error('The practice was not inserted');
  return id;
}

export async function insertThemes(trx: Tx, rows: { practiceId: number; codes: string[] }[]): Promise<void> {
  const values = rows.flatMap(({ practiceId, codes }) => codes.map((code) => ({ practice_id: practiceId, theme_code: code })));
  if (values.length) await trx.insertInto('practice_themes').values(values).execute();
}

/** Inserts practices with their themes (an import's batch, a generated library's); returns their ids in order. */
export async function insertPracticesWithThemes(trx: Tx, practices: (NewPractice & { themes: string[] })[]): Promise<number[]> {
  const ids = await insertPractices(trx, practices);
  await insertThemes(
    trx,
    practices.map((practice, index) => ({ practiceId: ids[index] as number, codes: practice.themes })),
  );
  return ids;
}

export function updatePractice(trx: Tx, practiceId: number, values: PracticeValues) {
  return trx
    .updateTable('practices')
    .set({ ...columnsOf(values), updated_at: sql<Date>`now()` })
    .where('id', '=', practiceId)
    .execute();
}

export function setStatus(trx: Tx, practiceId: number, status: PracticeStatus) {
  return trx
    .updateTable('practices')
    .set({
      status,
      updated_at: sql<Date>`now()`,
      ...(status === 'submitted' ? { submitted_at: sql<Date>`now()` } : {}),
      ...(status === 'published' ? { published_at: sql<Date>`coalesce(published_at, now())` } : {}),
    })
    .where('id', '=', practiceId)
    .execute();
}

export async function replaceThemes(trx: Tx, practiceId: number, codes: string[]): Promise<void> {
  await trx.deleteFrom('practice_themes').where('practice_id', '=', practiceId).execute();
  await insertThemes(trx, [{ practiceId, codes }]);
}

export function deletePractice(trx: Tx, practiceId: number) {
  return trx.deleteFrom('practices').where('id', '=', practiceId).execute();
}

export async function hasTransfers(db: Executor, practiceId: number): Promise<boolean> {
  return (await db.selectFrom('transfers').select('id').where('practice_id', '=', practiceId).limit(1).executeTakeFirst()) !== undefined;
}

export interface HistoryRow {
  practiceId: number;
  from: PracticeStatus | null;
  to: PracticeStatus;
  comment: string;
  actorUserId: number | null;
  actorLabel: string;
}

export async function insertHistory(trx: Tx, ...entries: HistoryRow[]): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('practice_history')
    .values(
      entries.map((entry) => ({
        practice_id: entry.practiceId,
        from_status: entry.from,
        to_status: entry.to,
        comment: entry.comment,
        actor_user_id: entry.actorUserId,
        actor_label: entry.actorLabel,
      })),
    )
    .execute();
}

/** Titles already in the programme (declined proposals aside), to flag an imported row as a likely duplicate. */
export function listTitles(db: Executor, programmeId: number) {
  return db.selectFrom('practices').select(['owner_partner_id', 'title']).where('programme_id', '=', programmeId).where('status', '!=', 'declined').execute();
}

export function listPublished(db: Executor, programmeId: number) {
  return db
    .selectFrom('practices')
    .select(['id', 'title', 'owner_partner_id'])
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'published')
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export function listHistory(db: Executor, practiceId: number) {
  return db
    .selectFrom('practice_history')
    .select(['from_status', 'to_status', 'comment', 'actor_label', 'occurred_at'])
    .where('practice_id', '=', practiceId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

/** Practices of the same owner with the same title (spaces and case ignored): a likely duplicate. */
export function findSameTitle(db: Executor, ownerPartnerId: number, title: string, exceptPracticeId: number | null) {
  let query = db
    .selectFrom('practices')
    .select(['id', 'title'])
    .where('owner_partner_id', '=', ownerPartnerId)
    .where('title_key', '=', sql<string>`lower(regexp_replace(btrim(${title}), '\\s+', ' ', 'g'))`)
    .where('status', '!=', 'declined');
  if (exceptPracticeId !== null) query = query.where('id', '!=', exceptPracticeId);
  return query.limit(1).executeTakeFirst();
}

/** The titles of an owner's practices (declined proposals aside), to look for one very like a new title. */
export function listTitlesOfOwner(db: Executor, ownerPartnerId: number, exceptPracticeId: number | null) {
  let query = db.selectFrom('practices').select(['id', 'title']).where('owner_partner_id', '=', ownerPartnerId).where('status', '!=', 'declined');
  if (exceptPracticeId !== null) query = query.where('id', '!=', exceptPracticeId);
  return query.execute();
}

/** Practices by id, with their themes, in id order (exports read them in pages). */
export function findPractices(db: Executor, ids: number[]) {
  return db
    .selectFrom('practices')
    .select(practiceColumns)
    .select('practices.theme_codes as themes')
    .where('practices.id', 'in', ids.length ? ids : [0])
    .orderBy('practices.id')
    .execute();
}

/** Fresh planner statistics after a bulk load: PGlite has no autovacuum, and a stale estimate makes it skip the search index. */
export async function analyzePractices(db: Db): Promise<void> {
  await sql`analyze practices`.execute(db);
  await sql`analyze practice_themes`.execute(db);
}

// ---- personal data -----------------------------------------------------------------------------------------------

export function listReviewStepsBy(db: Executor, userId: number) {
  return db
    .selectFrom('practice_history')
    .select(['practice_id as practiceId', 'from_status as from', 'to_status as to', 'comment', 'occurred_at as at'])
    .where('actor_user_id', '=', userId)
    .orderBy('id')
    .execute();
}

export function listProposalsBy(db: Executor, userId: number) {
  return db.selectFrom('practices').select(['id', 'title', 'status']).where('proposed_by_user_id', '=', userId).orderBy('id').execute();
}

export async function relabelHistoryBy(trx: Tx, userId: number, label: string): Promise<void> {
  await trx.updateTable('practice_history').set({ actor_label: label }).where('actor_user_id', '=', userId).execute();
}

/** Published practices of a programme on any of the themes, by title, at most `limit` (the maturity page's suggestions). */
export function listPublishedOnThemes(db: Executor, programmeId: number, themeCodes: readonly string[], limit: number) {
  return db
    .selectFrom('practices')
    .select(['id', 'title', 'owner_partner_id', 'theme_codes'])
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'published')
    .where(sql<boolean>`theme_codes && array[${sql.join(themeCodes.map((code) => sql`${code}`))}]::text[]`)
    .orderBy('title')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The titles of the published practices among the ids, for lists of what a person follows. */
export function listPracticeTitles(db: Executor, ids: readonly number[]) {
  return db
    .selectFrom('practices')
    .select(['id', 'title'])
    .where('id', 'in', ids.length ? ids : [0])
    .where('status', '=', 'published')
    .execute();
}

/** The most recently published practices (of a programme, or of all): the front page's short list, on practices_by_status. */
export function listLatestPublished(db: Executor, limit: number, programmeId?: number) {
  let query = db
    .selectFrom('practices')
    .select(['id', 'title', 'language', 'translations', 'owner_partner_id', 'published_at'])
    .where('status', '=', 'published');
  if (programmeId !== undefined) query = query.where('programme_id', '=', programmeId);
  return query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
