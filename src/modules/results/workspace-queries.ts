/** SQL for My work (/me): indicator values and maturity rounds waiting for one person, in one statement. */
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { LocalisedText } from './tables.js';

/** `column in (ids)`, or false for no ids (an empty `in ()` is not SQL). */
function among(column: string, ids: readonly number[]) {
  return ids.length === 0 ? sql`false` : sql`${sql.ref(column)} in (${sql.join(ids)})`;
}

export interface ResultWaitingRow {
  kind: 'validate' | 'returned' | 'round';
  id: number;
  programme_id: number;
  partner_id: number;
  partner_name: string;
  names: LocalisedText | null;
  label: string | null;
  semester: number | null;
}

/**
 * Values submitted in the coordinator's programmes (to validate), values of the editor's partners returned to them,
 * and the editor's partners' maturity rounds not submitted yet.
 */
export async function resultsWaiting(db: Executor, validateProgrammes: readonly number[], editedPartners: readonly number[]) {
  const result = await sql<ResultWaitingRow>`
    select case when r.status = 'submitted' then 'validate' else 'returned' end as kind, r.id, i.programme_id, r.partner_id,
      pa.name as partner_name, i.names, null as label, r.semester
    from indicator_reports r join indicators i on i.id = r.indicator_id join partners pa on pa.id = r.partner_id
    where r.current and (
      (r.status = 'submitted' and ${among('i.programme_id', validateProgrammes)})
      or (r.status = 'returned' and ${among('r.partner_id', editedPartners)}))
    union all
    select 'round', m.id, m.programme_id, m.partner_id, pa.name, null, m.label, null
    from maturity_rounds m join partners pa on pa.id = m.partner_id
    where m.status = 'draft' and ${among('m.partner_id', editedPartners)}
    order by 1, 2
    limit 100
  `.execute(db);
  return result.rows;
}
