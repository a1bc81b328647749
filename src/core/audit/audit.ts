/**
 * Records who changed what, when, with the values before and after. Called by every write use case inside its
 * transaction, so an audit entry exists exactly when the change committed.
 */
import type { Tx } from '../db/database.js';
import type { Actor } from '../policy/actor.js';
import { insertAuditEvents, relabelAuditEventsBy, removeKeysFromAuditEventsAbout } from './queries.js';

export interface AuditEntry {
  /** The policy action performed, e.g. 'partner.update'. */
  action: string;
  entityType: string;
  entityId: number | string;
  programmeId?: number | null;
  before?: object | null;
  after?: object | null;
}

/** Keys never copied into the log, whatever a caller passes. */
const secretKey = /password|token|secret|hash/i;

function withoutSecrets(values: object | null | undefined): Record<string, unknown> | null {
  if (!values) return null;
  return Object.fromEntries(
    Object.entries(values)
      .filter(([key]) => !secretKey.test(key))
      .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : (value as unknown)]),
  );
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous visitor';
    case 'system':
      return actor.label;
    case 'user':
      return actor.displayName;
  }
}

export async function recordAudit(trx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAuditMany(trx, actor, [entry]);
}

/**
 * GDPR erasure in the log: entries the person made keep the account id but lose their name, and entries about
 * them lose the personal fields (e.g. email, name) from the values before and after.
 */
export async function forgetPersonInAudit(
  trx: Tx,
  person: { userId: number; label: string; entityType: string; entityId: number | string; personalKeys: string[] },
): Promise<void> {
  await relabelAuditEventsBy(trx, person.userId, person.label);
  await removeKeysFromAuditEventsAbout(trx, person.entityType, String(person.entityId), person.personalKeys);
}

/** Many entries in one statement, for bulk operations (an import of thousands of records). */
export async function recordAuditMany(trx: Tx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await insertAuditEvents(
    trx,
    entries.map((entry) => {
      const before = withoutSecrets(entry.before);
      const after = withoutSecrets(entry.after);
      return {
        actor_user_id: actor.kind === 'user' ? actor.userId : null,
        actor_label: actorLabel(actor),
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: String(entry.entityId),
        programme_id: entry.programmeId ?? null,
        before: before ? JSON.stringify(before) : null,
        after: after ? JSON.stringify(after) : null,
        request_id: actor.requestId ?? null,
      };
    }),
  );
}
