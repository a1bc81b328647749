/**
 * Test data made through the real use cases (validated and audited like any other), with unique names so tests
 * sharing a database never collide.
 */
import type { Db } from '../db/database.js';
import { systemActor, type UserActor } from '../policy/actor.js';
import type { Locale } from '../i18n/locales.js';
import { getUser, hashPassword, inviteUser, removeMembership } from '../../modules/accounts/service.js';
import {
  createOrganisationForPartner,
  createPartner,
  type Organisation,
  type OrganisationInput,
  type Partner,
  type PartnerInput,
} from '../../modules/partners/service.js';
import { createProgramme, type Programme, type ProgrammeInput } from '../../modules/programmes/service.js';
import type { Outcome } from '../outcome.js';
import { getTranslator } from '../i18n/i18n.js';

const factory = systemActor('test factory');
let sequence = 0;
const next = () => (sequence += 1);

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** The value of a use case's outcome in a test's set-up, which must not be refused. */
export function valueOf<T>(outcome: Outcome<T, string>): T {
  if (!outcome.ok) throw new Error(`Factory refused: ${outcome.reason}`);
  return outcome.value;
}

export async function aProgramme(db: Db, overrides: Partial<ProgrammeInput> = {}): Promise<Programme> {
  const n = next();
  return valueOf(
    await createProgramme(db, factory, {
      slug: `programme-${n}`,
      acronym: `P${n}`,
      title: `Programme ${n}`,
      summary: '',
      startsOn: '2019-08-01',
      endsOn: '2023-07-31',
      ...overrides,
    }),
  );
}

export async function aPartner(db: Db, programmeId: number, overrides: Partial<PartnerInput> = {}): Promise<Partner> {
  const n = next();
  return valueOf(
    await createPartner(db, factory, programmeId, {
      name: `Partner authority ${n}`,
      shortName: `Partner ${n}`,
      countryCode: 'IT',
      nutsCode: 'ITC3',
      nutsName: 'Liguria',
      role: 'partner',
      website: null,
      contactName: 'Projects office',
      contactEmail: `office${n}@example.org`,
      ...overrides,
    }),
  );
}

/** The partner form's fields as a browser sends them for this partner, with some changed. */
export function partnerFormFields(
  partner: { name: string; shortName: string; countryCode: string; nutsCode: string; role: string },
  overrides: Record<string, string> = {},
) {
  return {
    name: partner.name,
    shortName: partner.shortName,
    countryCode: partner.countryCode,
    nutsCode: partner.nutsCode,
    nutsName: '',
    role: partner.role,
    website: '',
    contactName: '',
    contactEmail: '',
    ...overrides,
  };
}

export async function anOrganisation(db: Db, partnerId: number, overrides: Partial<OrganisationInput> = {}): Promise<Organisation> {
  const n = next();
  return valueOf(
    await createOrganisationForPartner(db, factory, partnerId, {
      name: `Organisation ${n}`,
      countryCode: 'IT',
      helix: 'research_education',
      sizeClass: null,
      website: null,
      inRegion: true,
      ...overrides,
    }),
  );
}

export interface UserSpec {
  role: 'admin' | 'coordinator' | 'editor' | 'stakeholder' | 'none';
  programmeId?: number;
  partnerId?: number;
  organisationId?: number;
  locale?: Locale;
  email?: string;
}

export interface TestUser {
  id: number;
  email: string;
  password: string;
  actor: UserActor;
}

/** An active account with a known password and the role asked for; `none` is a signed-in user without roles. */
export async function aUser(db: Db, spec: UserSpec): Promise<TestUser> {
  const n = next();
  const email = spec.email ?? `user${n}@example.org`;
  passwordHash ??= hashPassword(testPassword);
  const translator = await getTranslator();
  // A user without roles starts as a coordinator of a throwaway programme and loses that role below.
  const programmeId = spec.role === 'none' ? (await aProgramme(db)).id : spec.programmeId;
  const role = spec.role === 'none' ? 'coordinator' : spec.role;
  const created = valueOf(
    await inviteUser(
      db,
      factory,
      {
        email,
        displayName: `Test user ${n}`,
        locale: spec.locale ?? 'en',
        role,
        programmeId: programmeId ?? null,
        partnerId: spec.partnerId ?? null,
        organisationId: spec.organisationId ?? null,
      },
      { translator, publicUrl: 'http://better.test' },
      { passwordHash: await passwordHash },
    ),
  );
  if (spec.role === 'none') {
    const membership = (await getUser(db, factory, created.userId))?.memberships[0];
    if (membership) valueOf(await removeMembership(db, factory, created.userId, membership.id));
  }
  const detail = await getUser(db, factory, created.userId);
  if (!detail) throw new Error('Factory user vanished');
  return {
    id: created.userId,
    email,
    password: testPassword,
    actor: {
      kind: 'user',
      userId: created.userId,
      displayName: detail.displayName,
      email,
      isAdmin: detail.isAdmin,
      memberships: detail.memberships.map((m) => ({ programmeId: m.programmeId, role: m.role, partnerId: m.partnerId, organisationId: m.organisationId })),
    },
  };
}

/**
 * A programme with two partners, an organisation in each group, and one account per role, plus a coordinator of
 * another programme: enough to test every role against every action, including cross-partner attempts.
 */
export async function aWorld(db: Db) {
  const programme = await aProgramme(db);
  const otherProgramme = await aProgramme(db);
  const partnerA = await aPartner(db, programme.id, { role: 'lead_partner' });
  const partnerB = await aPartner(db, programme.id, { countryCode: 'EE', nutsCode: 'EE00', nutsName: 'Eesti' });
  const organisationA = await anOrganisation(db, partnerA.id);
  const organisationB = await anOrganisation(db, partnerB.id, { helix: 'business', sizeClass: 'small', countryCode: 'EE' });
  const [admin, coordinator, otherCoordinator, editorA, editorB, stakeholderA, plainUser] = await Promise.all([
    aUser(db, { role: 'admin' }),
    aUser(db, { role: 'coordinator', programmeId: programme.id }),
    aUser(db, { role: 'coordinator', programmeId: otherProgramme.id }),
    aUser(db, { role: 'editor', partnerId: partnerA.id }),
    aUser(db, { role: 'editor', partnerId: partnerB.id }),
    aUser(db, { role: 'stakeholder', organisationId: organisationA.id }),
    aUser(db, { role: 'none' }),
  ]);
  return {
    programme,
    otherProgramme,
    partnerA,
    partnerB,
    organisationA,
    organisationB,
    users: { admin, coordinator, otherCoordinator, editorA, editorB, stakeholderA, plainUser },
  };
}
