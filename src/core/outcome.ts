/** Use cases return their value or a named refusal; refusals are values, thrown errors mean a bug or an outage. */

export interface Done<T> {
  ok: true;
  value: T;
}

export interface Refusal<R extends string> {
  ok: false;
  reason: R;
  /** The form field the refusal belongs to, when there is one. */
  field?: string;
}

export type Outcome<T, R extends string> = Done<T> | Refusal<R>;

export function done<T>(value: T): Done<T> {
  return { ok: true, value };
}

export function refuse<R extends string>(reason: R, field?: string): Refusal<R> {
  return field === undefined ? { ok: false, reason } : { ok: false, reason, field };
}
