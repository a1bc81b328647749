/**
 * The formulas events offer the results module (docs/formulas/learn.md): policy-learning events held, attendances,
 * attendances of decision makers, people whose professional capacity increased, and organisations cooperating across
 * borders (RCO87). Figures are as at the end of each semester, cumulative, from the per-event summaries the triggers
 * keep; the records are the events (never a person), and for organisations the organisation's name.
 */
import { listOrganisations } from '../partners/service.js';
import type { Formula, FormulaContext, FormulaPoint, TraceRecord } from '../results/service.js';
import * as queries from './results-queries.js';

type Semesters = FormulaContext['semesters'];

/** The index of the first semester a record dated `date` counts in (earlier records count from the first); -1 after the last. */
export function semesterIndexOf(semesters: Semesters, date: string): number {
  return semesters.findIndex((semester) => date <= semester.endsOn);
}

function lastDay(semesters: Semesters): string | null {
  return semesters.at(-1)?.endsOn ?? null;
}

function endOf(context: FormulaContext, semester: number): string | null {
  return context.semesters.find((bounds) => bounds.number === semester)?.endsOn ?? null;
}

/** Cumulative sums per partner and for the programme (the partners' sum), every semester, zeros included. */
function cumulativeSums(semesters: Semesters, partnerIds: readonly number[], rows: { partnerId: number; date: string; value: number }[]): FormulaPoint[] {
  const added = new Map<number | null, number[]>([[null, semesters.map(() => 0)], ...partnerIds.map((id): [number, number[]] => [id, semesters.map(() => 0)])]);
  for (const row of rows) {
    const index = semesterIndexOf(semesters, row.date);
    if (index < 0) continue;
    for (const scope of [row.partnerId, null]) {
      const values = added.get(scope);
      if (values) values[index] = (values[index] ?? 0) + row.value;
    }
  }
  const points: FormulaPoint[] = [];
  for (const [partnerId, values] of added) {
    let total = 0;
    for (const [index, semester] of semesters.entries()) {
      total += values[index] ?? 0;
      points.push({ partnerId, semester: semester.number, value: total });
    }
  }
  return points;
}

type EventMeasure = 'events' | 'attended' | 'decision_makers' | 'capacity_increased';

/** A formula counting events held, or a column of their participation, by host partner. */
function eventFormula({ key, unit, measure, i18nKey }: { key: string; unit: Formula['unit']; measure: EventMeasure; i18nKey: string }): Formula {
  const valueOf = (event: queries.HeldEvent) => (measure === 'events' ? 1 : event[measure]);
  return {
    key,
    nameKey: `events.formulas.${i18nKey}.name`,
    descriptionKey: `events.formulas.${i18nKey}.description`,
    unit,
    recount: 'sum',
    async series(context) {
      const until = lastDay(context.semesters);
      const totals = until ? await queries.heldTotals(context.db, context.programmeId, until) : [];
      const rows = totals.map((row) => ({ partnerId: row.partner_id, date: row.ended_on, value: row[measure] }));
      return cumulativeSums(context.semesters, context.partnerIds, rows);
    },
    async records(context, scope) {
      const until = endOf(context, scope.semester);
      if (!until) return [];
      const events = await queries.heldEvents(context.db, context.programmeId, until, scope.partnerId);
      return events
        .filter((event) => valueOf(event) > 0)
        .map((event): TraceRecord => ({
          kindKey: 'events.formulas.records.event',
          id: event.id,
          label: event.title,
          href: `/events/${event.id}`,
          partnerId: event.partner_id,
          date: event.ended_on,
          value: valueOf(event),
        }));
    },
  };
}

export const eventsHeld = eventFormula({ key: 'events.held', unit: 'events', measure: 'events', i18nKey: 'held' });
export const eventParticipants = eventFormula({ key: 'events.participants', unit: 'people', measure: 'attended', i18nKey: 'participants' });
export const eventDecisionMakers = eventFormula({ key: 'events.decision_makers', unit: 'people', measure: 'decision_makers', i18nKey: 'decision_makers' });
export const peopleWithCapacity = eventFormula({ key: 'events.people_capacity', unit: 'people', measure: 'capacity_increased', i18nKey: 'people_capacity' });

/**
 * RCO87: organisations that attended an event hosted by a partner other than the partner region their people came
 * from. A partner's figure counts the organisations at its events; the programme's counts each organisation once.
 */
export const organisationsAcrossBorders: Formula = {
  key: 'events.organisations_across_borders',
  nameKey: 'events.formulas.organisations_across_borders.name',
  descriptionKey: 'events.formulas.organisations_across_borders.description',
  unit: 'organisations',
  recount: 'distinct',
  async series(context) {
    const until = lastDay(context.semesters);
    const rows = until ? await queries.visitingOrganisations(context.db, context.programmeId, until, null) : [];
    // Each organisation is added once per partner at its first event there, and once to the programme at its first event.
    const firstInProgramme = new Map<string, string>();
    for (const row of rows) {
      const earlier = firstInProgramme.get(row.organisation_key);
      if (earlier === undefined || row.first_on < earlier) firstInProgramme.set(row.organisation_key, row.first_on);
    }
    const perPartner = cumulativeSums(
      context.semesters,
      context.partnerIds,
      rows.map((row) => ({ partnerId: row.partner_id, date: row.first_on, value: 1 })),
    ).filter((point) => point.partnerId !== null);
    const programme = cumulativeSums(
      context.semesters,
      [],
      [...firstInProgramme.values()].map((date) => ({ partnerId: -1, date, value: 1 })),
    ).filter((point) => point.partnerId === null);
    return [...programme, ...perPartner];
  },
  async records(context, scope) {
    const until = endOf(context, scope.semester);
    if (!until) return [];
    const rows = await queries.visitingOrganisations(context.db, context.programmeId, until, scope.partnerId);
    const typed = rows.filter((row) => row.organisation_key.startsWith('n'));
    const [organisations, names] = await Promise.all([
      rows.length > typed.length ? listOrganisations(context.db, context.programmeId) : [],
      queries.typedOrganisationNames(
        context.db,
        [...new Set(typed.map((row) => row.event_id))],
        typed.map((row) => row.organisation_key),
      ),
    ]);
    const labels = new Map<string, string>([
      ...organisations.map((organisation): [string, string] => [`o${organisation.id}`, organisation.name]),
      ...names.map((row): [string, string] => [row.organisation_key, row.name]),
    ]);
    return rows.map((row): TraceRecord => ({
      kindKey: 'events.formulas.records.organisation',
      id: `${row.organisation_key}@${row.partner_id}`,
      label: labels.get(row.organisation_key) ?? row.organisation_key.slice(1),
      href: `/events/${row.event_id}`,
      partnerId: row.partner_id,
      date: row.first_on,
      value: 1,
      distinctKey: row.organisation_key,
    }));
  },
};

export const eventFormulas: Formula[] = [eventsHeld, eventParticipants, eventDecisionMakers, peopleWithCapacity, organisationsAcrossBorders];
