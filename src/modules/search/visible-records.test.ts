/**
 * The visible records a kind keeps per scope: counting and choosing in the ranking's order, ids deleted or hidden
 * passed over, records found through several ids listed once, scopes kept apart, and every versioned table's write
 * seen by the next search.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tableVersionsOf } from '../../core/cache/table-versions.js';
import type { Executor } from '../../core/db/database.js';
import { Ranking } from '../../core/search/search-index.js';
import { systemActor } from '../../core/policy/actor.js';
import { valueOf } from '../../core/testing/factories.js';
import { aPractice, anEndorsedPlan, anEvent, anInstrumentInput } from '../../core/testing/records.js';
import { useWorld } from '../../core/testing/world.js';
import { createInstrument } from '../instruments/service.js';
import { anIndicator } from '../results/test-support.js';
import { visibleRecordsOf, VisibleRecords, type VisibleRecordsSource, type VisibleRow } from './visible-records.js';

const ranking = (...ids: number[]) =>
  new Ranking(
    Int32Array.from(ids),
    Float64Array.from(ids, (_, at) => ids.length - at),
    Uint16Array.from(ids, () => 1),
  );
const alone = (...ids: number[]): VisibleRow[] => ids.map((id) => ({ id, listed_as: id }));

describe('the visible records of a kind', () => {
  it('counts the visible ids among those ranked and keeps the best in the ranking’s order', () => {
    const visible = new VisibleRecords(alone(40, 3, 17, 8, 25));
    expect(visible.size).toBe(5);
    expect(visible.among(ranking(25, 99, 8, 4, 40, 3, 17), 3)).toEqual({ total: 5, ids: [25, 8, 40] });
    expect(visible.among(ranking(25, 8), 0)).toEqual({ total: 2, ids: [] });
  });

  it('answers a ranking it has counted again without going through it, and a longer page by counting it again', () => {
    const visible = new VisibleRecords(alone(1, 2, 3));
    const ranked = ranking(3, 2, 1);
    expect(visible.among(ranked, 1)).toEqual({ total: 3, ids: [3] });
    // The same array again: what was chosen is kept with it, however the copy given out is changed.
    visible.among(ranked, 1).ids.push(99);
    expect(visible.among(ranked, 1)).toEqual({ total: 3, ids: [3] });
    expect(visible.among(ranked, 2)).toEqual({ total: 3, ids: [3, 2] });
    expect(visible.among(ranked, 0)).toEqual({ total: 3, ids: [] });
    expect(visible.among(ranking(1), 3)).toEqual({ total: 1, ids: [1] });
  });

  it('passes over ids that are hidden or were deleted since the ranking', () => {
    expect(new VisibleRecords(alone(2, 5)).among(ranking(7, 6, 5, 1), 3)).toEqual({ total: 1, ids: [5] });
    expect(new VisibleRecords([]).among(ranking(1, 2), 3)).toEqual({ total: 0, ids: [] });
  });

  it('lists a record found through several ids once, through the best-ranked of them', () => {
    // Versions 10 and 11 of plan 1, version 20 of plan 2, version 30 of plan 3.
    const visible = new VisibleRecords([
      { id: 11, listed_as: 1 },
      { id: 10, listed_as: 1 },
      { id: 20, listed_as: 2 },
      { id: 30, listed_as: 3 },
    ]);
    expect(visible.among(ranking(11, 20, 10, 30), 2)).toEqual({ total: 3, ids: [11, 20] });
    expect(visible.among(ranking(10, 11), 5)).toEqual({ total: 1, ids: [10] });
  });
});

const fixture = useWorld();

/** A source over events whose ids depend on the scope, counting how often it is read. */
function countingSource(): VisibleRecordsSource<{ ids: number[] }> & { reads: number } {
  const source = {
    kind: 'test-events',
    tables: ['events'],
    reads: 0,
    rows: async (_db: Executor, scope: { ids: number[] }) => {
      source.reads += 1;
      return alone(...scope.ids);
    },
  };
  return source;
}

describe('the visible records kept per scope and table versions', () => {
  it('keeps one set per scope, shared by the same roles in any order, until a table it reads is written', async () => {
    const { db } = fixture.context;
    const source = countingSource();
    const first = await visibleRecordsOf(db, source, { ids: [1, 2] });
    expect(await visibleRecordsOf(db, source, { ids: [2, 1, 2] })).toBe(first);
    const other = await visibleRecordsOf(db, source, { ids: [3] });
    expect(other.among(ranking(1, 2, 3), 3)).toEqual({ total: 1, ids: [3] });
    expect(first.among(ranking(1, 2, 3), 3)).toEqual({ total: 2, ids: [1, 2] });
    expect(source.reads).toBe(2);

    // A practice is not in the tables read: kept. An event is: read again at the next call.
    await aPractice(fixture.context.db, fixture.world.partnerA.id, 'Wombat permits');
    expect(await visibleRecordsOf(db, source, { ids: [1, 2] })).toBe(first);
    await anEvent(fixture.context.db, fixture.world.partnerA.id);
    expect(await visibleRecordsOf(db, source, { ids: [1, 2] })).not.toBe(first);
    expect(source.reads).toBe(3);
  });

  it('raises the version of every table the search’s kinds read at a write to one of its rows', async () => {
    const { db } = fixture.context;
    await anEvent(db, fixture.world.partnerA.id);
    await anEndorsedPlan(fixture);
    await anIndicator(db, fixture.world.programme.id);
    valueOf(await createInstrument(db, systemActor('test'), anInstrumentInput(fixture.world.partnerA.id, 'Versioned permits')));
    const columns = {
      events: 'title',
      instruments: 'name',
      indicators: 'code',
      plans: 'programme_id',
      plan_versions: 'status',
      plan_action_documents: 'action_key',
    };
    for (const [table, column] of Object.entries(columns)) {
      const before = await tableVersionsOf(db, [table]);
      // A write that changes nothing still writes the row, as an edit saved unchanged does.
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)} where id = (select min(id) from ${sql.table(table)})`.execute(db);
      expect(await tableVersionsOf(db, [table]), table).not.toBe(before);
    }
  });
});
