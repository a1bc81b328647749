/** Row type of the managed list of themes shared by practices, learning needs and later modules. */
import type { ColumnType } from 'kysely';
import type { CreatedAt } from '../../core/db/column-types.js';

export interface ThemesTable {
  code: string;
  /** The theme's name per interface language; English is required. */
  names: ColumnType<Record<string, string>, string, string>;
  position: ColumnType<number, number | undefined, number>;
  retired: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface ThemeTables {
  themes: ThemesTable;
}
