/** Reading the audit log: filtered, newest first, in pages that follow a stable cursor. */
import { listAuditEvents, type AuditEvent } from '../../core/audit/queries.js';
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import type { AuditQuery } from './schema.js';

export const auditPageSize = 50;

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields an entry changed, in a stable order; for a creation every field is new, for a deletion every field goes. */
export function changesOf(event: Pick<AuditEvent, 'before' | 'after'>): FieldChange[] {
  const fields = [...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])];
  return fields
    .map((field) => ({ field, before: event.before?.[field], after: event.after?.[field] }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
}

export async function readAuditLog(db: Db, actor: Actor, query: AuditQuery): Promise<{ events: AuditEvent[]; nextCursor: number | null } | undefined> {
  if (!can(actor, 'audit.read')) return undefined;
  const filter = { entityType: query.entityType, entityId: query.entityId, actorUserId: query.actor, action: query.action, from: query.from, to: query.to };
  // One row more than a page tells whether there is a next page without counting the whole log.
  const events = await listAuditEvents(db, filter, auditPageSize + 1, query.after);
  const page = events.slice(0, auditPageSize);
  return { events: page, nextCursor: events.length > auditPageSize ? (page.at(-1)?.id ?? null) : null };
}
