/**
 * SQL for the results formulas of practices (docs/formulas/learn.md): practices identified (published, dated by their
 * first publication) and transfers implemented (dated by the implemented stage's day), of one programme.
 */
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';

/** The day a practice was first published, in UTC, as an ISO date. */
const publishedOn = sql<string>`((p.published_at at time zone 'UTC')::date)`;

export interface DatedRecord {
  id: number;
  title: string;
  partner_id: number;
  dated_on: string;
}

export interface DatedTotal {
  partner_id: number;
  dated_on: string;
  count: number;
}

function ownedBy(partnerId: number | null) {
  return partnerId === null ? sql`true` : sql`p.owner_partner_id = ${partnerId}`;
}

function importedBy(partnerId: number | null) {
  return partnerId === null ? sql`true` : sql`t.importer_partner_id = ${partnerId}`;
}

/** Published practices up to `until`, counted by owner partner and day published. */
export async function identifiedTotals(db: Executor, programmeId: number, until: string): Promise<DatedTotal[]> {
  const result = await sql<DatedTotal>`
    select p.owner_partner_id as partner_id, ${publishedOn}::text as dated_on, count(*)::int as count
    from practices p
    where p.programme_id = ${programmeId} and p.status = 'published' and p.published_at is not null and ${publishedOn} <= ${until}::date
    group by 1, 2
  `.execute(db);
  return result.rows;
}

/** The published practices up to `until`, of one owner partner or all, in the order they were published. */
export async function identifiedPractices(db: Executor, programmeId: number, until: string, partnerId: number | null): Promise<DatedRecord[]> {
  const result = await sql<DatedRecord>`
    select p.id, p.title, p.owner_partner_id as partner_id, ${publishedOn}::text as dated_on
    from practices p
    where p.programme_id = ${programmeId} and p.status = 'published' and p.published_at is not null and ${publishedOn} <= ${until}::date
      and ${ownedBy(partnerId)}
    order by p.published_at, p.id
  `.execute(db);
  return result.rows;
}

/** Each transfer of the programme's practices that reached the implemented stage, with the first day it was recorded. */
function implemented(programmeId: number, until: string, partnerId: number | null) {
  return sql`
    select t.id, p.title, t.importer_partner_id as partner_id, min(s.occurred_on)::text as dated_on
    from transfers t join practices p on p.id = t.practice_id join transfer_stages s on s.transfer_id = t.id and s.stage = 'implemented'
    where p.programme_id = ${programmeId} and ${importedBy(partnerId)}
    group by t.id, p.title, t.importer_partner_id
    having min(s.occurred_on) <= ${until}::date`;
}

/** Transfers implemented up to `until`, counted by importing partner and day. */
export async function implementedTotals(db: Executor, programmeId: number, until: string): Promise<DatedTotal[]> {
  const result = await sql<DatedTotal>`
    select i.partner_id, i.dated_on, count(*)::int as count from (${implemented(programmeId, until, null)}) i group by 1, 2
  `.execute(db);
  return result.rows;
}

/** The transfers implemented up to `until`, of one importing partner or all, in the order they were implemented. */
export async function implementedTransfers(db: Executor, programmeId: number, until: string, partnerId: number | null): Promise<DatedRecord[]> {
  const result = await sql<DatedRecord>`select i.* from (${implemented(programmeId, until, partnerId)}) i order by i.dated_on, i.id`.execute(db);
  return result.rows;
}
