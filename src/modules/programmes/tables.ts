/** Row types of the programmes module's tables. */
import type { ColumnType } from 'kysely';
import type { CreatedAt, Id, IsoDate } from '../../core/db/column-types.js';
import type { Locale } from '../../core/i18n/locales.js';

export interface ProgrammesTable {
  id: Id;
  slug: string;
  acronym: string;
  title: string;
  summary: string;
  /** The language the title, summary and the phases' texts are written in (default English). */
  text_language: ColumnType<Locale, Locale | undefined, Locale>;
  starts_on: IsoDate;
  ends_on: IsoDate;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ProgrammePhasesTable {
  id: Id;
  programme_id: number;
  number: number;
  name: string;
  description: string;
  starts_on: IsoDate;
  ends_on: IsoDate;
}

export interface ProgrammeTables {
  programmes: ProgrammesTable;
  programme_phases: ProgrammePhasesTable;
}
