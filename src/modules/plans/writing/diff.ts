/**
 * What changed between two versions of a plan: the contact (Part I), each policy instrument (Part II) and each
 * action (Part III), matched by their stable keys — added, removed, moved, and field by field what was edited.
 */
import type { PlanAction, PlanContent, PolicyInstrument } from '../content.js';

export interface FieldChange<F extends string = string> {
  field: F;
  before: unknown;
  after: unknown;
}

export interface ItemChange<F extends string = string> {
  key: string;
  /** The item's title (name) in the newer version, or in the older one when removed. */
  title: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Positions (from 1) when the item moved relative to the items both versions have. */
  moved: { from: number; to: number } | null;
  fields: FieldChange<F>[];
}

export interface VersionDiff {
  contact: FieldChange<'name' | 'email'>[];
  instruments: ItemChange<Exclude<keyof PolicyInstrument, 'key'>>[];
  actions: ItemChange<Exclude<keyof PlanAction, 'key'>>[];
  /** Whether anything differs at all. */
  changed: boolean;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fieldChanges<T extends { key: string }, F extends Exclude<keyof T, 'key'> & string>(before: T, after: T, fields: readonly F[]): FieldChange<F>[] {
  return fields.filter((field) => !same(before[field], after[field])).map((field) => ({ field, before: before[field], after: after[field] }));
}

function compareItems<T extends { key: string }, F extends Exclude<keyof T, 'key'> & string>(
  before: T[],
  after: T[],
  fields: readonly F[],
  titleOf: (item: T) => string,
): ItemChange<F>[] {
  const beforeByKey = new Map(before.map((item, index) => [item.key, { item, index }]));
  const afterKeys = new Set(after.map((item) => item.key));
  // Moves are judged among the items both versions have, so an insertion alone does not "move" what follows it.
  const commonBefore = before.filter((item) => afterKeys.has(item.key)).map((item) => item.key);
  const commonAfter = after.filter((item) => beforeByKey.has(item.key)).map((item) => item.key);
  const changes: ItemChange<F>[] = after.map((item, index) => {
    const previous = beforeByKey.get(item.key);
    if (!previous) return { key: item.key, title: titleOf(item), status: 'added', moved: null, fields: [] };
    const edited = fieldChanges(previous.item, item, fields);
    const moved = commonBefore.indexOf(item.key) !== commonAfter.indexOf(item.key) ? { from: previous.index + 1, to: index + 1 } : null;
    return { key: item.key, title: titleOf(item), status: edited.length || moved ? 'changed' : 'unchanged', moved, fields: edited };
  });
  for (const item of before) if (!afterKeys.has(item.key)) changes.push({ key: item.key, title: titleOf(item), status: 'removed', moved: null, fields: [] });
  return changes;
}

const instrumentFields = ['name', 'kind', 'managingBody', 'improvement'] as const;
export const actionFields = [
  'title',
  'background',
  'practiceIds',
  'eventIds',
  'transferIds',
  'description',
  'players',
  'startsOn',
  'endsOn',
  'milestones',
  'costsEur',
  'funding',
  'improvementType',
  'instrumentsText',
] as const;

export function compareVersions(before: PlanContent, after: PlanContent): VersionDiff {
  const contact = (['name', 'email'] as const)
    .filter((field) => !same(before.contact[field], after.contact[field]))
    .map((field) => ({ field, before: before.contact[field], after: after.contact[field] }));
  const instruments = compareItems(before.instruments, after.instruments, instrumentFields, (instrument) => instrument.name);
  const actions = compareItems(before.actions, after.actions, actionFields, (action) => action.title);
  const changed = contact.length > 0 || [...instruments, ...actions].some((item) => item.status !== 'unchanged');
  return { contact, instruments, actions, changed };
}
