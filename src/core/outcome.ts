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
  /** Further refusals the same check found, so a form can show every problem at once. */
  others?: Refusal<R>[];
}

export type Outcome<T, R extends string> = Done<T> | Refusal<R>;

export function done<T>(value: T): Done<T> {
  return { ok: true, value };
}

export function refuse<R extends string>(reason: R, field?: string): Refusal<R> {
  return field === undefined ? { ok: false, reason } : { ok: false, reason, field };
}

/** Every refusal a check found, as one outcome: the first names it, the others come along (see `allRefusals`). */
export function refuseAll<R extends string>([first, ...others]: [Refusal<R>, ...Refusal<R>[]]): Refusal<R> {
  return others.length ? { ...first, others } : first;
}

/** A refusal and the others found with it, in the order they were found. */
export function allRefusals<R extends string>(refusal: Refusal<R>): Refusal<R>[] {
  const { others = [], ...first } = refusal;
  return [first, ...others];
}
