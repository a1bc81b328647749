/** Comparing two versions of a plan: added, removed, reordered and edited actions, and the other parts. */
import { describe, expect, it } from 'vitest';
import type { PlanAction, PlanContent } from '../content.js';
import { compareVersions } from './diff.js';

function action(key: string, overrides: Partial<PlanAction> = {}): PlanAction {
  return {
    key,
    title: `Action ${key}`,
    background: 'Inspired by a study visit.',
    practiceIds: [1],
    eventIds: [],
    transferIds: [],
    description: 'What will be done.',
    players: [{ organisationId: 7, role: 'Supplier' }],
    startsOn: '2022-09-01',
    endsOn: '2023-06-30',
    milestones: [],
    costsEur: 10_000,
    funding: [{ source: 'Municipal budget', amountEur: 10_000 }],
    improvementType: 'management_change',
    instrumentsText: '',
    ...overrides,
  };
}

function plan(actions: PlanAction[], overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    contact: { name: 'Projects office', email: 'projects@example.org' },
    instruments: [{ key: 'i1', name: 'Regional ERDF programme', kind: 'investment_for_growth', managingBody: 'Region', improvement: 'New call' }],
    actions,
    ...overrides,
  };
}

describe('comparing versions', () => {
  it('finds nothing between a version and itself', () => {
    const version = plan([action('a'), action('b')]);
    const diff = compareVersions(version, structuredClone(version));
    expect(diff.changed).toBe(false);
    expect(diff.actions.map((change) => change.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('reports an added and a removed action, without calling the others moved', () => {
    const diff = compareVersions(plan([action('a'), action('b'), action('c')]), plan([action('new'), action('a'), action('c')]));
    expect(diff.actions.map((change) => [change.key, change.status, change.moved])).toEqual([
      ['new', 'added', null],
      ['a', 'unchanged', null],
      ['c', 'unchanged', null],
      ['b', 'removed', null],
    ]);
  });

  it('reports reordered actions with their old and new positions', () => {
    const diff = compareVersions(plan([action('a'), action('b'), action('c')]), plan([action('c'), action('a'), action('b')]));
    expect(diff.actions.find((change) => change.key === 'c')).toMatchObject({ status: 'changed', moved: { from: 3, to: 1 }, fields: [] });
    expect(diff.changed).toBe(true);
  });

  it('lists each edited field of an action with its value before and after', () => {
    const before = plan([action('a'), action('b')]);
    const after = plan([
      action('a', { title: 'Renamed action', costsEur: 12_500, funding: [{ source: 'Municipal budget', amountEur: 12_500 }], practiceIds: [1, 2] }),
      action('b'),
    ]);
    const change = compareVersions(before, after).actions[0];
    expect(change).toMatchObject({ key: 'a', title: 'Renamed action', status: 'changed', moved: null });
    expect(change?.fields.map((field) => field.field)).toEqual(['title', 'practiceIds', 'costsEur', 'funding']);
    expect(change?.fields.find((field) => field.field === 'costsEur')).toEqual({ field: 'costsEur', before: 10_000, after: 12_500 });
  });

  it('compares the contact and the policy instruments too', () => {
    const diff = compareVersions(plan([]), plan([], { contact: { name: 'Innovation office', email: 'projects@example.org' }, instruments: [] }));
    expect(diff.contact).toEqual([{ field: 'name', before: 'Projects office', after: 'Innovation office' }]);
    expect(diff.instruments).toEqual([{ key: 'i1', title: 'Regional ERDF programme', status: 'removed', moved: null, fields: [] }]);
  });
});
