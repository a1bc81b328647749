/** Row type of the audit log. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, JsonObject } from '../db/column-types.js';

export interface AuditEventsTable {
  /** bigint in the database; the drivers read it as a JS number, exact up to 2^53. */
  id: Generated<number>;
  occurred_at: CreatedAt;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  programme_id: number | null;
  before: JsonObject | null;
  after: JsonObject | null;
  request_id: ColumnType<string | null, string | null | undefined, never>;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
}
