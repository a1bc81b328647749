/** Column helper types shared by every module's tables.ts. */
import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column filled by a default: read as Date, optional on insert. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamptz column: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A date column, read and written as 'YYYY-MM-DD' (the drivers are told not to turn it into a Date). */
export type IsoDate = string;
export type Id = Generated<number>;
/** A jsonb column holding a JSON object. */
export type JsonObject = ColumnType<Record<string, unknown>, string | Record<string, unknown>, string | Record<string, unknown>>;
