/** Reading the audit log: the admin viewer's filtered pages and a person's own activity for their data export. */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

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

/** Newest first, paged by keyset on (occurred_at, id) so deep pages stay as fast as the first. */
export async function listAuditEvents(db: Db, filter: AuditFilter, limit: number, before: { occurredAt: Date; id: number } | null): Promise<AuditEvent[]> {
  let query = filtered(db, filter).select(['id', 'occurred_at', 'actor_user_id', 'actor_label', 'action', 'entity_type', 'entity_id', 'programme_id', 'before', 'after', 'request_id']);
  if (before) query = query.where((eb) => eb.or([eb('occurred_at', '<', before.occurredAt), eb.and([eb('occurred_at', '=', before.occurredAt), eb('id', '<', before.id)])]));
  const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    programmeId: row.programme_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  }));
}

export async function findAuditEvent(db: Db, id: number): Promise<{ occurredAt: Date; id: number } | undefined> {
  const row = await db.selectFrom('audit_events').select(['id', 'occurred_at']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, occurredAt: row.occurred_at };
}

export function listAuditEventsByActor(db: Db, userId: number) {
  return db.selectFrom('audit_events').select(['occurred_at', 'action', 'entity_type', 'entity_id']).where('actor_user_id', '=', userId).orderBy('occurred_at').orderBy('id').execute();
}
