/**
 * The statements behind the plans' formulas of the results dashboard: a few grouped queries per formula over the
 * programme's endorsed plans, whatever the number of partners and semesters. The semesters travel as one JSON
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

/** The semesters as a table `semesters (number, ends_on)`, read once per statement (materialized, not parsed per row). */
function semestersTable(semesters: readonly SemesterEnd[]): RawBuilder<unknown> {
  const json = JSON.stringify(semesters.map((semester) => ({ number: semester.number, ends_on: semester.endsOn })));
  return sql`semesters as materialized (select * from jsonb_to_recordset(${json}::jsonb) as s (number int, ends_on date))`;
}

/** The first semester whose last day is on or after `date`: where a dated record starts to count (null: after the last one). */
function firstSemesterOf(date: RawBuilder<unknown>): RawBuilder<number | null> {
  return sql<number | null>`(select min(s.number) from semesters s where s.ends_on >= ${date})`;
}

/** Each plan of the programme counted once, in the semester of its first endorsement. */
export async function endorsedPlanIncrements(db: Executor, programmeId: number, semesters: readonly SemesterEnd[]): Promise<IncrementRow[]> {
  const { rows } = await sql<IncrementRow>`
    with ${semestersTable(semesters)}
    select f.partner_id, f.semester, count(*)::int as value
    from (
      select p.partner_id, ${firstSemesterOf(sql`min(v.endorsed_on)`)} as semester
      from plans p join plan_versions v on v.plan_id = p.id and v.status = 'endorsed'
      where p.programme_id = ${programmeId}
      group by p.id, p.partner_id
    ) f
    where f.semester is not null
    group by f.partner_id, f.semester
  `.execute(db);
  return rows;
}

export interface EndorsedPlanRow {
  plan_id: number;
  partner_id: number;
  endorsed_on: string;
  instrument: string | null;
}

/** The plans first endorsed on or before `endsOn`, with the date and the first policy instrument their version names. */
export async function endorsedPlans(db: Executor, programmeId: number, endsOn: string, partnerId: number | null): Promise<EndorsedPlanRow[]> {
  const { rows } = await sql<EndorsedPlanRow>`
    select distinct on (p.id) p.id as plan_id, p.partner_id, to_char(v.endorsed_on, 'YYYY-MM-DD') as endorsed_on,
      v.content -> 'instruments' -> 0 ->> 'name' as instrument
    from plans p join plan_versions v on v.plan_id = p.id and v.status = 'endorsed'
    where p.programme_id = ${programmeId} and v.endorsed_on <= ${endsOn}::date
      ${partnerId === null ? sql`` : sql`and p.partner_id = ${partnerId}`}
    order by p.id, v.number
  `.execute(db);
  return rows;
}

/**
 * Every endorsed action as at the end of every semester (or of `only`): the actions of the plan's latest version
 * endorsed by that day, each with its latest current report of that semester or an earlier one — found by carrying
 * each report forward to every semester until the action's next report (lead), then one equality join, so no
 * per-semester lookup runs. The weight is the
 * action's cost; an action without one weighs the median cost of its version's costed actions, and every action of a
 * version without any cost weighs 1.
 */
function actionStates(programmeId: number, semesters: readonly SemesterEnd[], partnerId: number | null): RawBuilder<unknown> {
  const plansInScope = sql`p.programme_id = ${programmeId} ${partnerId === null ? sql`` : sql`and p.partner_id = ${partnerId}`}`;
  // Actions and reports are read for the scope's plans by id (an index scan of a handful of plans): through in_use
  // alone, whose size the planner cannot guess, it reads every plan's reports (100 ms at 1,700 plans, issue #13).
  const scopePlanIds = sql`(select p.id from plans p where ${plansInScope})`;
  return sql`
    ${semestersTable(semesters)},
    in_use as (
      select s.number as semester, p.id as plan_id, p.partner_id, max(v.number) as version_number
      from plans p
      join plan_versions v on v.plan_id = p.id and v.status = 'endorsed'
      join semesters s on v.endorsed_on <= s.ends_on
      where ${plansInScope}
      group by s.number, p.id, p.partner_id
    ),
    medians as (
      select a.plan_id, a.version_number,
        percentile_cont(0.5) within group (order by a.costs_eur) filter (where a.costs_eur > 0) as median
      from plan_endorsed_actions a
      where a.plan_id in ${scopePlanIds} and (a.plan_id, a.version_number) in (select plan_id, version_number from in_use)
      group by a.plan_id, a.version_number
    ),
    reports as (
      select r.plan_id, r.action_key, r.semester, r.status, r.percent_complete,
        lead(r.semester) over (partition by r.plan_id, r.action_key order by r.semester) as next_semester
      from progress_reports r
      where r.current and r.plan_id in ${scopePlanIds}
    ),
    carried as (
      select r.plan_id, r.action_key, s.number as semester, r.semester as report_semester, r.status, r.percent_complete
      from reports r join semesters s on s.number >= r.semester and (r.next_semester is null or s.number < r.next_semester)
    ),
    states as (
      select u.semester, u.plan_id, u.partner_id, a.action_key, a.title, a.position, r.report_semester,
        r.status, coalesce(r.percent_complete, 0)::float8 as percent,
        coalesce(case when a.costs_eur > 0 then a.costs_eur::float8 end, m.median, 1)::float8 as weight,
        (r.status = 'completed' or r.percent_complete = 100) is true as completed,
        (r.status is not null and r.status not in ('cancelled', 'completed') and r.percent_complete < 100
          and (r.status in ('on_track', 'delayed') or r.percent_complete > 0)) as in_progress,
        r.status is distinct from 'cancelled' as counted
      from in_use u
      join plan_endorsed_actions a on a.plan_id = u.plan_id and a.version_number = u.version_number
      join medians m on m.plan_id = a.plan_id and m.version_number = a.version_number
      left join carried r on r.plan_id = a.plan_id and r.action_key = a.action_key and r.semester = u.semester
    )`;
}

export interface ActionFiguresRow {
  partner_id: number | null;
  semester: number;
  weighted: number;
  weight: number;
  completed: number;
  in_progress: number;
}

/**
 * The action figures of every partner (and, partner null, of the programme) as at the end of every semester:
 * Σ percent × weight and Σ weight over the actions not cancelled, and the completed and in-progress counts.
 */
export async function actionFigures(db: Executor, programmeId: number, semesters: readonly SemesterEnd[]): Promise<ActionFiguresRow[]> {
  const { rows } = await sql<ActionFiguresRow>`
    with ${actionStates(programmeId, semesters, null)}
    select partner_id, semester,
      coalesce(sum(percent * weight) filter (where counted), 0)::float8 as weighted,
      coalesce(sum(weight) filter (where counted), 0)::float8 as weight,
      (count(*) filter (where completed))::int as completed,
      (count(*) filter (where in_progress))::int as in_progress
    from states
    group by grouping sets ((partner_id, semester), (semester))
  `.execute(db);
  return rows;
}

export interface ActionStateRow {
  plan_id: number;
  partner_id: number;
  action_key: string;
  title: string;
  report_semester: number | null;
  status: string | null;
  percent: number;
  weight: number;
  completed: boolean;
  in_progress: boolean;
  counted: boolean;
}

/** Every endorsed action as at the end of one semester, for one partner or the programme, in plan order. */
export async function actionStatesAt(db: Executor, programmeId: number, semester: SemesterEnd, partnerId: number | null): Promise<ActionStateRow[]> {
  const { rows } = await sql<ActionStateRow>`
    with ${actionStates(programmeId, [semester], partnerId)}
    select plan_id, partner_id, action_key, title, report_semester, status, percent, weight, completed, in_progress, counted
    from states
    order by plan_id, position
  `.execute(db);
  return rows;
}

/**
 * The current reports recording an improved policy instrument with evidence, of plans endorsed by the programme's
 * last day; one plan improves one policy instrument, so each plan counts once, from its first such report.
 */
function improvements(programmeId: number, lastSemester: number, partnerId: number | null): RawBuilder<unknown> {
  return sql`
    improvements as (
      select r.id, r.plan_id, p.partner_id, r.action_key, r.semester, r.improvement_type
      from progress_reports r
      join plans p on p.id = r.plan_id
      where p.programme_id = ${programmeId} and r.current and r.instrument_improved and r.semester <= ${lastSemester}
        ${partnerId === null ? sql`` : sql`and p.partner_id = ${partnerId}`}
        and exists (select 1 from plan_versions v where v.plan_id = p.id and v.status = 'endorsed')
        and exists (select 1 from progress_report_evidence e where e.report_id = r.id)
    )`;
}

export async function improvementIncrements(db: Executor, programmeId: number, lastSemester: number): Promise<IncrementRow[]> {
  const { rows } = await sql<IncrementRow>`
    with ${improvements(programmeId, lastSemester, null)}
    select partner_id, semester, count(*)::int as value
    from (select plan_id, partner_id, min(semester) as semester from improvements group by plan_id, partner_id) f
    group by partner_id, semester
  `.execute(db);
  return rows;
}

export interface ImprovementRow {
  id: number;
  plan_id: number;
  partner_id: number;
  semester: number;
  improvement_type: string;
  title: string | null;
}

/** The reports behind the improvements up to one semester, with their action's title in the plan's latest endorsed version. */
export async function improvementReports(db: Executor, programmeId: number, semester: number, partnerId: number | null): Promise<ImprovementRow[]> {
  const { rows } = await sql<ImprovementRow>`
    with ${improvements(programmeId, semester, partnerId)}
    select i.id, i.plan_id, i.partner_id, i.semester, i.improvement_type,
      (select a.title from plan_endorsed_actions a where a.plan_id = i.plan_id and a.action_key = i.action_key
        order by a.version_number desc limit 1) as title
    from improvements i
    order by i.plan_id, i.semester, i.id
  `.execute(db);
  return rows;
}
