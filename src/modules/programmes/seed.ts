/** Demo data: the BETTER programme and its two phases (facts from ../shared/demo-facts.md). */
import type { Tx } from '../../core/db/database.js';
import type { DemoSeed } from '../../core/module.js';
import { insertPhase, insertProgramme } from './queries.js';

async function seedDemoProgramme(trx: Tx): Promise<{ id: number; phases: number }> {
  const programme = await insertProgramme(trx, {
    slug: 'better',
    acronym: 'BETTER',
    title: 'BETTER — stimulating regional innovation through better e-government services',
    summary:
      'Five city governments learn from each other how better e-government services can cut costs, improve public services and stimulate the regional innovation chain. ' +
      'Interreg Europe 2014-2020, 4th call, priority axis 1.1 "improving innovation infrastructure policies"; ERDF budget about EUR 1.09 million, total resources EUR 1,285,000. ' +
      'Kick-off meeting in Genoa on 5 September 2019; final conference on 23 May 2023 in Nyíregyháza city hall.',
    textLanguage: 'en',
    startsOn: '2019-08-01',
    endsOn: '2023-07-31',
  });
  await insertPhase(trx, programme.id, {
    number: 1,
    name: 'Interregional learning',
    description:
      'Assess needs and assemble good practices, observe good practices, adopt good practices; thematic events, study visits, import workshops and regional events. Semesters 1–6.',
    startsOn: '2019-08-01',
    endsOn: '2022-07-31',
  });
  await insertPhase(trx, programme.id, {
    number: 2,
    name: 'Implementation monitoring',
    description: 'Improve policies and monitor policy improvements: each partner implements its Regional Action Plan and reports progress every semester.',
    startsOn: '2022-08-01',
    endsOn: '2023-07-31',
  });
  return { id: programme.id, phases: 2 };
}

declare module '../../core/module.js' {
  interface DemoRecords {
    programme: { id: number };
  }
}

export const programmesDemoSeed: DemoSeed = {
  run: async (trx) => ({ records: { programme: await seedDemoProgramme(trx) } }),
};
