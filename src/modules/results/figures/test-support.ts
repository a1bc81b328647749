/**
 * Test builders of results' figures: indicators and reports written straight into results' tables (the indicators
 * work owns the forms that write them), and small formulas over a list of records held in memory.
 */
import type { Db } from '../../../core/db/database.js';
import type { Formula, Recount, TraceRecord } from '../formulas.js';
import type { IndicatorReportStatus, IndicatorsTable } from '../tables.js';
import type { Insertable } from 'kysely';

let codes = 0;

export async function anIndicator(db: Db, programmeId: number, overrides: Partial<Insertable<IndicatorsTable>> = {}): Promise<number> {
  codes += 1;
  const method = overrides.method ?? 'reported';
  const row = await db
    .insertInto('indicators')
    .values({
      programme_id: programmeId,
      code: `T${codes}`,
      names: JSON.stringify({ en: `Test indicator ${codes}` }),
      definitions: JSON.stringify({ en: 'What it counts.' }),
      kind: 'output',
      unit: 'count',
      method,
      formula: method === 'computed' ? 'test.counted' : null,
      position: codes,
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function aTarget(db: Db, indicatorId: number, partnerId: number, target: number): Promise<void> {
  await db.insertInto('indicator_targets').values({ indicator_id: indicatorId, partner_id: partnerId, target }).execute();
}

export interface ReportSpec {
  indicatorId: number;
  partnerId: number;
  semester: number;
  value: number;
  status?: IndicatorReportStatus;
  current?: boolean;
  explanation?: string;
  evidence?: number;
}

export async function aReport(db: Db, spec: ReportSpec): Promise<number> {
  const row = await db
    .insertInto('indicator_reports')
    .values({
      indicator_id: spec.indicatorId,
      partner_id: spec.partnerId,
      semester: spec.semester,
      value: spec.value,
      explanation: spec.explanation ?? `Reported for semester ${spec.semester}`,
      status: spec.status ?? 'validated',
      current: spec.current ?? true,
      reported_by_label: 'Test editor',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let position = 0; position < (spec.evidence ?? 0); position += 1)
    await db
      .insertInto('indicator_report_evidence')
      .values({ report_id: row.id, position, url: `https://evidence.example/${row.id}/${position}` })
      .execute();
  return row.id;
}

export interface MemoryRecord {
  id: number;
  partnerId: number;
  date: string;
  value?: number;
  label?: string;
}

/**
 * A formula over records held in memory: the figure as at a semester's end adds (or counts distinct) the records dated
 * up to that day, per partner and for the programme, exactly as a module's formula does in SQL.
 */
export function memoryFormula(key: string, records: readonly MemoryRecord[], recountRule: Recount = 'sum'): Formula {
  const traceOf = (record: MemoryRecord): TraceRecord => ({
    kindKey: 'results.records.record',
    id: record.id,
    label: record.label ?? `Record ${record.id}`,
    href: `/test-records/${record.id}`,
    partnerId: record.partnerId,
    date: record.date,
    value: record.value ?? 1,
  });
  return {
    key,
    nameKey: `test.${key}.name`,
    descriptionKey: `test.${key}.description`,
    unit: 'count',
    recount: recountRule,
    async series({ semesters }) {
      const partners = [...new Set(records.map((record) => record.partnerId))];
      return semesters.flatMap(({ number, endsOn }) => {
        const upTo = records.filter((record) => record.date <= endsOn);
        const sum = (list: MemoryRecord[]) => list.reduce((total, record) => total + (record.value ?? 1), 0);
        return [
          { partnerId: null, semester: number, value: sum(upTo) },
          ...partners.map((partnerId) => ({ partnerId, semester: number, value: sum(upTo.filter((record) => record.partnerId === partnerId)) })),
        ];
      });
    },
    async records({ semesters }, scope) {
      const endsOn = semesters.find((semester) => semester.number === scope.semester)?.endsOn ?? '';
      return records.filter((record) => record.date <= endsOn && (scope.partnerId === null || record.partnerId === scope.partnerId)).map(traceOf);
    },
  };
}
