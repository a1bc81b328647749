/** Rows come back from SQL with snake_case columns; domain records use camelCase. This maps one to the other once. */

/** `stage_since` → `stageSince`. */
type CamelCase<Name extends string> = Name extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : Name;

/** `stageSince` → `stage_since`. */
type SnakeCase<Name extends string> = Name extends `${infer Head}${infer Tail}`
  ? `${Head extends Uppercase<Head> ? (Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`) : Head}${SnakeCase<Tail>}`
  : Name;

/** A record's type with its fields named as the row's columns. */
export type SnakeCased<Record> = { [Field in keyof Record as Field extends string ? SnakeCase<Field> : Field]: Record[Field] };

/** A row's type with its columns renamed as the domain names them. */
export type CamelCased<Row> = { [Column in keyof Row as Column extends string ? CamelCase<Column> : Column]: Row[Column] };

/**
 * The row with every column renamed to camelCase and its values untouched, for a record that is the row under
 * domain names. Select exactly the columns the record has: every selected column ends up in it.
 */
export function camelCased<Row extends object>(row: Row): CamelCased<Row> {
  const entries = Object.entries(row).map(([column, value]): [string, unknown] => [
    column.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()),
    value,
  ]);
  return Object.fromEntries(entries) as CamelCased<Row>;
}
