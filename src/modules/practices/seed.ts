/**
 * Demo data: the good practices documented for BETTER (../shared/demo-facts.md) and more per partner, transfers at
 * various stages, learning needs, a stakeholder's proposal and practices in review. Entries marked `illustrative`
 * are invented for the demo; the facts they build on are named in comments.
 */
import type { Tx } from '../../core/db/database.js';
import type { DemoRecords, DemoSeed } from '../../core/module.js';
import * as queries from './library/queries.js';
import type { PracticeStatus, TransferStage, Translations } from './tables.js';
import * as needQueries from './needs/queries.js';
import * as transferQueries from './transfers/queries.js';

type DemoPartners = DemoRecords['partners'];
type DemoPartnerKey = keyof DemoPartners['partnerIds'];

interface DemoPractice {
  key: string;
  owner: DemoPartnerKey;
  organisation?: string;
  status: PracticeStatus;
  language: queries.PracticeValues['language'];
  title: string;
  summary: string;
  objective?: string;
  description?: string;
  themes: string[];
  keywords?: string[];
  city?: string;
  scope: queries.PracticeValues['geographicalScope'];
  resources?: string;
  resourcesEur?: number;
  startsOn?: string;
  endsOn?: string;
  evidence?: string;
  transferPotential?: string;
  difficulties?: string;
  translations?: Translations;
  illustrative: boolean;
}

const nuts: Record<DemoPartnerKey, [string, string]> = {
  genoa: ['IT', 'ITC3'],
  tartu: ['EE', 'EE00'],
  nyiregyhaza: ['HU', 'HU32'],
  birmingham: ['GB', 'UKG3'],
  gavle: ['SE', 'SE31'],
};

const practices: DemoPractice[] = [
  {
    key: 'better-method',
    owner: 'genoa',
    status: 'published',
    language: 'en',
    title: 'BETTER interregional learning method for e-government innovation',
    summary:
      'Five city governments assess their needs, assemble and observe good practices, adopt them, improve their policies and monitor the improvements, with their regional stakeholders at every step.',
    objective: 'Use the improvement of public e-services to stimulate the regional innovation chain, while cutting costs.',
    description:
      'The method runs in five stages: assess needs and assemble good practices; observe good practices in thematic events and study visits; adopt good practices in import workshops; improve policies through Regional Action Plans; monitor the policy improvements.\n\nEach partner runs a regional stakeholder group on the quadruple helix: public authorities, businesses, research and education, and civil society.',
    themes: ['innovation-ecosystem', 'digital-services'],
    keywords: ['interregional learning', 'quadruple helix', 'Interreg Europe'],
    city: 'Genoa',
    scope: 'european',
    resources: 'Interreg Europe funding for five partners over four years.',
    resourcesEur: 1285000,
    startsOn: '2019-08-01',
    endsOn: '2023-07-31',
    evidence: 'Five Regional Action Plans, more than twenty events in phase 1, and eGovernment instruments developed by the partners.',
    transferPotential: 'Any city or region that wants to learn from peers while involving its own innovation ecosystem.',
    translations: { it: { title: 'Metodo BETTER di apprendimento interregionale per l’innovazione dell’e-government' } },
    illustrative: false,
  },
  {
    key: 'tartu-testbed',
    owner: 'tartu',
    organisation: 'tartu-science-park',
    status: 'published',
    language: 'en',
    // Fact: the city offers itself as a testbed for smart-city solutions, with a landing page, key contacts and about ten smart services.
    title: 'Tartu – testbed of good thoughts',
    summary:
      'Tartu offers itself as a testbed for smart-city solutions: companies can try their products in real streets and services, with a landing page and key contacts at the city.',
    objective: 'Attract innovative companies to develop and prove smart-city solutions in Tartu, and bring the best of them into the city’s services.',
    description:
      'A single landing page explains what can be tested, which city data and infrastructure are available and who to contact. About ten smart services came out of the testbed, among them smart pedestrian crossings.\n\nThe city gives access and feedback; companies bring the solution and carry the risk of the pilot.',
    themes: ['smart-city', 'innovation-ecosystem', 'procurement-of-innovation'],
    keywords: ['testbed', 'pilots', 'smart pedestrian crossings'],
    city: 'Tartu',
    scope: 'local',
    evidence: 'About ten smart services developed with companies through the testbed.',
    transferPotential: 'Any city willing to open its streets and data to pilots, with a clear entry point for companies.',
    difficulties: 'Pilots need a person at the city who answers quickly; without one, companies lose interest.',
    translations: {
      et: {
        title: 'Tartu – heade mõtete linn',
        summary: 'Tartu pakub end targa linna lahenduste katsekeskkonnaks: ettevõtted saavad oma tooteid proovida päris tänavatel ja teenustes.',
      },
    },
    illustrative: false,
  },
  {
    key: 'tartu-crossings',
    owner: 'tartu',
    status: 'published',
    language: 'en',
    title: 'Smart pedestrian crossings',
    summary: 'Sensors detect pedestrians at busy crossings and light the crossing up for drivers, at night and in poor visibility.',
    description:
      'One of the smart services that came out of Tartu’s testbed: a local company piloted the crossings, the city bought the ones that proved themselves.',
    themes: ['smart-city', 'artificial-intelligence'],
    keywords: ['road safety', 'sensors'],
    city: 'Tartu',
    scope: 'local',
    startsOn: '2019-05-01',
    illustrative: true,
  },
  {
    key: 'gavle-eservices',
    owner: 'gavle',
    status: 'published',
    language: 'en',
    // Fact: Digital Renewal Programme since 2016, service-design method, about EUR 500,000 a year of central funding,
    // 150–200 processes improved by 2020, a national service-design award in 2018.
    title: 'E-service development and implementation in Gävle',
    summary:
      'Gävle’s Digital Renewal Programme improves the municipality’s services with a service-design method and central funding: 150 to 200 processes improved by 2020.',
    objective: 'Make every municipal service simpler for residents and cheaper to run, by redesigning processes before digitalising them.',
    description:
      'Since 2016 a central programme funds the redesign of services: teams map the process with the people who use it, remove steps, then build the e-service.\n\nAbout EUR 500,000 a year of central funding pays for service designers and developers who work with the departments.',
    themes: ['digital-services', 'skills'],
    keywords: ['service design', 'Digital Renewal Programme', 'process improvement'],
    city: 'Gävle',
    scope: 'local',
    resources: 'Central funding of about EUR 500,000 a year, service designers and developers.',
    resourcesEur: 500000,
    startsOn: '2016-01-01',
    evidence: 'Between 150 and 200 processes improved by 2020; a national service-design award in 2018.',
    transferPotential: 'Municipalities with a central digital unit; the method needs no particular technology.',
    difficulties: 'Departments must free time for their staff to take part in the design work.',
    translations: {
      sv: {
        title: 'Utveckling och införande av e-tjänster i Gävle',
        summary: 'Gävles program för digital förnyelse förbättrar kommunens tjänster med tjänstedesign och central finansiering.',
      },
    },
    illustrative: false,
  },
  {
    key: 'gavle-innovation-group',
    owner: 'gavle',
    status: 'published',
    language: 'en',
    // Fact (phase-2 action): an internal innovation group meeting every second week from spring 2022.
    title: 'Internal innovation group',
    summary: 'Staff from every department meet every second week to share ideas, test them quickly and spread what works across the municipality.',
    themes: ['skills', 'innovation-ecosystem'],
    keywords: ['innovation culture', 'change management'],
    city: 'Gävle',
    scope: 'local',
    startsOn: '2022-03-01',
    illustrative: false,
  },
  {
    key: 'birmingham-dips',
    owner: 'birmingham',
    organisation: 'wmia',
    status: 'published',
    language: 'en',
    // Fact: DIPS from late 2021, funded by the West Midlands Innovation Programme; open challenge briefs instead of detailed specifications.
    title: 'Digital Innovation in Public Services (DIPS): challenge-led procurement for digital SMEs',
    summary:
      'Council teams publish open challenge briefs instead of detailed specifications, so that digital SMEs can propose solutions and win public contracts.',
    objective: 'Open the council’s digital spending to small regional companies and to better ideas.',
    description:
      'A team describes the problem it wants solved, not the solution. Companies answer with their approach; the best are paid to build a prototype, and the one that works is bought.\n\nThe programme is funded by the West Midlands Innovation Programme.',
    themes: ['procurement-of-innovation', 'innovation-ecosystem', 'digital-services'],
    keywords: ['challenge briefs', 'SMEs', 'innovation procurement'],
    city: 'Birmingham',
    scope: 'regional',
    startsOn: '2021-10-01',
    transferPotential: 'Any authority whose procurement rules allow competitive dialogue or pre-commercial procurement.',
    difficulties: 'Procurement officers need training to write a good challenge brief.',
    illustrative: false,
  },
  {
    key: 'genoa-payments',
    owner: 'genoa',
    organisation: 'liguria-digitale',
    status: 'published',
    language: 'it',
    title: 'Pagamenti digitali dei servizi comunali',
    summary:
      'I cittadini pagano online tributi, multe e servizi scolastici con la piattaforma nazionale dei pagamenti, da computer o smartphone, e ricevono subito la ricevuta.',
    description: 'Il Comune ha collegato i propri servizi alla piattaforma nazionale dei pagamenti elettronici: un solo avviso di pagamento, molti canali.',
    themes: ['payments', 'digital-services'],
    keywords: ['pagamenti elettronici', 'tributi', 'multe'],
    city: 'Genova',
    scope: 'local',
    startsOn: '2020-03-01',
    translations: {
      en: {
        title: 'Digital payments for municipal services',
        summary: 'Citizens pay local taxes, fines and school services online through the national payments platform, and get their receipt at once.',
      },
    },
    illustrative: true,
  },
  {
    key: 'genoa-open-data',
    owner: 'genoa',
    status: 'published',
    language: 'en',
    title: 'Genoa open data portal',
    summary: 'The city publishes its datasets – mobility, environment, tourism – as open data that companies and researchers reuse for new services.',
    themes: ['open-data', 'smart-city'],
    city: 'Genoa',
    scope: 'local',
    illustrative: true,
  },
  {
    key: 'nyh-data-platform',
    owner: 'nyiregyhaza',
    status: 'published',
    language: 'en',
    // Fact (programme target): a data platform integrating local initiatives with the smart regional strategy.
    title: 'Smart city data platform integrating local initiatives',
    summary:
      'One platform gathers the data of the city’s local initiatives and links them to the smart regional strategy, so that decisions use the same figures.',
    themes: ['open-data', 'smart-city'],
    city: 'Nyíregyháza',
    scope: 'regional',
    startsOn: '2021-01-01',
    translations: { hu: { title: 'Helyi kezdeményezéseket összekapcsoló okosváros-adatplatform' } },
    illustrative: true,
  },
  {
    key: 'nyh-ai-assistant',
    owner: 'nyiregyhaza',
    status: 'submitted',
    language: 'en',
    title: 'AI assistant for citizen enquiries',
    summary: 'An assistant answers residents’ common questions about municipal services at any hour, and passes the rest to the right office.',
    themes: ['artificial-intelligence', 'digital-services'],
    city: 'Nyíregyháza',
    scope: 'local',
    illustrative: true,
  },
  {
    key: 'birmingham-health-data',
    owner: 'birmingham',
    organisation: 'bcu',
    status: 'draft',
    language: 'en',
    title: 'Open data for public health decisions',
    summary: 'The council’s public health team and a city university combine open data to target prevention where it is needed most.',
    themes: ['open-data'],
    city: 'Birmingham',
    scope: 'local',
    illustrative: true,
  },
  {
    key: 'tartu-lectures',
    owner: 'tartu',
    organisation: 'unitartu',
    status: 'proposed',
    language: 'en',
    title: 'Open lecture series on digital government',
    summary: 'The university opens a lecture series on digital government to city staff and residents, with cases from Tartu’s own services.',
    themes: ['skills'],
    city: 'Tartu',
    scope: 'local',
    illustrative: true,
  },
];

interface DemoTransfer {
  practice: string;
  importer: DemoPartnerKey;
  stages: [TransferStage, string, string][];
  assessments?: { label: string; scores: [number, number, number, number]; comment: string }[];
}

const transfers: DemoTransfer[] = [
  {
    practice: 'tartu-testbed',
    importer: 'genoa',
    stages: [
      ['interest', '2020-02-15', 'Raised at the thematic event in Tartu (January 2020).'],
      ['study_visit', '2020-06-10', 'Online study visit while travel was restricted.'],
      ['assessment', '2020-07-01', 'Genoa’s delegation assessed the testbed.'],
      ['import_workshop', '2021-03-10', 'Tartu and Genoa adapted the landing page and contact model to Genoa.'],
      ['adopted', '2022-06-30', 'Action 2 of Genoa’s Regional Action Plan.'],
      ['implemented', '2023-03-01', 'Genoa’s testbed page opened to companies.'],
    ],
    assessments: [
      { label: 'Genoa study visit delegation', scores: [5, 4, 4, 5], comment: 'Fits the smart-city strategy; procurement rules need a check.' },
      { label: 'Liguria Digitale', scores: [4, 4, 3, 4], comment: 'Data access needs an agreement per pilot.' },
    ],
  },
  {
    practice: 'gavle-eservices',
    importer: 'nyiregyhaza',
    stages: [
      ['interest', '2021-09-15', ''],
      // Fact: presented at a study visit on 27 October 2021.
      ['study_visit', '2021-10-27', 'Gävle presented the programme at the study visit.'],
      ['assessment', '2021-11-20', ''],
    ],
    assessments: [{ label: 'Nyíregyháza study visit delegation', scores: [5, 3, 3, 4], comment: 'Central funding would need a council decision.' }],
  },
  {
    practice: 'birmingham-dips',
    importer: 'tartu',
    stages: [
      ['interest', '2022-01-20', ''],
      ['study_visit', '2022-03-10', 'Online visit with the West Midlands Innovation Alliance.'],
      ['import_workshop', '2022-05-12', ''],
      ['adopted', '2022-09-01', 'Included in Tartu’s Regional Action Plan.'],
    ],
  },
  { practice: 'genoa-payments', importer: 'birmingham', stages: [['interest', '2022-02-01', '']] },
  {
    practice: 'nyh-data-platform',
    importer: 'gavle',
    stages: [
      ['interest', '2021-05-04', ''],
      ['study_visit', '2021-06-15', ''],
    ],
  },
];

const needs: [DemoPartnerKey, string, string][] = [
  ['tartu', 'payments', 'How to let citizens pay municipal fees and fines online, through one payment notice.'],
  ['genoa', 'procurement-of-innovation', 'Open challenge briefs so that small digital companies can win city contracts.'],
  ['birmingham', 'smart-city', 'Testing smart-city solutions with companies in real streets before buying them.'],
  ['gavle', 'open-data', 'Publishing municipal data that companies reuse for new services.'],
  ['nyiregyhaza', 'digital-services', 'A service-design method to improve processes before digitalising them.'],
  ['nyiregyhaza', 'skills', 'Building an innovation culture among municipal staff.'],
];

const demoActor = { actorUserId: null, actorLabel: 'demo seed' };

async function seedDemoPractices(
  trx: Tx,
  programmeId: number,
  partners: DemoPartners,
  proposerUserId: number | null,
): Promise<{ practices: number; transfers: number; practiceIds: Map<string, number>; transferIds: Map<string, number> }> {
  const ids = new Map<string, number>();
  for (const practice of practices) {
    const [country, nutsCode] = nuts[practice.owner];
    const values: queries.PracticeValues = {
      programmeId,
      ownerPartnerId: partners.partnerIds[practice.owner],
      ownerOrganisationId: practice.organisation ? (partners.organisationIds[practice.organisation] ?? null) : null,
      language: practice.language,
      title: practice.title,
      summary: practice.summary,
      objective: practice.objective ?? '',
      description: practice.description ?? '',
      locationCountry: country,
      locationNuts: nutsCode,
      locationCity: practice.city ?? null,
      geographicalScope: practice.scope,
      resources: practice.resources ?? '',
      resourcesEur: practice.resourcesEur ?? null,
      startsOn: practice.startsOn ?? null,
      endsOn: practice.endsOn ?? null,
      evidence: practice.evidence ?? '',
      transferPotential: practice.transferPotential ?? '',
      difficulties: practice.difficulties ?? '',
      links: [],
      keywords: practice.keywords ?? [],
      contactName: 'European projects office',
      contactEmail: `better.${practice.owner}@example.org`,
      translations: practice.translations ?? {},
    };
    const id = await queries.insertPractice(trx, values, practice.status, practice.status === 'proposed' ? proposerUserId : null);
    ids.set(practice.key, id);
    await queries.replaceThemes(trx, id, practice.themes);
    await queries.insertHistory(trx, { practiceId: id, from: null, to: practice.status, comment: '', ...demoActor });
  }
  const transferIds = new Map<string, number>();
  for (const transfer of transfers) {
    const transferId = await transferQueries.insertTransfer(trx, ids.get(transfer.practice) as number, partners.partnerIds[transfer.importer]);
    transferIds.set(`${transfer.practice}>${transfer.importer}`, transferId);
    for (const [stage, occurredOn, notes] of transfer.stages) {
      await transferQueries.insertStage(trx, { transferId, stage, occurredOn, notes, userId: null, label: 'demo seed' });
      await transferQueries.setTransferStage(trx, transferId, stage);
    }
    for (const assessment of transfer.assessments ?? []) {
      const [fit, feasibility, cost, support] = assessment.scores;
      await transferQueries.upsertAssessment(
        trx,
        transferId,
        { userId: null, label: assessment.label },
        {
          fitScore: fit,
          fitComment: assessment.comment,
          feasibilityScore: feasibility,
          feasibilityComment: '',
          costScore: cost,
          costComment: '',
          supportScore: support,
          supportComment: '',
        },
      );
    }
  }
  for (const [partner, themeCode, description] of needs) await needQueries.insertNeed(trx, { partnerId: partners.partnerIds[partner], themeCode, description });
  await needQueries.refreshRecommendations(trx, { programmeId });
  return { practices: practices.length, transfers: transfers.length, practiceIds: ids, transferIds };
}

declare module '../../core/module.js' {
  interface DemoRecords {
    /** Demo practice and transfer ids by key. */
    practiceIds: Map<string, number>;
    transferIds: Map<string, number>;
  }
  interface DemoCounts {
    practices: number;
    transfers: number;
  }
}

export const practicesDemoSeed: DemoSeed = {
  after: ['programmes', 'partners', 'accounts'],
  async run(trx, { programme, partners, accounts }) {
    const { practiceIds, transferIds, ...counts } = await seedDemoPractices(trx, programme.id, partners, accounts.get('stakeholder') ?? null);
    return { records: { practiceIds, transferIds }, counts };
  },
};
