/**
 * "An indicator value is due": once a semester has ended, the editors of each partner without a value of a reported
 * indicator are told, in their own language, once per indicator and semester however often the task runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aUser, type TestUser } from '../../../core/testing/factories.js';
import { noticesOf, whoIsTold } from '../../../core/testing/notices.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { remindDueIndicatorValues } from './due.js';

const fixture = useDatabaseWorld();
let people: Record<string, TestUser>;
let italianEditorA: TestUser;

beforeAll(async () => {
  const { db, world } = fixture;
  const { coordinator, otherCoordinator, editorA, editorB } = world.users;
  italianEditorA = await aUser(db, { role: 'editor', partnerId: world.partnerA.id, locale: 'it' });
  people = { coordinator, otherCoordinator, editorA, editorB, italianEditorA };
  // Partner B reported both built-in partner indicators for the last semester (February–July 2023).
  const indicators = await db.selectFrom('indicators').select('id').where('programme_id', '=', world.programme.id).where('method', '=', 'reported').execute();
  for (const { id } of indicators) {
    await db
      .insertInto('indicator_reports')
      .values({ indicator_id: id, partner_id: world.partnerB.id, semester: 8, value: '3', explanation: '', status: 'submitted', reported_by_label: 'test' })
      .execute();
  }
});

describe('indicator values due', () => {
  it('tells the editors of the partners without a value, once, with the semester’s end date in their language', async () => {
    const { db } = fixture;
    const first = await whoIsTold(db, people, 'results.indicator_due', () => remindDueIndicatorValues(db, new Date('2023-08-10T00:00:00Z')));
    expect(first.names).toEqual(['editorA', 'italianEditorA']);
    expect(first.titles.italianEditorA).toMatch(/^Valore da comunicare: [\w-]+ per il semestre 8$/);
    const [notice] = await noticesOf(db, italianEditorA);
    expect(notice?.body).toContain('si è concluso il 31 luglio 2023');
    expect(notice?.link).toMatch(/^\/results\/indicators\/\d+\/reports\/new\?partner=\d+&semester=8$/);
    const again = await whoIsTold(db, people, 'results.indicator_due', () => remindDueIndicatorValues(db, new Date('2023-08-11T00:00:00Z')));
    expect(again.names).toEqual([]);
  });

  it('leaves semesters ended long ago alone', async () => {
    const { db } = fixture;
    const late = await whoIsTold(db, people, 'results.indicator_due', () => remindDueIndicatorValues(db, new Date('2024-06-01T00:00:00Z')));
    expect(late.names).toEqual([]);
  });
});
