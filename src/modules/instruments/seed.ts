/**
 * Demo instruments of the BETTER partners (../shared/demo-facts.md names the expected ones: an innovative payment
 * system, a citizen service using artificial intelligence, a data platform integrating local initiatives with the
 * smart-region strategy). Suppliers, contract values, stages and the year of impact figures are illustrative.
 * Nyíregyháza's AI assistant went back from pilot to design (its plan action was cancelled), to show a stage change
 * with its reason; Gävle's idea board is not published, to show what only staff see.
 */
import type { Tx } from '../../core/db/database.js';
import type { DemoRecords, DemoSeed } from '../../core/module.js';
import * as queries from './catalogue/queries.js';
import type { Audience, Channel, ChainRole, InstrumentKind, ProcurementRoute, Stage } from './tables.js';

type DemoPartners = DemoRecords['partners'];
type DemoPartnerKey = keyof DemoPartners['partnerIds'];

interface Links {
  practiceIds: Map<string, number>;
  eventIds: Map<string, number>;
}

type Quarter = [
  users: number,
  transactions: number,
  minutesDigital: number,
  minutesFormer: number,
  costDigital: number,
  costFormer: number,
  satisfaction: number,
  digitalShare: number,
];

interface DemoInstrument {
  partner: DemoPartnerKey;
  name: string;
  description: string;
  kind: InstrumentKind;
  theme: string;
  services: [string, string][];
  channels: Channel[];
  audiences: Audience[];
  languages: string[];
  authentication: string;
  dataReused: string;
  licence?: string;
  repositoryUrl?: string;
  published?: boolean;
  contractValuesPublic?: boolean;
  action?: string;
  practice?: string;
  events?: string[];
  stages: [Stage, string, string, string?][];
  chain: [organisation: string, role: ChainRole, inRegion: boolean, value: number | null, procurement: ProcurementRoute][];
  /** Four quarters of 2023. */
  impact?: Quarter[];
}

const instruments: DemoInstrument[] = [
  {
    partner: 'genoa',
    name: 'PagoGenova: one payment notice for every municipal fee',
    description: 'Citizens and businesses pay every municipal fee and fine from one notice, online or at a shop, through the national pagoPA system.',
    kind: 'payment_system',
    theme: 'payments',
    services: [
      ['Paying municipal fees and fines', 'One payment notice for school meals, waste tax, permits and fines.'],
      ['Payment reminders', 'A reminder before a fee falls due.'],
    ],
    channels: ['web', 'mobile_app', 'in_person'],
    audiences: ['citizens', 'businesses'],
    languages: ['it', 'en'],
    authentication: 'SPID, CIE',
    dataReused: 'Taxpayer register and the fee lists of each municipal office.',
    action: 'gpayments',
    practice: 'genoa-payments',
    events: ['Study visit: digital payments of municipal services in Genoa'],
    contractValuesPublic: true,
    stages: [
      ['idea', '2021-05-03', ''],
      ['design', '2021-10-01', 'Design brief approved by the city council.'],
      ['pilot', '2022-05-02', 'Pilot with school-meal fees in two districts.'],
      ['live', '2023-01-16', 'All fees on one notice; announcement on the city website.'],
    ],
    chain: [
      ['genova-smart', 'supplier', true, 140_000, 'innovation_procurement'],
      ['genova-civic', 'co_creation', true, null, 'in_house'],
      ['unige', 'research_partner', true, 25_000, 'standard_tender'],
    ],
    impact: [
      [8_200, 21_000, 3, 22, 0.9, 6.5, 82, 41],
      [10_400, 26_500, 3, 22, 0.8, 6.5, 84, 48],
      [11_900, 28_300, 2.5, 22, 0.8, 6.5, 86, 53],
      [13_700, 33_800, 2.5, 22, 0.7, 6.5, 87, 58],
    ],
  },
  {
    partner: 'tartu',
    name: 'Testbed of good thoughts: one entry point for smart-city pilots',
    description: 'A landing page where companies propose pilots in the city’s streets and services, with key contacts and the open data of earlier pilots.',
    kind: 'online_service',
    theme: 'smart-city',
    services: [['Proposing a smart-city pilot', 'Companies describe the pilot; the city answers within a month.']],
    channels: ['web'],
    audiences: ['businesses'],
    languages: ['et', 'en'],
    authentication: 'Smart-ID, Mobile-ID, ID card',
    dataReused: 'Business register for the proposing company.',
    licence: 'MIT',
    repositoryUrl: 'https://github.com/tartu-testbed/landing',
    practice: 'tartu-testbed',
    events: ['Study visit: Tartu’s testbed of good thoughts'],
    stages: [
      ['design', '2020-02-03', ''],
      ['pilot', '2020-09-01', 'First call for pilots published.'],
      ['live', '2021-03-01', 'Landing page in service.'],
      ['scaled', '2023-02-15', 'Adopted by Genoa after the import workshop.'],
    ],
    chain: [
      ['tartu-science-park', 'operator', true, 30_000, 'in_house'],
      ['tartu-mobility', 'supplier', true, 48_000, 'open_challenge'],
      ['ria', 'designer', false, 12_000, 'standard_tender'],
    ],
    impact: [
      [310, 36, 15, 90, 40, 260, 88, 92],
      [290, 41, 15, 90, 40, 260, 90, 93],
      [350, 44, 12, 90, 35, 260, 91, 95],
      [400, 52, 12, 90, 35, 260, 91, 96],
    ],
  },
  {
    partner: 'tartu',
    name: 'Smart pedestrian crossings',
    description: 'Sensor-lit crossings that brighten when someone approaches, with anonymous counts published as open data.',
    kind: 'other',
    theme: 'smart-city',
    services: [['Safer crossing at night', 'Lights brighten for pedestrians at busy crossings.']],
    channels: ['in_person'],
    audiences: ['citizens'],
    languages: ['et'],
    authentication: '',
    dataReused: '',
    action: 'tcrossings',
    practice: 'tartu-crossings',
    events: ['Study visit: smart pedestrian crossings'],
    stages: [
      ['pilot', '2021-10-01', 'Two crossings equipped.'],
      ['live', '2023-05-31', 'Four more crossings equipped under the action plan.'],
    ],
    chain: [['tartu-mobility', 'supplier', true, 118_000, 'standard_tender']],
  },
  {
    partner: 'nyiregyhaza',
    name: 'AI assistant for citizen enquiries',
    description: 'A chat assistant on the town’s website answering questions about municipal services in Hungarian and English.',
    kind: 'ai_tool',
    theme: 'artificial-intelligence',
    services: [['Answering citizens’ questions about municipal services', '']],
    channels: ['web'],
    audiences: ['citizens'],
    languages: ['hu', 'en'],
    authentication: '',
    dataReused: 'The municipal service catalogue.',
    action: 'nassistant',
    practice: 'nyh-ai-assistant',
    events: ['Study visit: an AI assistant for citizen enquiries'],
    stages: [
      ['idea', '2021-09-01', ''],
      ['design', '2022-01-10', 'Requirements written with the service owners.'],
      ['pilot', '2022-10-03', 'Pilot on the website, 600 conversations.'],
      [
        'design',
        '2023-06-30',
        'Evaluation report of the pilot.',
        'The pilot answered 62% of questions correctly; the action was cancelled and the assistant goes back to design with the service design team.',
      ],
    ],
    chain: [
      ['nyirseg-digital', 'supplier', true, 38_000, 'pre_commercial_procurement'],
      ['uni-nyiregyhaza', 'research_partner', true, 9_000, 'in_house'],
    ],
  },
  {
    partner: 'nyiregyhaza',
    name: 'Data platform for local initiatives',
    description: 'A shared platform where local initiatives publish their data next to the town’s, feeding the county’s smart-region strategy.',
    kind: 'data_platform',
    theme: 'open-data',
    services: [
      ['Publishing the data of local initiatives', 'Initiatives upload and describe their data sets.'],
      ['Smart-region dashboards', 'Indicators of the smart-region strategy, updated monthly.'],
    ],
    channels: ['web'],
    audiences: ['citizens', 'businesses', 'public_bodies'],
    languages: ['hu'],
    authentication: 'Ügyfélkapu+',
    dataReused: 'Municipal open data; county statistics.',
    licence: 'EUPL-1.2',
    action: 'ndata',
    practice: 'nyh-data-platform',
    events: ['Study visit: Nyíregyháza’s smart city data platform'],
    stages: [
      ['design', '2021-11-02', ''],
      ['pilot', '2022-06-01', 'Three initiatives publishing.'],
      ['live', '2023-01-09', 'Open to every initiative of the county.'],
    ],
    chain: [
      ['nyirseg-digital', 'supplier', true, 52_000, 'standard_tender'],
      ['szszb-chamber', 'co_creation', true, null, 'in_house'],
      ['nyh-services', 'operator', true, 20_000, 'in_house'],
    ],
    impact: [
      [1_100, 2_600, 6, 35, 1.5, 9, 76, 38],
      [1_350, 3_100, 6, 35, 1.4, 9, 78, 44],
      [1_500, 3_450, 5, 35, 1.3, 9, 80, 49],
      [1_820, 4_100, 5, 35, 1.2, 9, 81, 55],
    ],
  },
  {
    partner: 'birmingham',
    name: 'Challenge briefs portal (DIPS)',
    description:
      'Council teams publish open challenge briefs instead of detailed specifications, so that digital SMEs can propose solutions and win contracts.',
    kind: 'online_service',
    theme: 'procurement-of-innovation',
    services: [['Responding to a council challenge', 'Small companies answer a brief with a short proposal.']],
    channels: ['web'],
    audiences: ['businesses'],
    languages: ['en'],
    authentication: 'GOV.UK One Login',
    dataReused: 'Companies House records.',
    practice: 'birmingham-dips',
    events: ['Study visit: challenge-led procurement for digital SMEs (DIPS)'],
    stages: [
      ['pilot', '2020-06-01', 'Three briefs published.'],
      ['live', '2021-04-12', 'Portal in service.'],
      ['scaled', '2022-11-30', 'Adopted by Tartu as its challenge briefs.'],
    ],
    chain: [
      ['brum-digital', 'supplier', true, 30_000, 'open_challenge'],
      ['bcu', 'research_partner', true, 12_000, 'standard_tender'],
      ['wmia', 'operator', true, null, 'in_house'],
    ],
  },
  {
    partner: 'gavle',
    name: 'Building permit e-service',
    description:
      'Apply for a building permit online, follow the case and receive the decision, designed with residents through the e-service development method.',
    kind: 'online_service',
    theme: 'digital-services',
    services: [
      ['Applying for a building permit', 'Drawings and forms online; the case officer answers in the service.'],
      ['Following a permit case', ''],
    ],
    channels: ['web', 'phone'],
    audiences: ['citizens', 'businesses'],
    languages: ['sv', 'en'],
    authentication: 'BankID, Freja eID',
    dataReused: 'Property register; earlier permits.',
    practice: 'gavle-eservices',
    events: ['Study visit: e-service development and implementation in Gävle'],
    stages: [
      ['design', '2020-03-02', ''],
      ['pilot', '2021-02-01', 'Pilot for small extensions.'],
      ['live', '2022-01-10', 'All permit types online.'],
    ],
    chain: [
      ['gavle-digital', 'supplier', true, 95_000, 'standard_tender'],
      ['hig', 'research_partner', true, 15_000, 'in_house'],
      ['gavle-forum', 'co_creation', true, null, 'in_house'],
    ],
    impact: [
      [640, 610, 45, 180, 38, 160, 79, 71],
      [820, 790, 40, 180, 36, 160, 82, 76],
      [900, 860, 40, 180, 34, 160, 84, 80],
      [700, 690, 35, 180, 33, 160, 85, 83],
    ],
  },
  {
    partner: 'gavle',
    name: 'Idea board of the internal innovation group',
    description: 'Staff post ideas for better services; the innovation group picks some every second week.',
    kind: 'process_digitalisation',
    theme: 'innovation-ecosystem',
    services: [['Proposing an idea for a better service', 'For the municipality’s staff.']],
    channels: ['web'],
    audiences: ['public_bodies'],
    languages: ['sv'],
    authentication: 'Staff login',
    dataReused: '',
    published: false,
    stages: [['idea', '2022-04-04', '']],
    chain: [],
  },
];

const quarters: [string, string][] = [
  ['2023-01-01', '2023-03-31'],
  ['2023-04-01', '2023-06-30'],
  ['2023-07-01', '2023-09-30'],
  ['2023-10-01', '2023-12-31'],
];

async function seedDemoInstruments(trx: Tx, programmeId: number, partners: DemoPartners, links: Links): Promise<number> {
  for (const demo of instruments) {
    const partnerId = partners.partnerIds[demo.partner];
    const plan = demo.action ? await queries.findPlanOfPartner(trx, partnerId) : undefined;
    const lastStage = demo.stages.at(-1) as [Stage, string, string, string?];
    const id = await queries.insertInstrument(
      trx,
      {
        programmeId,
        partnerId,
        name: demo.name,
        description: demo.description,
        textLanguage: 'en',
        kind: demo.kind,
        themeCode: demo.theme,
        channels: demo.channels,
        audiences: demo.audiences,
        languages: demo.languages,
        isFree: true,
        costDescription: '',
        authentication: demo.authentication,
        dataReused: demo.dataReused,
        licence: demo.licence ?? null,
        repositoryUrl: demo.repositoryUrl ?? null,
        published: demo.published ?? true,
        contractValuesPublic: demo.contractValuesPublic ?? false,
        planId: plan && demo.action ? plan.id : null,
        actionKey: plan && demo.action ? demo.action : null,
        practiceId: demo.practice ? (links.practiceIds.get(demo.practice) ?? null) : null,
      },
      lastStage[0],
      lastStage[1],
    );
    await queries.replaceServices(
      trx,
      id,
      demo.services.map(([name, description]) => ({ name, description })),
    );
    await queries.replaceEvents(
      trx,
      id,
      (demo.events ?? []).map((title) => links.eventIds.get(title)).filter((eventId): eventId is number => eventId !== undefined),
    );
    for (const [stage, occurredOn, evidence, reason] of demo.stages) {
      await queries.insertStage(trx, { instrumentId: id, stage, occurredOn, evidence, reason: reason ?? '', userId: null, label: 'Demo data' });
    }
    for (const [organisation, role, inRegion, value, procurement] of demo.chain) {
      const organisationId = partners.organisationIds[organisation];
      if (organisationId === undefined) throw new Error(`Unknown demo organisation ${organisation}`);
      await queries.insertChainEntry(trx, { instrumentId: id, organisationId, role, inRegion, contractValueEur: value, procurement });
    }
    for (const [index, quarter] of (demo.impact ?? []).entries()) {
      const [periodStart, periodEnd] = quarters[index] as [string, string];
      const [users, transactions, processingMinutesDigital, processingMinutesFormer, costDigitalEur, costFormerEur, satisfactionPercent, digitalSharePercent] =
        quarter;
      await queries.insertImpact(trx, id, {
        periodStart,
        periodEnd,
        users,
        transactions,
        processingMinutesDigital,
        processingMinutesFormer,
        costDigitalEur,
        costFormerEur,
        satisfactionPercent,
        digitalSharePercent,
      });
    }
  }
  return instruments.length;
}

declare module '../../core/module.js' {
  interface DemoCounts {
    instruments: number;
  }
}

export const instrumentsDemoSeed: DemoSeed = {
  // After the plans: an instrument planned by an action names the plan it belongs to.
  after: ['programmes', 'partners', 'practices', 'events', 'plans'],
  async run(trx, { programme, partners, practiceIds, eventIds }) {
    return { counts: { instruments: await seedDemoInstruments(trx, programme.id, partners, { practiceIds, eventIds }) } };
  },
};
