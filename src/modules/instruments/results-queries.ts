/**
 * The statements behind the instruments' formulas of the results dashboard: one grouped query per formula over the
 * programme's published instruments, whatever the number of partners and semesters. The semesters travel as one JSON
 * parameter (number and last day of each), so every statement runs the same on PostgreSQL and PGlite.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../core/db/database.js';

export interface SemesterEnd {
  number: number;
  endsOn: string;
}

/** A figure's increase for one partner in one semester; the caller adds them up semester by semester. */
export interface IncrementRow {
  partner_id: number;
  semester: number;
  value: number;
}

/** A dated figure of instruments: the stage reached (first day of it), or an impact figure (last day of its period). */
export type InstrumentFigure = 'developed' | 'scaled' | 'users' | 'transactions' | 'hours' | 'eur';

/**
 * One row per dated record of the figure: the instrument, its owner, the date that places it in a semester and what it
 * adds. An instrument counts as developed from the first day it reached pilot, live or scaled, and stays developed
 * (figures.ts, isDeveloped); as adopted elsewhere from the first day it was scaled. Savings follow
 * docs/instruments-figures.md: transactions × (former − digital), a period missing a figure adds nothing.
 */
function dated(programmeId: number, figure: InstrumentFigure, partnerId: number | null): RawBuilder<unknown> {
  const owner = partnerId === null ? sql`` : sql`and i.partner_id = ${partnerId}`;
  if (figure === 'developed' || figure === 'scaled') {
    const reached = figure === 'developed' ? sql`('pilot', 'live', 'scaled')` : sql`('scaled')`;
    return sql`
      dated as (
        select i.id, i.partner_id, i.name, min(t.occurred_on) as dated_on, 1::float8 as value
        from instruments i join instrument_stages t on t.instrument_id = i.id and t.stage in ${reached}
        where i.programme_id = ${programmeId} and i.published ${owner}
        group by i.id, i.partner_id, i.name
      )`;
  }
  // Computed in float8 (fast) from the figures a period needs, all known; amounts have two decimals, well within its precision.
  const [value, known] = {
    users: [sql`m.users::float8`, sql`m.users is not null`],
    transactions: [sql`m.transactions::float8`, sql`m.transactions is not null`],
    hours: [
      sql`m.transactions * (m.processing_minutes_former::float8 - m.processing_minutes_digital::float8) / 60`,
      sql`m.transactions is not null and m.processing_minutes_former is not null and m.processing_minutes_digital is not null`,
    ],
    eur: [
      sql`m.transactions * (m.cost_former_eur::float8 - m.cost_digital_eur::float8)`,
      sql`m.transactions is not null and m.cost_former_eur is not null and m.cost_digital_eur is not null`,
    ],
  }[figure];
  return sql`
    dated as (
      select m.id, i.partner_id, i.name, m.instrument_id, m.period_start, m.period_end as dated_on, ${value} as value
      from instruments i join instrument_impact m on m.instrument_id = i.id
      where i.programme_id = ${programmeId} and i.published ${owner} and ${known}
    )`;
}

/** The semesters as a table `semesters (number, ends_on)`, read once per statement (materialized, not parsed per row). */
function semestersTable(semesters: readonly SemesterEnd[]): RawBuilder<unknown> {
  const json = JSON.stringify(semesters.map((semester) => ({ number: semester.number, ends_on: semester.endsOn })));
  return sql`semesters as materialized (select * from jsonb_to_recordset(${json}::jsonb) as s (number int, ends_on date))`;
}

/**
 * Each record's value added in the first semester whose last day is on or after its date, by partner; later records are
 * dropped. Records are summed by owner and date first, so the semester is looked up once per date, not per record.
 */
export async function figureIncrements(
  db: Executor,
  programmeId: number,
  figure: InstrumentFigure,
  semesters: readonly SemesterEnd[],
): Promise<IncrementRow[]> {
  const { rows } = await sql<IncrementRow>`
    with ${semestersTable(semesters)}, ${dated(programmeId, figure, null)},
    by_day as (select d.partner_id, d.dated_on, sum(d.value) as value from dated d group by d.partner_id, d.dated_on),
    placed as (
      select d.partner_id, d.value, (select min(s.number) from semesters s where s.ends_on >= d.dated_on) as semester
      from by_day d
    )
    select partner_id, semester, sum(value)::float8 as value
    from placed
    where semester is not null
    group by partner_id, semester
  `.execute(db);
  return rows;
}

export interface DatedRow {
  id: number;
  instrument_id: number;
  partner_id: number;
  name: string;
  dated_on: string;
  period_start: string | null;
  value: number;
}

/** The records of the figure dated on or before `endsOn`, for one partner or the programme. */
export async function datedRecords(db: Executor, programmeId: number, figure: InstrumentFigure, endsOn: string, partnerId: number | null): Promise<DatedRow[]> {
  const stage = figure === 'developed' || figure === 'scaled';
  const { rows } = await sql<DatedRow>`
    with ${dated(programmeId, figure, partnerId)}
    select d.id, ${stage ? sql`d.id` : sql`d.instrument_id`} as instrument_id, d.partner_id, d.name,
      to_char(d.dated_on, 'YYYY-MM-DD') as dated_on,
      ${stage ? sql`null::text` : sql`to_char(d.period_start, 'YYYY-MM-DD')`} as period_start, d.value
    from dated d
    where d.dated_on <= ${endsOn}::date
    order by d.partner_id, d.dated_on, d.id
  `.execute(db);
  return rows;
}
