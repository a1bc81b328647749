/**
 * Demo data: one Regional Action Plan per BETTER partner, 3–5 actions each inspired by the demo's good practices,
 * events and transfers, endorsed in summer 2022, with phase-2 reports for semesters 7 and 8 in a mix of statuses.
 * Facts (../shared/demo-facts.md): Birmingham moved its policy instrument from an ERDF call to the West Midlands
 * Innovation Programme after the UK left the ERDF, so its plan has a second endorsed version; Gävle's phase-2
 * actions are its internal innovation group, webinars on innovation culture, and a three-workshop training.
 * Other details are illustrative; Nyíregyháza has a revision in progress with a comment from the coordinator.
 */
import type { Tx } from '../../core/db/database.js';
import type { DemoRecords, DemoSeed } from '../../core/module.js';
import type { ImprovementType, PlanAction, PlanContent, PolicyInstrument } from './content.js';
import * as reportQueries from './reports/queries.js';
import type { ReportStatus } from './tables.js';
import * as queries from './writing/queries.js';

type DemoPartners = DemoRecords['partners'];
type DemoPartnerKey = keyof DemoPartners['partnerIds'];

interface Links {
  practiceIds: Map<string, number>;
  transferIds: Map<string, number>;
  eventIds: Map<string, number>;
  coordinatorId: number | null;
}

type DemoAction = Omit<PlanAction, 'key' | 'practiceIds' | 'eventIds' | 'transferIds' | 'players'> & {
  key: string;
  practices?: string[];
  events?: string[];
  transfers?: string[];
  players?: [string, string][];
  /** Status, percent and money spent reported in semesters 7 and 8. */
  reports: [ReportStatus, number, number][];
  improved?: [ImprovementType, string];
};

interface DemoPlan {
  partner: DemoPartnerKey;
  contact: string;
  instruments: Omit<PolicyInstrument, 'key'>[];
  actions: DemoAction[];
  endorsedOn: string;
  endorsedBy: string;
  endorsingBody: string;
}

const funding = (lines: [string, number][]) => lines.map(([source, amountEur]) => ({ source, amountEur }));

const plans: DemoPlan[] = [
  {
    partner: 'genoa',
    contact: 'Smart city office',
    endorsedOn: '2022-07-14',
    endorsedBy: 'Deputy mayor for digital innovation',
    endorsingBody: 'Municipality of Genoa, city council',
    instruments: [
      {
        name: 'ROP ERDF Liguria 2014–2020, axis 2 (digital agenda)',
        kind: 'investment_for_growth',
        managingBody: 'Liguria Region',
        improvement: 'New projects financed under the axis, inspired by the partners’ practices.',
      },
    ],
    actions: [
      {
        key: 'gtestbed',
        title: 'A testbed for smart-city solutions in Genoa',
        background: 'Learnt at the study visit to Tartu and the import workshop that followed.',
        practices: ['tartu-testbed'],
        events: ['Study visit: Tartu’s testbed of good thoughts', 'Import workshop: a testbed for smart-city solutions in Genoa'],
        transfers: ['tartu-testbed>genoa'],
        description: 'One entry point where companies propose pilots in city streets and services, with a contact person and open data.',
        players: [
          ['genova-smart', 'Pilot provider'],
          ['unige', 'Evaluation of the pilots'],
        ],
        startsOn: '2022-09-01',
        endsOn: '2023-12-31',
        milestones: [{ dueOn: '2022-12-15', title: 'Landing page and call for pilots online' }],
        costsEur: 180000,
        funding: funding([
          ['ROP ERDF Liguria', 120000],
          ['Municipal budget', 60000],
        ]),
        improvementType: 'new_project',
        instrumentsText: 'Testbed landing page; open data of the pilots',
        reports: [
          ['on_track', 30, 52000],
          ['on_track', 60, 104000],
        ],
        improved: ['new_project', 'The region financed the testbed under axis 2.'],
      },
      {
        key: 'gopendata',
        title: 'Open data for decisions',
        background: 'Inspired by Nyíregyháza’s data platform at thematic event 3.',
        practices: ['nyh-data-platform'],
        events: ['Thematic event 3: new business models and ways of working across public, private and community sectors'],
        description: 'Publish the city’s service data and use the same figures in council decisions.',
        players: [['liguria-digitale', 'Data platform operator']],
        startsOn: '2022-10-01',
        endsOn: '2023-06-30',
        milestones: [],
        costsEur: 90000,
        funding: funding([['Municipal budget', 90000]]),
        improvementType: 'management_change',
        instrumentsText: 'Open data catalogue (DCAT-AP)',
        reports: [
          ['on_track', 40, 35000],
          ['completed', 100, 88000],
        ],
      },
      {
        key: 'gpayments',
        title: 'One payment notice for every municipal fee',
        background: 'The city’s own practice, extended after peer review at the thematic events.',
        practices: ['genoa-payments'],
        description: 'Extend the single payment notice to the remaining fees and fines.',
        players: [['genova-civic', 'User testing']],
        startsOn: '2022-09-01',
        endsOn: '2023-03-31',
        milestones: [],
        costsEur: 60000,
        funding: funding([['Municipal budget', 60000]]),
        improvementType: 'management_change',
        instrumentsText: 'Payment notices for all fees',
        reports: [
          ['delayed', 20, 15000],
          ['delayed', 45, 30000],
        ],
      },
    ],
  },
  {
    partner: 'tartu',
    contact: 'Smart city unit',
    endorsedOn: '2022-06-30',
    endorsedBy: 'Deputy mayor',
    endorsingBody: 'Tartu City Government',
    instruments: [
      {
        name: 'Tartu smart city programme 2030',
        kind: 'other_regional',
        managingBody: 'Tartu City Government',
        improvement: 'Challenge-led procurement and stakeholder involvement added to the programme.',
      },
    ],
    actions: [
      {
        key: 'tbriefs',
        title: 'Challenge briefs for city contracts',
        background: 'Adapted from Birmingham’s DIPS at the import workshop in Tartu.',
        practices: ['birmingham-dips'],
        events: ['Import workshop: challenge briefs in Tartu'],
        transfers: ['birmingham-dips>tartu'],
        description: 'City units publish problems as open challenge briefs so that small digital companies can propose solutions.',
        players: [
          ['tartu-science-park', 'Reaches start-ups'],
          ['tartu-mobility', 'First supplier'],
        ],
        startsOn: '2022-08-01',
        endsOn: '2023-07-31',
        milestones: [{ dueOn: '2022-11-30', title: 'First three briefs published' }],
        costsEur: 75000,
        funding: funding([['City budget', 75000]]),
        improvementType: 'structural_change',
        instrumentsText: '',
        reports: [
          ['on_track', 35, 20000],
          ['completed', 100, 71000],
        ],
        improved: ['structural_change', 'Challenge briefs became a procurement route of the smart city programme.'],
      },
      {
        key: 'tcrossings',
        title: 'Smart crossings in four more places',
        background: 'Scaling up the testbed’s smart pedestrian crossings.',
        practices: ['tartu-crossings'],
        description: 'Install the sensor-lit crossings at four more busy crossings.',
        players: [],
        startsOn: '2022-09-01',
        endsOn: '2023-05-31',
        milestones: [],
        costsEur: 120000,
        funding: funding([
          ['City budget', 100000],
          ['Road safety fund', 20000],
        ]),
        improvementType: 'new_project',
        instrumentsText: 'Smart pedestrian crossings',
        reports: [
          ['on_track', 50, 60000],
          ['completed', 100, 118000],
        ],
      },
      {
        key: 'tlectures',
        title: 'Open lectures on e-government for residents',
        background: 'Inspired by the exchanges at thematic event 4.',
        description: 'A series of open lectures with the university.',
        players: [['unitartu', 'Lecturers']],
        startsOn: '2022-09-15',
        endsOn: '2023-05-15',
        milestones: [],
        costsEur: 15000,
        funding: funding([['City budget', 15000]]),
        improvementType: 'management_change',
        instrumentsText: '',
        reports: [
          ['on_track', 50, 7000],
          ['on_track', 90, 13000],
        ],
      },
    ],
  },
  {
    partner: 'nyiregyhaza',
    contact: 'Development department',
    endorsedOn: '2022-07-28',
    endorsedBy: 'Mayor',
    endorsingBody: 'Municipality of Nyíregyháza, general assembly',
    instruments: [
      {
        name: 'TOP – Territorial and Settlement Development Operational Programme',
        kind: 'investment_for_growth',
        managingBody: 'Ministry of Finance',
        improvement: 'Digital service projects of the town selected with service design.',
      },
    ],
    actions: [
      {
        key: 'ndesign',
        title: 'Service design for the town’s e-services',
        background: 'Imported from Gävle’s e-service development programme.',
        practices: ['gavle-eservices'],
        events: ['Import workshop: service design in Nyíregyháza'],
        transfers: ['gavle-eservices>nyiregyhaza'],
        description: 'Redesign five services with their users before digitalising them.',
        players: [
          ['nyh-services', 'Service owner'],
          ['uni-nyiregyhaza', 'User research'],
        ],
        startsOn: '2022-09-01',
        endsOn: '2023-08-31',
        milestones: [],
        costsEur: 95000,
        funding: funding([
          ['TOP', 80000],
          ['Municipal budget', 15000],
        ]),
        improvementType: 'new_project',
        instrumentsText: 'Five redesigned e-services',
        reports: [
          ['on_track', 25, 18000],
          ['on_track', 55, 47000],
        ],
      },
      {
        key: 'nassistant',
        title: 'An AI assistant for citizen enquiries',
        background: 'The town’s own pilot, reviewed by the partners.',
        description: 'Put the assistant into service on the town’s website.',
        players: [['nyirseg-digital', 'Supplier']],
        startsOn: '2022-10-01',
        endsOn: '2023-06-30',
        milestones: [],
        costsEur: 40000,
        funding: funding([['Municipal budget', 40000]]),
        improvementType: 'management_change',
        instrumentsText: 'AI assistant',
        reports: [
          ['delayed', 10, 5000],
          ['cancelled', 10, 5000],
        ],
      },
      {
        key: 'ndata',
        title: 'A data platform for local initiatives',
        background: 'Extending the platform presented at thematic event 3.',
        practices: ['nyh-data-platform'],
        description: 'Open the platform to neighbouring municipalities.',
        players: [['szszb-chamber', 'Reaches local companies']],
        startsOn: '2022-11-01',
        endsOn: '2023-10-31',
        milestones: [],
        costsEur: 70000,
        funding: funding([['TOP', 70000]]),
        improvementType: 'new_project',
        instrumentsText: 'Shared data platform',
        reports: [
          ['not_started', 0, 0],
          ['on_track', 30, 21000],
        ],
      },
    ],
  },
  {
    partner: 'birmingham',
    contact: 'Inclusive growth directorate',
    endorsedOn: '2022-06-21',
    endorsedBy: 'Cabinet member for digital, culture, heritage and tourism',
    endorsingBody: 'Birmingham City Council, cabinet',
    instruments: [
      {
        name: 'ERDF call for digital innovation in the West Midlands',
        kind: 'investment_for_growth',
        managingBody: 'Ministry of Housing, Communities and Local Government',
        improvement: 'A call for challenge-led projects with SMEs.',
      },
    ],
    actions: [
      {
        key: 'bdips',
        title: 'Digital Innovation in Public Services (DIPS)',
        background: 'Shaped by the study visits and the partners’ procurement practices.',
        practices: ['birmingham-dips'],
        events: ['Study visit: challenge-led procurement for digital SMEs (DIPS)'],
        description: 'Council teams publish open challenge briefs instead of detailed specifications so that digital SMEs can win contracts.',
        players: [
          ['wmia', 'Programme partner'],
          ['brum-digital', 'SME supplier'],
        ],
        startsOn: '2022-01-01',
        endsOn: '2023-12-31',
        milestones: [{ dueOn: '2022-04-30', title: 'First challenge briefs' }],
        costsEur: 400000,
        funding: funding([
          ['West Midlands Innovation Programme', 300000],
          ['Council budget', 100000],
        ]),
        improvementType: 'structural_change',
        instrumentsText: 'Challenge brief portal',
        reports: [
          ['on_track', 45, 180000],
          ['on_track', 70, 280000],
        ],
        improved: ['structural_change', 'The West Midlands Innovation Programme funds challenge-led procurement.'],
      },
      {
        key: 'bpayments',
        title: 'One payment notice for council fees',
        background: 'Imported from Genoa at the import workshop.',
        practices: ['genoa-payments'],
        events: ['Import workshop: one payment notice for Birmingham'],
        transfers: ['genoa-payments>birmingham'],
        description: 'Bring the council’s fees onto one payment notice.',
        players: [['brum-civic', 'User testing']],
        startsOn: '2022-09-01',
        endsOn: '2023-09-30',
        milestones: [],
        costsEur: 110000,
        funding: funding([['Council budget', 110000]]),
        improvementType: 'management_change',
        instrumentsText: 'Single payment notice',
        reports: [
          ['on_track', 30, 30000],
          ['delayed', 45, 52000],
        ],
      },
      {
        key: 'bhealth',
        title: 'Open data for public health',
        background: 'The council’s own practice, shown at the study visit.',
        description: 'Publish the public health team’s indicators as open data.',
        players: [['bcu', 'Analysis']],
        startsOn: '2022-10-01',
        endsOn: '2023-03-31',
        milestones: [],
        costsEur: 35000,
        funding: funding([['Council budget', 35000]]),
        improvementType: 'new_project',
        instrumentsText: 'Open health data',
        reports: [
          ['completed', 100, 34000],
          ['completed', 100, 34000],
        ],
      },
    ],
  },
  {
    partner: 'gavle',
    contact: 'Digital development office',
    endorsedOn: '2022-06-15',
    endorsedBy: 'Chair of the municipal executive board',
    endorsingBody: 'Gävle Municipality, executive board',
    instruments: [
      {
        name: 'Gävle digital renewal programme',
        kind: 'other_regional',
        managingBody: 'Gävle Municipality',
        improvement: 'Innovation capacity and user involvement built into the programme.',
      },
    ],
    actions: [
      // Fact: an internal innovation group from spring 2022, meeting every second week.
      {
        key: 'vgroup',
        title: 'Internal innovation group',
        background: 'Inspired by the partners’ innovation cultures, discussed at the study visit in Gävle.',
        practices: ['gavle-innovation-group'],
        events: ['Study visit: the internal innovation group in Gävle'],
        description: 'A cross-department group meeting every second week to move ideas into services.',
        players: [['hig', 'Facilitation']],
        startsOn: '2022-03-01',
        endsOn: '2023-06-30',
        milestones: [],
        costsEur: 30000,
        funding: funding([['Municipal budget', 30000]]),
        improvementType: 'management_change',
        instrumentsText: '',
        reports: [
          ['on_track', 60, 18000],
          ['completed', 100, 29000],
        ],
        improved: ['management_change', 'The innovation group is now part of how the digital renewal programme chooses projects.'],
      },
      // Fact: webinars on innovation culture, user involvement and change management.
      {
        key: 'vwebinars',
        title: 'Webinars on innovation culture, user involvement and change management',
        background: 'Following the thematic events on people and skills.',
        events: ['Thematic event 4: people and skills to make it happen'],
        description: 'A webinar series for managers and staff.',
        players: [['region-gavleborg', 'Co-organiser']],
        startsOn: '2022-09-01',
        endsOn: '2023-02-28',
        milestones: [],
        costsEur: 12000,
        funding: funding([['Municipal budget', 12000]]),
        improvementType: 'management_change',
        instrumentsText: '',
        reports: [
          ['on_track', 50, 6000],
          ['completed', 100, 11500],
        ],
      },
      // Fact: an innovation-capacity training of three workshops.
      {
        key: 'vtraining',
        title: 'Innovation-capacity training in three workshops',
        background: 'Designed with the partners after the study visits.',
        description: 'Three workshops for the digital development office and service owners.',
        players: [['gavle-forum', 'Citizen perspective']],
        startsOn: '2022-10-01',
        endsOn: '2023-04-30',
        milestones: [
          { dueOn: '2022-11-15', title: 'Workshop 1' },
          { dueOn: '2023-01-20', title: 'Workshop 2' },
          { dueOn: '2023-03-24', title: 'Workshop 3' },
        ],
        costsEur: 25000,
        funding: funding([['Municipal budget', 25000]]),
        improvementType: 'management_change',
        instrumentsText: '',
        reports: [
          ['on_track', 35, 9000],
          ['completed', 100, 24000],
        ],
      },
      {
        key: 'vdata',
        title: 'A data platform for local initiatives',
        background: 'Imported from Nyíregyháza (study visit and import workshop).',
        practices: ['nyh-data-platform'],
        events: ['Import workshop: a data platform for Gävle’s local initiatives'],
        transfers: ['nyh-data-platform>gavle'],
        description: 'Gather the data of local initiatives on one platform.',
        players: [['gavle-digital', 'Supplier']],
        startsOn: '2022-11-01',
        endsOn: '2023-10-31',
        milestones: [],
        costsEur: 85000,
        funding: funding([['Municipal budget', 60000]]),
        improvementType: 'new_project',
        instrumentsText: 'Local initiatives data platform',
        reports: [
          ['not_started', 0, 0],
          ['delayed', 15, 9000],
        ],
      },
    ],
  },
];

function contentOf(plan: DemoPlan, partners: DemoPartners, links: Links): PlanContent {
  const ids = (keys: string[] | undefined, map: Map<string, number>) => (keys ?? []).map((key) => map.get(key)).filter((id): id is number => id !== undefined);
  return {
    // The demo's plans are written in English, the programme's working language.
    language: 'en',
    contact: { name: plan.contact, email: null },
    instruments: plan.instruments.map((instrument, index) => ({ key: `${plan.partner.slice(0, 4)}i${index + 1}`, ...instrument })),
    actions: plan.actions.map(({ practices, events, transfers, players, reports: _reports, improved: _improved, ...action }) => ({
      ...action,
      practiceIds: ids(practices, links.practiceIds),
      eventIds: ids(events, links.eventIds),
      transferIds: ids(transfers, links.transferIds),
      players: (players ?? [])
        .map(([organisation, role]) => ({ organisationId: partners.organisationIds[organisation] as number, role }))
        .filter((player) => player.organisationId !== undefined),
    })),
  };
}

async function seedDemoPlans(trx: Tx, programmeId: number, partners: DemoPartners, links: Links): Promise<number> {
  const author = { userId: null, label: 'demo seed' };
  for (const plan of plans) {
    const planId = await queries.insertPlan(trx, programmeId, partners.partnerIds[plan.partner]);
    const content = contentOf(plan, partners, links);
    let versions = [content];
    if (plan.partner === 'birmingham') {
      // Fact: after the UK left the ERDF, the plan's instrument moved to the West Midlands Innovation Programme.
      const revised = structuredClone(content);
      revised.instruments = [
        {
          key: 'birmi1',
          name: 'West Midlands Innovation Programme',
          kind: 'other_regional',
          managingBody: 'West Midlands Combined Authority',
          improvement: 'Challenge-led projects with SMEs funded by the programme instead of the ERDF call.',
        },
      ];
      const [first] = revised.actions;
      if (first) first.background = `${first.background} Funded by the West Midlands Innovation Programme since the UK left the ERDF.`;
      versions = [content, revised];
    }
    for (const [index, version] of versions.entries()) {
      await queries.insertVersion(trx, planId, index + 1, version);
      const row = await queries.lockOpenVersion(trx, planId);
      if (!row) continue;
      await queries.setVersionStatus(trx, row.id, 'endorsed', {
        endorsement: { on: index === 0 ? plan.endorsedOn : '2023-02-14', by: plan.endorsedBy, body: plan.endorsingBody },
      });
    }
    for (const action of plan.actions) {
      for (const [offset, [status, percent, spent]] of action.reports.entries()) {
        const improvement = offset === action.reports.length - 1 ? action.improved : undefined;
        const reportId = await reportQueries.insertReport(trx, {
          planId,
          actionKey: action.key,
          semester: 7 + offset,
          status,
          percentComplete: percent,
          spentEur: spent,
          workDone: status === 'not_started' ? 'Preparation only.' : `Work on “${action.title}” as planned for the semester.`,
          instrumentImproved: improvement !== undefined,
          improvementType: improvement?.[0] ?? null,
          improvementDescription: improvement?.[1] ?? '',
          supersedesId: null,
          ...author,
        });
        // An improvement counts once evidence backs it (the Interreg rule); the demo's evidence is the project's page.
        if (improvement) await reportQueries.insertEvidence(trx, reportId, [{ url: 'https://www.interregeurope.eu/better' }]);
      }
    }
    // The demo's semesters are history: their reminders went out at the time, not now.
    for (let semester = 1; semester <= 8; semester += 1) await reportQueries.recordReminder(trx, planId, semester);
    if (plan.partner === 'nyiregyhaza') {
      // A revision in progress, with the coordinator's comment on the cancelled action.
      await queries.insertVersion(trx, planId, 2, content);
      await queries.insertComment(trx, {
        planId,
        versionNumber: 2,
        target: 'action:nassistant',
        body: 'The assistant was cancelled in semester 8: could the budget move to the service design action?',
        userId: links.coordinatorId,
        label: 'Chiara Coordinator',
      });
    }
  }
  return plans.length;
}

declare module '../../core/module.js' {
  interface DemoCounts {
    plans: number;
  }
}

export const plansDemoSeed: DemoSeed = {
  after: ['programmes', 'partners', 'accounts', 'practices', 'events'],
  async run(trx, { programme, partners, accounts, practiceIds, transferIds, eventIds }) {
    const plans = await seedDemoPlans(trx, programme.id, partners, { practiceIds, transferIds, eventIds, coordinatorId: accounts.get('coordinator') ?? null });
    return { counts: { plans } };
  },
};
