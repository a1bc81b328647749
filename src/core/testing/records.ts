/**
 * Records of the library, the events, the action plans and the instrument catalogue for tests, made through the
 * modules' own use cases, and the form bodies a browser sends for them: complete and valid, changed where a test
 * needs it, so each test names only what it is about.
 */
import { DateTime } from 'luxon';
import type { Db } from '../db/database.js';
import { systemActor } from '../policy/actor.js';
import { createEvent, eventSchema } from '../../modules/events/service.js';
import type { NewInstrumentInput } from '../../modules/instruments/types.js';
import { changeStatus, createPractice, practiceSchema, type PracticeFormInput } from '../../modules/practices/service.js';
import { valueOf } from './factories.js';
import type { WorldFixture } from './world.js';

/** A form as a browser posts it: each field's text, a repeated field as a list. */
export type FormBody = Record<string, string | string[]>;

const system = systemActor('test');

/** The practice form of a complete practice of the partner: every kind of field filled (lists, amounts, links). */
export function aPracticeForm(ownerPartnerId: number, overrides: FormBody = {}): FormBody {
  return {
    ownerPartnerId: String(ownerPartnerId),
    ownerOrganisationId: '',
    language: 'en',
    title: 'Citizen participation platform',
    summary: 'Residents propose and vote on small projects for their neighbourhood, online and at the library.',
    themes: ['digital-services', 'smart-city'],
    keywords: 'participatory budgeting\ne-democracy',
    description: 'First paragraph.\n\nSecond paragraph.',
    resourcesEur: '1 200,50',
    links: 'https://example.org/one\nhttps://example.org/two',
    ...overrides,
  };
}

/** The practice form read as the use cases take it. */
export function aPracticeInput(ownerPartnerId: number, overrides: FormBody = {}): PracticeFormInput {
  return practiceSchema.parse(aPracticeForm(ownerPartnerId, overrides));
}

/** The review steps that bring a new draft to each status a test starts from. */
const stepsTo = { draft: [], submitted: ['submit'], published: ['publish'] } as const;

export interface PracticeOptions {
  status?: keyof typeof stepsTo;
  /** Fields of the practice form other than the title, changed from aPracticeForm's. */
  form?: FormBody;
}

/** A practice of the partner written by the system and taken through the review to the status asked for; its id. */
export async function aPractice(db: Db, ownerPartnerId: number, title: string, options: PracticeOptions = {}): Promise<number> {
  const { id } = valueOf(await createPractice(db, system, aPracticeInput(ownerPartnerId, { title, ...options.form })));
  for (const step of stepsTo[options.status ?? 'draft']) valueOf(await changeStatus(db, system, id, step));
  return id;
}

/** A wall-clock time in a zone, as the event form's date-and-time fields take it. */
const wallClock = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

/** An event of the partner, by default online in a month's time with no limit, in Rome's zone; its id. */
export async function anEvent(db: Db, hostPartnerId: number, overrides: FormBody = {}): Promise<number> {
  const inAMonth = new Date(Date.now() + 30 * 24 * 3_600_000);
  const input = eventSchema.parse({
    type: 'thematic_event',
    title: `Event ${Math.random().toString(36).slice(2, 8)}`,
    hostPartnerId: String(hostPartnerId),
    format: 'online',
    onlineUrl: 'https://meet.example.org/room',
    timeZone: 'Europe/Rome',
    startsAt: wallClock(inAMonth, 'Europe/Rome'),
    endsAt: wallClock(new Date(inAMonth.getTime() + 3 * 3_600_000), 'Europe/Rome'),
    ...overrides,
  });
  return valueOf(await createEvent(db, system, input)).id;
}

/** The public registration form of a person from a business, consent given. */
export function aRegistrationForm(email: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Ada Lovelace',
    email,
    organisationId: '',
    organisationName: 'Analytical Engines Ltd',
    helix: 'business',
    partner: 'none',
    role: 'business',
    consent: 'yes',
    ...overrides,
  };
}

/** Part 1 of a plan (its contact and the policy instrument it improves) as the context form sends it. */
export function aPlanContextForm(overrides: FormBody = {}): FormBody {
  return {
    contactName: 'Office',
    contactEmail: '',
    instrumentKey: [''],
    instrumentName: ['Regional programme'],
    instrumentKind: ['other_regional'],
    instrumentBody: ['Region'],
    instrumentImprovement: ['Better'],
    ...overrides,
  };
}

/** One action of a plan as the action form sends it: dates, costs and one source of funding. */
export function aPlanActionForm(overrides: FormBody = {}): FormBody {
  return {
    title: 'Service design training',
    description: 'Three workshops.',
    startsOn: '2022-09-01',
    endsOn: '2023-06-30',
    costsEur: '25000',
    fundingSource: ['Municipal budget'],
    fundingAmount: ['25000'],
    improvementType: 'management_change',
    ...overrides,
  };
}

/** The answers of a complete semester report on an action, with the given ones changed. */
export function aReportForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    semester: '7',
    status: 'on_track',
    percentComplete: '40',
    spentEur: '9000',
    workDone: 'Two workshops held.',
    links: 'https://example.org/minutes',
    instrumentImproved: 'no',
    improvementType: '',
    improvementDescription: '',
    ...overrides,
  };
}

/** The smallest file a report's evidence takes as a PDF. */
export const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Partner B's plan taken through HTTP to endorsement by its editor and the coordinator, with one action to report on. */
export async function anEndorsedPlan(fixture: WorldFixture): Promise<{ planId: number; actionKey: string }> {
  const editor = await fixture.browserFor('editorB');
  const coordinator = await fixture.browserFor('coordinator');
  const created = await editor.post('/plans', { partnerId: String(fixture.world.partnerB.id) });
  const planId = Number(String(created.headers.location).split('/').pop());
  await editor.post(`/plans/${planId}/context`, aPlanContextForm());
  await editor.post(`/plans/${planId}/actions`, aPlanActionForm());
  await editor.post(`/plans/${planId}/submission`, {});
  await coordinator.post(`/plans/${planId}/review`, { decision: 'approve', comment: '' });
  await editor.post(`/plans/${planId}/endorsement`, { endorsedOn: '2022-07-20', endorsedBy: 'Mayor', endorsingBody: 'Council' });
  const version = await fixture.context.db.selectFrom('plan_versions').select('content').where('plan_id', '=', planId).executeTakeFirstOrThrow();
  return { planId, actionKey: version.content.actions[0]?.key ?? '' };
}

/** The instrument form of a design-stage online service of the partner, with one service and every optional text filled. */
export function anInstrumentForm(partnerId: number, overrides: FormBody = {}): FormBody {
  return {
    partnerId: String(partnerId),
    name: 'Parking permits online',
    description: 'Residents apply for and renew parking permits online.',
    kind: 'online_service',
    themeCode: '',
    serviceName: ['Applying for a parking permit', ''],
    serviceDescription: ['', ''],
    channels: ['web', 'mobile_app'],
    audiences: ['citizens'],
    languages: ['it', 'en'],
    isFree: 'yes',
    costDescription: '',
    authentication: 'SPID',
    dataReused: 'Vehicle register',
    licence: 'EUPL-1.2',
    repositoryUrl: 'https://example.org/permits',
    planAction: '',
    practiceId: '',
    stage: 'design',
    stageSince: '2023-01-10',
    ...overrides,
  };
}

/** A live, published instrument of the partner as the use cases take it, changed where a test needs it. */
export function anInstrumentInput(partnerId: number, name: string, overrides: Partial<NewInstrumentInput> = {}): NewInstrumentInput {
  return {
    partnerId,
    name,
    description: `${name}: what the instrument does.`,
    textLanguage: 'en',
    kind: 'online_service',
    themeCode: null,
    channels: ['web', 'phone'],
    audiences: ['citizens'],
    languages: ['it', 'en'],
    isFree: true,
    costDescription: '',
    authentication: '',
    dataReused: '',
    licence: null,
    repositoryUrl: null,
    published: true,
    contractValuesPublic: false,
    eventIds: [],
    practiceId: null,
    services: [{ name: `${name}: applying`, description: 'Apply online with your digital identity.' }],
    planId: null,
    actionKey: null,
    stage: 'live',
    stageSince: '2026-01-15',
    ...overrides,
  };
}
