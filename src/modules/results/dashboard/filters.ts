/**
 * The dashboard's filters, read from the query string of every results URL (/results, its charts, records and
 * exports) so each view has a stable address: `programme`, `partner` and `semester` ("as at the end of semester N").
 * As for the other statistics pages, a value that is not a whole number is ignored; a whole number that names no
 * partner of the programme or no semester of it is refused with a 400 that says which.
 */
import { HttpError } from '../../../core/http/errors.js';
import type { SemesterBounds } from '../formulas.js';

export interface RawFilters {
  programme: number | undefined;
  partner: number | undefined;
  semester: number | undefined;
}

const wholeNumber = (value: unknown): number | undefined => {
  const text: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof text === 'string' && /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : undefined;
};

export function rawFilters(query: unknown): RawFilters {
  const values = (query ?? {}) as Record<string, unknown>;
  return { programme: wholeNumber(values.programme), partner: wholeNumber(values.partner), semester: wholeNumber(values.semester) };
}

export interface Filters {
  /** Present when the URL named the programme, so links keep it. */
  programme: number | undefined;
  partnerId: number | null;
  semester: number;
}

/** A filter value that names nothing in the programme: the page says which and what to choose instead. */
export class FilterProblem extends HttpError {
  constructor(
    readonly field: 'partner' | 'semester',
    readonly lastSemester: number,
  ) {
    super('bad_request');
  }
}

/** The semester whose end the figures are as at by default: the one running today, or the last one once the programme ended. */
export function defaultSemester(semesters: readonly SemesterBounds[], today = new Date().toISOString().slice(0, 10)): number {
  const running = semesters.find((semester) => semester.startsOn <= today && today <= semester.endsOn);
  if (running) return running.number;
  const started = semesters.filter((semester) => semester.startsOn <= today);
  return (started.at(-1) ?? semesters[0])?.number ?? 1;
}

export function checkedFilters(raw: RawFilters, semesters: readonly SemesterBounds[], partnerIds: readonly number[], required = false): Filters {
  const lastSemester = semesters.at(-1)?.number ?? 1;
  if (raw.semester !== undefined && !semesters.some((semester) => semester.number === raw.semester)) throw new FilterProblem('semester', lastSemester);
  if (required && raw.semester === undefined) throw new FilterProblem('semester', lastSemester);
  if (raw.partner !== undefined && !partnerIds.includes(raw.partner)) throw new FilterProblem('partner', lastSemester);
  return { programme: raw.programme, partnerId: raw.partner ?? null, semester: raw.semester ?? defaultSemester(semesters) };
}

/** The query string of a results URL with these filters (and any change), in a fixed order so URLs stay stable. */
export function queryOf(filters: { programme?: number | undefined; partnerId?: number | null; semester?: number | undefined }): string {
  const parts: string[] = [];
  if (filters.programme !== undefined) parts.push(`programme=${filters.programme}`);
  if (filters.partnerId !== undefined && filters.partnerId !== null) parts.push(`partner=${filters.partnerId}`);
  if (filters.semester !== undefined) parts.push(`semester=${filters.semester}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
