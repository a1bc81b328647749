/**
 * Demo data: the BETTER phase-1 events (../shared/demo-facts.md) — four thematic events, ten study visits, five
 * import workshops and five regional events — with registrations, attendance and feedback so every statistic has
 * figures, and two upcoming events to register for. Dates and details the public record does not give are
 * marked `illustrative`; the people are fictitious and generated from a fixed seed.
 */
import type { Tx } from '../../core/db/database.js';
import type { DemoRecords, DemoSeed } from '../../core/module.js';
import type { Locale } from '../../core/i18n/locales.js';
import { hashToken, newToken } from '../../core/tokens.js';
import { markAttendedAt } from './attendance/queries.js';
import * as feedbackQueries from './feedback/queries.js';
import * as queries from './hosting/queries.js';
import * as registrationQueries from './registration/queries.js';
import { instantOf } from './time.js';
import type { EventFormat, EventType, ParticipantRole } from './tables.js';

type DemoPartners = DemoRecords['partners'];
type DemoPartnerKey = keyof DemoPartners['partnerIds'];

interface DemoEvent {
  type: EventType;
  host: DemoPartnerKey;
  visiting?: DemoPartnerKey[];
  title: string;
  description?: string;
  theme?: string;
  format: EventFormat;
  venue?: string;
  onlineUrl?: string;
  zone: string;
  /** Wall-clock times in the zone, ISO without offset. */
  starts: string;
  ends: string;
  capacity?: number;
  agenda?: [string | null, string][];
  practices?: string[];
  /** How many people registered (past events: most of them attended). */
  people: number;
  illustrative: boolean;
}

const zones: Record<DemoPartnerKey, string> = {
  genoa: 'Europe/Rome',
  tartu: 'Europe/Tallinn',
  nyiregyhaza: 'Europe/Budapest',
  birmingham: 'Europe/London',
  gavle: 'Europe/Stockholm',
};
const everyone: DemoPartnerKey[] = ['genoa', 'tartu', 'nyiregyhaza', 'birmingham', 'gavle'];
const others = (host: DemoPartnerKey) => everyone.filter((partner) => partner !== host);

const events: DemoEvent[] = [
  // Fact: four thematic events on the four key issues; TE1 in Gävle in October 2019 (days illustrative).
  {
    type: 'thematic_event',
    host: 'gavle',
    visiting: others('gavle'),
    title: 'Thematic event 1: physical and virtual infrastructure that supports innovation',
    theme: 'digital-services',
    format: 'on_site',
    venue: 'Gävle City Hall, Drottninggatan 22, Gävle',
    zone: zones.gavle,
    starts: '2019-10-16T09:00',
    ends: '2019-10-17T15:00',
    people: 42,
    illustrative: true,
    practices: ['gavle-eservices'],
  },
  // Fact: TE2 in Tartu on 30–31 January 2020 alongside a start-up festival: two keynotes, three workshops, a demo-centre visit.
  {
    type: 'thematic_event',
    host: 'tartu',
    visiting: others('tartu'),
    title: 'Thematic event 2: developing and applying new innovative products and services',
    description:
      'Held alongside Tartu’s start-up festival, with two keynotes (one on the Estonian e-government ecosystem), three thematic workshops and a visit to a demo centre.',
    theme: 'innovation-ecosystem',
    format: 'on_site',
    venue: 'Tartu City Government, Raekoja plats 1, Tartu',
    zone: zones.tartu,
    starts: '2020-01-30T09:30',
    ends: '2020-01-31T16:00',
    agenda: [
      ['09:30', 'Welcome by the host'],
      ['10:00', 'Keynote: the Estonian e-government ecosystem'],
      ['11:00', 'Keynote: cities as testbeds for start-ups'],
      ['13:30', 'Three thematic workshops'],
      [null, 'Day 2: visit to a demo centre of smart-city solutions'],
    ],
    practices: ['tartu-testbed', 'tartu-crossings'],
    people: 48,
    illustrative: false,
  },
  // Fact: TE3 online over three days in June 2020 (planned for Birmingham); days illustrative.
  {
    type: 'thematic_event',
    host: 'birmingham',
    visiting: others('birmingham'),
    title: 'Thematic event 3: new business models and ways of working across public, private and community sectors',
    description: 'Online over three days instead of in Birmingham.',
    theme: 'open-data',
    format: 'online',
    onlineUrl: 'https://meet.example.org/better-te3',
    zone: zones.birmingham,
    starts: '2020-06-16T10:00',
    ends: '2020-06-18T13:00',
    agenda: [
      [null, 'Day 1: public–private data collection'],
      [null, 'Day 2: city platforms and data visualisation for decisions'],
      [null, 'Day 3: design thinking for public administrations'],
    ],
    practices: ['birmingham-health-data', 'nyh-data-platform'],
    people: 55,
    illustrative: true,
  },
  {
    type: 'thematic_event',
    host: 'nyiregyhaza',
    visiting: others('nyiregyhaza'),
    title: 'Thematic event 4: people and skills to make it happen',
    theme: 'skills',
    format: 'online',
    onlineUrl: 'https://meet.example.org/better-te4',
    zone: zones.nyiregyhaza,
    starts: '2021-03-10T10:00',
    ends: '2021-03-10T15:30',
    people: 38,
    illustrative: true,
    practices: ['gavle-innovation-group', 'tartu-lectures'],
  },
  // Fact: ten study visits, online while travel was restricted; Gävle's e-service programme was presented on 27 October 2021.
  {
    type: 'study_visit',
    host: 'tartu',
    visiting: ['genoa'],
    title: 'Study visit: Tartu’s testbed of good thoughts',
    theme: 'smart-city',
    format: 'online',
    onlineUrl: 'https://meet.example.org/sv-tartu',
    zone: zones.tartu,
    starts: '2020-10-06T10:00',
    ends: '2020-10-06T13:00',
    practices: ['tartu-testbed'],
    people: 18,
    illustrative: true,
  },
  {
    type: 'study_visit',
    host: 'genoa',
    visiting: ['birmingham'],
    title: 'Study visit: digital payments of municipal services in Genoa',
    theme: 'payments',
    format: 'online',
    onlineUrl: 'https://meet.example.org/sv-genoa',
    zone: zones.genoa,
    starts: '2020-11-12T10:00',
    ends: '2020-11-12T12:30',
    practices: ['genoa-payments'],
    people: 16,
    illustrative: true,
  },
  {
    type: 'study_visit',
    host: 'nyiregyhaza',
    visiting: ['gavle'],
    title: 'Study visit: Nyíregyháza’s smart city data platform',
    theme: 'open-data',
    format: 'online',
    onlineUrl: 'https://meet.example.org/sv-nyh',
    zone: zones.nyiregyhaza,
    starts: '2021-06-15T09:30',
    ends: '2021-06-15T12:00',
    practices: ['nyh-data-platform'],
    people: 15,
    illustrative: true,
  },
  {
    type: 'study_visit',
    host: 'birmingham',
    visiting: ['genoa', 'tartu'],
    title: 'Study visit: open data for public health in Birmingham',
    theme: 'open-data',
    format: 'online',
    onlineUrl: 'https://meet.example.org/sv-bham-health',
    zone: zones.birmingham,
    starts: '2021-02-09T13:00',
    ends: '2021-02-09T15:30',
    practices: ['birmingham-health-data'],
    people: 20,
    illustrative: true,
  },
  {
    type: 'study_visit',
    host: 'gavle',
    visiting: ['nyiregyhaza', 'genoa'],
    title: 'Study visit: the internal innovation group in Gävle',
    theme: 'skills',
    format: 'online',
    onlineUrl: 'https://meet.example.org/sv-gavle-group',
    zone: zones.gavle,
    starts: '2021-05-18T09:00',
    ends: '2021-05-18T11:30',
    practices: ['gavle-innovation-group'],
    people: 14,
    illustrative: true,
  },
  {
    type: 'study_visit',
    host: 'tartu',
    visiting: ['nyiregyhaza'],
    title: 'Study visit: smart pedestrian crossings',
    theme: 'artificial-intelligence',
    format: 'online',
    onlineUrl: 'https://meet.example.org/sv-crossings',
    zone: zones.tartu,
    starts: '2021-09-07T10:00',
    ends: '2021-09-07T12:00',
    practices: ['tartu-crossings'],
    people: 13,
    illustrative: true,
  },
  {
    type: 'study_visit',
    host: 'gavle',
    visiting: everyone.filter((partner) => partner !== 'gavle'),
    title: 'Study visit: e-service development and implementation in Gävle',
    theme: 'digital-services',
    format: 'online',
    onlineUrl: 'https://meet.example.org/sv-gavle-eservices',
    zone: zones.gavle,
    starts: '2021-10-27T09:00',
    ends: '2021-10-27T12:00',
    practices: ['gavle-eservices'],
    people: 24,
    illustrative: false,
  },
  {
    type: 'study_visit',
    host: 'nyiregyhaza',
    visiting: ['tartu'],
    title: 'Study visit: an AI assistant for citizen enquiries',
    theme: 'artificial-intelligence',
    format: 'online',
    onlineUrl: 'https://meet.example.org/sv-nyh-ai',
    zone: zones.nyiregyhaza,
    starts: '2021-11-23T10:00',
    ends: '2021-11-23T12:00',
    people: 12,
    illustrative: true,
  },
  {
    type: 'study_visit',
    host: 'birmingham',
    visiting: ['gavle', 'tartu'],
    title: 'Study visit: challenge-led procurement for digital SMEs (DIPS)',
    theme: 'procurement-of-innovation',
    format: 'hybrid',
    venue: 'Council House, Victoria Square, Birmingham',
    onlineUrl: 'https://meet.example.org/sv-dips',
    zone: zones.birmingham,
    starts: '2022-02-15T10:00',
    ends: '2022-02-15T15:00',
    practices: ['birmingham-dips'],
    people: 22,
    illustrative: true,
  },
  {
    type: 'study_visit',
    host: 'genoa',
    visiting: ['nyiregyhaza'],
    title: 'Study visit: Genoa open data portal',
    theme: 'open-data',
    format: 'hybrid',
    venue: 'Palazzo Tursi, Via Garibaldi 9, Genova',
    onlineUrl: 'https://meet.example.org/sv-genoa-data',
    zone: zones.genoa,
    starts: '2022-03-22T10:00',
    ends: '2022-03-22T13:00',
    practices: ['genoa-open-data'],
    people: 17,
    illustrative: true,
  },
  // Fact: five import workshops, where the practice's owner and the importing partner adapt it together.
  {
    type: 'import_workshop',
    host: 'genoa',
    visiting: ['tartu'],
    title: 'Import workshop: a testbed for smart-city solutions in Genoa',
    theme: 'smart-city',
    format: 'on_site',
    venue: 'Palazzo Tursi, Via Garibaldi 9, Genova',
    zone: zones.genoa,
    starts: '2022-04-05T09:30',
    ends: '2022-04-05T16:00',
    practices: ['tartu-testbed'],
    people: 21,
    illustrative: true,
  },
  {
    type: 'import_workshop',
    host: 'birmingham',
    visiting: ['genoa'],
    title: 'Import workshop: one payment notice for Birmingham',
    theme: 'payments',
    format: 'online',
    onlineUrl: 'https://meet.example.org/iw-payments',
    zone: zones.birmingham,
    starts: '2022-04-26T13:00',
    ends: '2022-04-26T16:00',
    practices: ['genoa-payments'],
    people: 15,
    illustrative: true,
  },
  {
    type: 'import_workshop',
    host: 'gavle',
    visiting: ['nyiregyhaza'],
    title: 'Import workshop: a data platform for Gävle’s local initiatives',
    theme: 'open-data',
    format: 'online',
    onlineUrl: 'https://meet.example.org/iw-data',
    zone: zones.gavle,
    starts: '2022-05-10T09:00',
    ends: '2022-05-10T12:00',
    practices: ['nyh-data-platform'],
    people: 14,
    illustrative: true,
  },
  {
    type: 'import_workshop',
    host: 'tartu',
    visiting: ['birmingham'],
    title: 'Import workshop: challenge briefs in Tartu',
    theme: 'procurement-of-innovation',
    format: 'hybrid',
    venue: 'Tartu City Government, Raekoja plats 1, Tartu',
    onlineUrl: 'https://meet.example.org/iw-briefs',
    zone: zones.tartu,
    starts: '2022-05-24T10:00',
    ends: '2022-05-24T15:00',
    practices: ['birmingham-dips'],
    people: 19,
    illustrative: true,
  },
  {
    type: 'import_workshop',
    host: 'nyiregyhaza',
    visiting: ['gavle'],
    title: 'Import workshop: service design in Nyíregyháza',
    theme: 'digital-services',
    format: 'on_site',
    venue: 'Nyíregyháza City Hall, Kossuth tér 1',
    zone: zones.nyiregyhaza,
    starts: '2022-06-14T09:00',
    ends: '2022-06-14T15:00',
    practices: ['gavle-eservices'],
    people: 18,
    illustrative: true,
  },
  // Fact: five regional events; Birmingham's first local stakeholder meeting was on 3 October 2019.
  {
    type: 'regional_event',
    host: 'birmingham',
    title: 'First meeting of the Birmingham stakeholder group',
    format: 'on_site',
    venue: 'Council House, Victoria Square, Birmingham',
    zone: zones.birmingham,
    starts: '2019-10-03T14:00',
    ends: '2019-10-03T16:30',
    people: 16,
    illustrative: false,
  },
  {
    type: 'regional_event',
    host: 'genoa',
    title: 'Regional stakeholder group of Liguria: kick-off',
    format: 'on_site',
    venue: 'Palazzo Tursi, Via Garibaldi 9, Genova',
    zone: zones.genoa,
    starts: '2019-11-20T10:00',
    ends: '2019-11-20T13:00',
    people: 22,
    illustrative: true,
  },
  {
    type: 'regional_event',
    host: 'tartu',
    title: 'Tartu stakeholder group: from the thematic events to the action plan',
    format: 'hybrid',
    venue: 'Tartu Science Park, Riia 185a, Tartu',
    onlineUrl: 'https://meet.example.org/re-tartu',
    zone: zones.tartu,
    starts: '2021-12-08T14:00',
    ends: '2021-12-08T16:30',
    people: 19,
    illustrative: true,
  },
  {
    type: 'regional_event',
    host: 'nyiregyhaza',
    title: 'Regional stakeholder meeting in Szabolcs-Szatmár-Bereg',
    format: 'on_site',
    venue: 'Nyíregyháza City Hall, Kossuth tér 1',
    zone: zones.nyiregyhaza,
    starts: '2022-01-25T10:00',
    ends: '2022-01-25T12:30',
    people: 17,
    illustrative: true,
  },
  {
    type: 'regional_event',
    host: 'gavle',
    title: 'Gävleborg stakeholder group: drafting the Regional Action Plan',
    format: 'on_site',
    venue: 'Gävle City Hall, Drottninggatan 22, Gävle',
    zone: zones.gavle,
    starts: '2022-06-02T13:00',
    ends: '2022-06-02T16:00',
    people: 20,
    illustrative: true,
  },
  // Upcoming, to try registering: the BETTER partners keep meeting after the programme (illustrative).
  {
    type: 'thematic_event',
    host: 'genoa',
    visiting: others('genoa'),
    title: 'Webinar: artificial intelligence in municipal services, three years on',
    theme: 'artificial-intelligence',
    format: 'online',
    onlineUrl: 'https://meet.example.org/better-ai-webinar',
    zone: zones.genoa,
    starts: '2027-02-17T10:00',
    ends: '2027-02-17T12:00',
    capacity: 30,
    practices: ['nyh-ai-assistant'],
    people: 29,
    illustrative: true,
  },
  {
    type: 'study_visit',
    host: 'gavle',
    visiting: ['tartu', 'birmingham'],
    title: 'Study visit: the innovation-capacity training in Gävle',
    theme: 'skills',
    format: 'on_site',
    venue: 'Gävle City Hall, Drottninggatan 22, Gävle',
    zone: zones.gavle,
    starts: '2027-04-13T09:00',
    ends: '2027-04-14T15:00',
    capacity: 25,
    practices: ['gavle-innovation-group'],
    people: 6,
    illustrative: true,
  },
];

/** A fixed-seed generator (mulberry32), so the demo is the same on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const firstNames = [
  'Anna',
  'Marco',
  'Kadri',
  'Péter',
  'Emma',
  'Giulia',
  'Mart',
  'Zsófia',
  'James',
  'Erik',
  'Laura',
  'Tõnis',
  'Réka',
  'Olivia',
  'Sara',
  'Luca',
  'Liis',
  'Gábor',
  'Harry',
  'Johan',
];
const lastNames = [
  'Rossi',
  'Tamm',
  'Nagy',
  'Smith',
  'Andersson',
  'Bianchi',
  'Saar',
  'Kovács',
  'Jones',
  'Lindqvist',
  'Ferrari',
  'Mägi',
  'Tóth',
  'Taylor',
  'Berg',
];
const roles: [ParticipantRole, number][] = [
  ['decision_maker', 0.14],
  ['civil_servant', 0.34],
  ['managing_authority', 0.06],
  ['business', 0.16],
  ['researcher', 0.16],
  ['citizen', 0.08],
  ['other', 0.06],
];
const localeOf: Record<DemoPartnerKey, Locale> = { genoa: 'it', tartu: 'et', nyiregyhaza: 'hu', birmingham: 'en', gavle: 'sv' };

function weighted<T>(random: () => number, entries: [T, number][]): T {
  let roll = random();
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return (entries.at(-1) as [T, number])[0];
}

function instant(local: string, zone: string): Date {
  const value = instantOf(local, zone);
  if (!(value instanceof Date)) throw new Error(`The demo event time ${local} in ${zone} is ${value}`);
  return value;
}

async function seedDemoEvents(
  trx: Tx,
  programmeId: number,
  partners: DemoPartners,
  practiceIds: Map<string, number>,
  now = new Date(),
): Promise<{ events: number; registrations: number; eventIds: Map<string, number> }> {
  const random = seeded(2019);
  // A generator of its own, so the practices of interest leave the rest of the demo's figures as they were.
  const interest = seeded(2020);
  const organisationsByPartner = new Map<number, { id: number; helix: string }[]>();
  for (const row of await registrationQueries.organisationsOfPartners(trx)) {
    organisationsByPartner.set(row.partner_id, [...(organisationsByPartner.get(row.partner_id) ?? []), { id: row.id, helix: row.helix }]);
  }
  let registrations = 0;
  const eventIds = new Map<string, number>();
  for (const event of events) {
    const hostId = partners.partnerIds[event.host];
    const id = await queries.insertEvent(trx, {
      programmeId,
      hostPartnerId: hostId,
      type: event.type,
      title: event.title,
      description: event.description ?? '',
      themeCode: event.theme ?? null,
      format: event.format,
      venue: event.venue ?? '',
      onlineUrl: event.onlineUrl ?? null,
      timeZone: event.zone,
      startsAt: instant(event.starts, event.zone),
      endsAt: instant(event.ends, event.zone),
      capacity: event.capacity ?? null,
      registrationDeadline: null,
      reminderDaysBefore: 2,
      // The demo's events are written in English.
      textLanguage: 'en',
    });
    eventIds.set(event.title, id);
    await queries.replaceEventDetails(trx, id, {
      visitingPartnerIds: (event.visiting ?? []).map((key) => partners.partnerIds[key]),
      agenda: (event.agenda ?? []).map(([timeLabel, title]) => ({ timeLabel, title })),
      practiceIds: (event.practices ?? []).map((key) => practiceIds.get(key)).filter((practiceId): practiceId is number => practiceId !== undefined),
    });
    const endsAt = instant(event.ends, event.zone);
    const past = endsAt < now;
    // Regional events draw the host's region; interregional ones mostly the host and the visiting partners.
    const regions: DemoPartnerKey[] = event.type === 'regional_event' ? [event.host] : [event.host, ...(event.visiting ?? [])];
    const people = Array.from({ length: event.people }, (_, index) => {
      const region = random() < 0.9 ? (regions[Math.floor(random() * regions.length)] as DemoPartnerKey) : null;
      const organisations = region ? (organisationsByPartner.get(partners.partnerIds[region]) ?? []) : [];
      const organisation = organisations.length && random() < 0.7 ? organisations[Math.floor(random() * organisations.length)] : undefined;
      const first = firstNames[Math.floor(random() * firstNames.length)] as string;
      const last = lastNames[Math.floor(random() * lastNames.length)] as string;
      return {
        event_id: id,
        status: event.capacity !== undefined && index >= event.capacity ? ('waiting' as const) : ('registered' as const),
        name: `${first} ${last}`,
        email: `${first}.${last}.${id}-${index}@example.org`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
        organisation_id: organisation?.id ?? null,
        organisation_name: organisation
          ? null
          : weighted<string>(random, [
              ['Independent consultant', 0.3],
              ['Local residents’ association', 0.3],
              ['Regional newspaper', 0.2],
              ['Neighbouring municipality', 0.2],
            ]),
        helix: (organisation?.helix ??
          weighted(random, [
            ['civil_society', 0.5],
            ['business', 0.3],
            ['public_authority', 0.2],
          ])) as 'public_authority' | 'business' | 'research_education' | 'civil_society',
        role: weighted(random, roles),
        partner_id: region ? partners.partnerIds[region] : null,
        locale: localeOf[region ?? event.host],
        token_hash: hashToken(newToken()),
      };
    });
    if (people.length === 0) continue;
    const inserted = await registrationQueries.insertRegistrations(trx, people);
    registrations += inserted.length;
    if (!past) continue;
    const attendees = inserted.filter((row) => row.status === 'registered' && random() < 0.82).map((row) => row.id);
    if (attendees.length) await markAttendedAt(trx, attendees, endsAt);
    const feedback = attendees.filter(() => random() < 0.62);
    if (feedback.length) {
      await feedbackQueries.insertFeedback(
        trx,
        feedback.map((registrationId) => ({
          registration_id: registrationId,
          satisfaction: weighted(random, [
            [5, 0.35],
            [4, 0.4],
            [3, 0.2],
            [2, 0.05],
          ]),
          usefulness: weighted(random, [
            [5, 0.3],
            [4, 0.4],
            [3, 0.25],
            [2, 0.05],
          ]),
          capacity_increased: random() < 0.72,
        })),
      );
      // About half name a practice presented at the event as one they would take home (only published ones are offered).
      const presented = (event.practices ?? []).map((key) => practiceIds.get(key)).filter((practiceId): practiceId is number => practiceId !== undefined);
      const offered = presented.length ? await feedbackQueries.publishedPracticeIds(trx, presented) : [];
      const interests = feedback.flatMap((registrationId) =>
        offered.filter(() => interest() < 0.45).map(({ id: practiceId }) => ({ registration_id: registrationId, practice_id: practiceId })),
      );
      if (interests.length) await feedbackQueries.insertPracticesOfInterest(trx, interests);
    }
    // The demo's past events had their feedback round long ago: the worker must not email these people now.
    await feedbackQueries.setFeedbackInvitedAt(trx, id, endsAt);
  }
  return { events: events.length, registrations, eventIds };
}

declare module '../../core/module.js' {
  interface DemoRecords {
    /** Demo event ids by key. */
    eventIds: Map<string, number>;
  }
  interface DemoCounts {
    events: number;
    registrations: number;
  }
}

export const eventsDemoSeed: DemoSeed = {
  after: ['programmes', 'partners', 'practices'],
  async run(trx, { programme, partners, practiceIds }) {
    const { eventIds, ...counts } = await seedDemoEvents(trx, programme.id, partners, practiceIds);
    return { records: { eventIds }, counts };
  },
};
