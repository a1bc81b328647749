/**
 * Demo indicators of the BETTER programme: the built-in set switched on, targets from the project's public facts (5
 * action plans, at least 3 instruments, the phase-1 events: 4 thematic events, 10 study visits, 5 import workshops and
 * 5 regional events) split per partner, and a few reported values (media appearances, funds influenced) with evidence
 * links — most validated, one waiting for validation, one returned for more evidence. Targets the facts do not give
 * and every reported value are illustrative (the values are marked so).
 */
import type { Tx } from '../../../core/db/database.js';
import type { DemoRecords } from '../../../core/module.js';
import * as queries from './queries.js';
import { ensureBuiltinIndicators } from './service.js';

declare module '../../../core/module.js' {
  interface DemoCounts {
    indicators: number;
    indicatorReports: number;
  }
}

type PartnerKey = 'genoa' | 'tartu' | 'nyiregyhaza' | 'birmingham' | 'gavle';

/** Programme target, target date, and per partner (in the order genoa, tartu, nyiregyhaza, birmingham, gavle). */
const targets: Record<string, { programme: number; date: string; partners: [number, number, number, number, number] }> = {
  // Facts: 5 Regional Action Plans, one per partner.
  'ie.action_plans': { programme: 5, date: '2022-07-31', partners: [1, 1, 1, 1, 1] },
  // Facts: 4 thematic events + 10 study visits + 5 import workshops + 5 regional events in phase 1.
  'ie.learning_events': { programme: 24, date: '2022-07-31', partners: [5, 5, 5, 5, 4] },
  // Facts: at least 3 innovative eGovernment instruments (Genoa, Tartu and Birmingham lead one each here).
  'better.instruments_developed': { programme: 3, date: '2023-07-31', partners: [1, 1, 0, 1, 0] },
  // Facts: the plans improve the partners' policy instruments, one each.
  'ie.instruments_improved': { programme: 5, date: '2023-07-31', partners: [1, 1, 1, 1, 1] },
  // Illustrative from here on.
  'ie.good_practices': { programme: 15, date: '2022-07-31', partners: [3, 3, 3, 3, 3] },
  'ie.people_capacity': { programme: 100, date: '2022-07-31', partners: [20, 20, 20, 20, 20] },
  'ie.media': { programme: 40, date: '2023-07-31', partners: [8, 8, 8, 8, 8] },
  'ie.funds_influenced': { programme: 2_000_000, date: '2023-07-31', partners: [500_000, 400_000, 400_000, 400_000, 300_000] },
  'eu.rco87': { programme: 30, date: '2023-07-31', partners: [6, 6, 6, 6, 6] },
  'better.participation': { programme: 300, date: '2022-07-31', partners: [60, 60, 60, 60, 60] },
};
const partnerOrder: PartnerKey[] = ['genoa', 'tartu', 'nyiregyhaza', 'birmingham', 'gavle'];

interface DemoValue {
  indicator: string;
  partner: PartnerKey;
  semester: number;
  value: number;
  explanation: string;
  links: string[];
  status: 'validated' | 'submitted' | 'returned';
  comment?: string;
}

const values: DemoValue[] = [
  {
    indicator: 'ie.media',
    partner: 'tartu',
    semester: 2,
    value: 3,
    explanation: 'Local press and the city website covered thematic event 2 in Tartu and the start-up festival alongside it.',
    links: ['https://better.example/press/tartu-te2-article', 'https://better.example/press/tartu-te2-radio'],
    status: 'validated',
  },
  {
    indicator: 'ie.media',
    partner: 'gavle',
    semester: 1,
    value: 2,
    explanation: 'Two articles on thematic event 1 hosted in Gävle.',
    links: ['https://better.example/press/gavle-te1'],
    status: 'validated',
  },
  {
    indicator: 'ie.media',
    partner: 'genoa',
    semester: 1,
    value: 4,
    explanation: 'The kick-off meeting in Genoa in the regional press and on the municipality’s channels.',
    links: ['https://better.example/press/genoa-kickoff'],
    status: 'validated',
  },
  {
    indicator: 'ie.media',
    partner: 'birmingham',
    semester: 3,
    value: 2,
    explanation: 'Online coverage of thematic event 3, held online instead of in Birmingham.',
    links: ['https://better.example/press/birmingham-te3'],
    status: 'submitted',
  },
  {
    indicator: 'ie.funds_influenced',
    partner: 'birmingham',
    semester: 6,
    value: 350_000,
    explanation: 'The West Midlands Innovation Programme funds the open challenge briefs of DIPS.',
    links: ['https://better.example/evidence/birmingham-dips-funding'],
    status: 'validated',
  },
  {
    indicator: 'ie.funds_influenced',
    partner: 'gavle',
    semester: 7,
    value: 120_000.5,
    explanation: 'Innovation-capacity training and webinars financed from the municipality’s development budget.',
    links: [],
    status: 'returned',
    comment: 'Please add the budget decision or another document that shows the amount.',
  },
];

export async function seedIndicators(trx: Tx, earlier: Readonly<DemoRecords>): Promise<Record<string, number>> {
  const programmeId = earlier.programme.id;
  await ensureBuiltinIndicators(trx, programmeId);
  const partnerIds = earlier.partners.partnerIds;
  const ids = new Map<string, number>();
  for (const row of await queries.listIndicators(trx, programmeId)) if (row.builtin_key) ids.set(row.builtin_key, row.id);
  for (const [key, target] of Object.entries(targets)) {
    const indicatorId = ids.get(key);
    const row = indicatorId === undefined ? undefined : await queries.findIndicator(trx, indicatorId);
    if (!row || indicatorId === undefined) continue;
    await queries.updateIndicator(trx, indicatorId, {
      code: row.code,
      names: row.names,
      definitions: row.definitions,
      kind: row.kind,
      unit: row.unit,
      atProgramme: row.at_programme,
      atPartner: row.at_partner,
      method: row.method,
      formula: row.formula,
      baseline: 0,
      programmeTarget: target.programme,
      targetDate: target.date,
      public: row.public,
    });
    await queries.replaceTargets(
      trx,
      indicatorId,
      partnerOrder.map((partner, index) => ({ partnerId: partnerIds[partner], target: target.partners[index] as number })),
    );
  }
  // Labels only: the results seed does not run after the accounts one, so the values name no demo account.
  const reporters: Record<PartnerKey, string> = {
    genoa: 'Editor of Genoa (illustrative)',
    tartu: 'Eero Editor',
    nyiregyhaza: 'Editor of Nyíregyháza (illustrative)',
    birmingham: 'Editor of Birmingham (illustrative)',
    gavle: 'Greta Editor',
  };
  for (const entry of values) {
    const indicatorId = ids.get(entry.indicator);
    if (indicatorId === undefined) continue;
    const reportId = await queries.insertReport(trx, {
      indicatorId,
      partnerId: partnerIds[entry.partner],
      semester: entry.semester,
      value: entry.value,
      explanation: entry.explanation,
      supersedesId: null,
      userId: null,
      label: reporters[entry.partner],
      status: entry.status,
      reviewComment: entry.comment ?? '',
      reviewedByUserId: null,
      reviewedByLabel: 'Chiara Coordinator',
      illustrative: true,
    });
    await queries.insertEvidence(
      trx,
      reportId,
      entry.links.map((url) => ({ url })),
    );
  }
  return { indicators: ids.size, indicatorReports: values.length };
}
