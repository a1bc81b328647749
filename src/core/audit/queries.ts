/**
 * The audit log's statements: entries written inside the transaction of the change they record, erasure of a person,
 * and reading for the admin viewer's filtered pages and a person's own activity for their data export.
 */
import { sql, type Insertable } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import { camelCased } from '../db/rows.js';
import type { AuditEventsTable } from './tables.js';

export interface AuditFilter {
  entityType: string | null;
  entityId: string | null;
  actorUserId: number | null;
  action: string | null;
  /** Inclusive dates, 'YYYY-MM-DD', in UTC. */
  from: string | null;
  to: string | null;
}

export interface AuditEvent {
  id: number;
  occurredAt: Date;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  programmeId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

function filtered(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_events');
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorUserId !== null) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('occurred_at', '>=', sql<Date>`${filter.from}::date`);
  if (filter.to) query = query.where('occurred_at', '<', sql<Date>`${filter.to}::date + 1`);
  return query;
}

/**
 * Newest first, paged by keyset on (occurred_at, id) so deep pages stay as fast as the first. The cursor is the id
 * of the last entry shown; its time is compared in SQL, because a JS Date would drop the microseconds.
 */
export async function listAuditEvents(db: Db, filter: AuditFilter, limit: number, afterId: number | null): Promise<AuditEvent[]> {
  let query = filtered(db, filter).select([
    'id',
    'occurred_at',
    'actor_user_id',
    'actor_label',
    'action',
    'entity_type',
    'entity_id',
    'programme_id',
    'before',
    'after',
    'request_id',
  ]);
  if (afterId !== null)
    query = query.where(sql<boolean>`(occurred_at, id) < (select cursor.occurred_at, cursor.id from audit_events as cursor where cursor.id = ${afterId})`);
  const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(camelCased);
}

export function listAuditEventsByActor(db: Db, userId: number) {
  return db
    .selectFrom('audit_events')
    .select(['occurred_at', 'action', 'entity_type', 'entity_id'])
    .where('actor_user_id', '=', userId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

/** Any number of entries in one statement (at least one: an empty insert is not SQL). */
export async function insertAuditEvents(trx: Tx, rows: Insertable<AuditEventsTable>[]): Promise<void> {
  await trx.insertInto('audit_events').values(rows).execute();
}

/** The entries a person made keep their account id but are shown under `label` instead of their name. */
export async function relabelAuditEventsBy(trx: Tx, userId: number, label: string): Promise<void> {
  await trx.updateTable('audit_events').set({ actor_label: label }).where('actor_user_id', '=', userId).execute();
}

/** The entries about one record lose the given keys from their values before and after. */
export async function removeKeysFromAuditEventsAbout(trx: Tx, entityType: string, entityId: string, keys: string[]): Promise<void> {
  const keyArray = sql`${keys}::text[]`;
  await trx
    .updateTable('audit_events')
    .set({ before: sql`before - ${keyArray}`, after: sql`after - ${keyArray}` })
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .execute();
}
