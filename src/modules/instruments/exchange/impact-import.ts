/**
 * Importing an instrument's impact measurements from a CSV or JSON file, one period per row, whole or not at all:
 * each row is checked with the measurement form's rules, and no period may overlap another of the file or one
 * already recorded (checked again with the instrument locked, so two imports at once cannot both add a period).
 */
import { recordAuditMany } from '../../../core/audit/audit.js';
import type { Db, Executor } from '../../../core/db/database.js';
import { checkFile, isClean, type RowCheck, type RowProblem } from '../../../core/exchange/check.js';
import { cellText, readRows, type ImportFormat, type SourceRow } from '../../../core/exchange/records.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { fieldErrors } from '../../../core/validation/forms.js';
import { reportOf, rowShapeMessages, type ImportReport } from './import.js';
import * as queries from '../catalogue/queries.js';
import { impactSchema, type ImpactInput } from '../schema.js';

export const impactImportMaxRows = 1000;

/** Column of the file → field of the measurement form, in the order the README and the page list them. */
const fieldOfColumn = {
  period_start: 'periodStart',
  period_end: 'periodEnd',
  users: 'users',
  transactions: 'transactions',
  processing_minutes_digital: 'processingMinutesDigital',
  processing_minutes_former: 'processingMinutesFormer',
  cost_digital_eur: 'costDigitalEur',
  cost_former_eur: 'costFormerEur',
  satisfaction_percent: 'satisfactionPercent',
  digital_share_percent: 'digitalSharePercent',
} as const;

export const impactColumns = Object.keys(fieldOfColumn) as (keyof typeof fieldOfColumn)[];
export const requiredImpactColumns = ['period_start', 'period_end'] as const;
const columnOfField = new Map<string, string>(Object.entries(fieldOfColumn).map(([column, field]) => [field, column]));

function checkRow(row: SourceRow): RowCheck<ImpactInput> {
  const form = Object.fromEntries(impactColumns.map((column) => [fieldOfColumn[column], cellText(row.record[column])]));
  const parsed = impactSchema.safeParse(form);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = fieldErrors(parsed.error).map((error) => ({
    position: row.position,
    column: columnOfField.get(error.field) ?? error.field,
    key: error.key,
    ...(error.values ? { values: error.values } : {}),
  }));
  const order = (column: string) => impactColumns.indexOf(column as (typeof impactColumns)[number]);
  return { ok: false, problems: problems.sort((a, b) => order(a.column) - order(b.column)) };
}

/** Rows whose period overlaps an earlier-starting row of the same file, each named once with the line it overlaps. */
function overlapsInFile(rows: { position: number; value: ImpactInput }[]): RowProblem[] {
  const sorted = [...rows].sort((a, b) => a.value.periodStart.localeCompare(b.value.periodStart) || a.position - b.position);
  const problems: RowProblem[] = [];
  let latest: (typeof rows)[number] | undefined;
  for (const row of sorted) {
    if (latest && row.value.periodStart <= latest.value.periodEnd) {
      problems.push({ position: row.position, column: 'period_start', key: 'instrumentData.rowErrors.overlapInFile', values: { line: latest.position } });
    }
    if (!latest || row.value.periodEnd > latest.value.periodEnd) latest = row;
  }
  return problems;
}

/** Rows whose period overlaps one already recorded for the instrument. */
async function overlapsRecorded(db: Executor, instrumentId: number, rows: { position: number; value: ImpactInput }[]): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  for (const { position, value } of rows) {
    const overlap = await queries.overlappingPeriod(db, instrumentId, value.periodStart, value.periodEnd);
    if (overlap)
      problems.push({
        position,
        column: 'period_start',
        key: 'instrumentData.rowErrors.overlapExisting',
        values: { start: overlap.period_start, end: overlap.period_end },
      });
  }
  return problems;
}

const mayWrite = (actor: Actor, instrument: { programme_id: number; partner_id: number }) =>
  can(actor, 'instrument.write', { programmeId: instrument.programme_id, partnerIds: [instrument.partner_id] });

export async function importImpact(
  db: Db,
  actor: Actor,
  instrumentId: number,
  file: { path: string; format: ImportFormat },
): Promise<Outcome<ImportReport, 'not_found' | 'forbidden'>> {
  // Asked before the instrument's recorded periods are read for the report, and again on the locked row before writing.
  const instrument = await queries.findInstrument(db, instrumentId);
  if (!instrument) return refuse('not_found');
  if (!mayWrite(actor, instrument)) return refuse('forbidden');
  const check = await checkFile(readRows(file.path, file.format, impactColumns, requiredImpactColumns), checkRow, {
    format: file.format,
    columns: impactColumns,
    maxRows: impactImportMaxRows,
    messages: rowShapeMessages,
  });
  // Overlaps are looked for among the rows that are valid so far, in the same round as every other problem.
  const overlaps = [...overlapsInFile(check.accepted), ...(await overlapsRecorded(db, instrumentId, check.accepted))];
  if (!isClean(check) || overlaps.length) return done(reportOf(check, 0, overlaps));
  return db.transaction().execute(async (trx) => {
    const locked = await queries.lockInstrument(trx, instrumentId);
    if (!locked) return refuse('not_found');
    if (!mayWrite(actor, locked)) return refuse('forbidden');
    // Checked again under the lock: another import may have added a period since.
    const recorded = await overlapsRecorded(trx, instrumentId, check.accepted);
    if (recorded.length) return done(reportOf(check, 0, recorded));
    for (const { value } of check.accepted) await queries.insertImpact(trx, instrumentId, value);
    await recordAuditMany(
      trx,
      actor,
      check.accepted.map(({ value }) => ({
        action: 'instrument.import_impact',
        entityType: 'instrument',
        entityId: instrumentId,
        programmeId: locked.programme_id,
        after: { ...value },
      })),
    );
    return done(reportOf(check, check.accepted.length));
  });
}
