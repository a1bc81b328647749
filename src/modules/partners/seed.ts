/**
 * Demo data: the real BETTER partnership (facts from ../shared/demo-facts.md) and a few stakeholder organisations
 * per partner across the four helix types. Entries marked `illustrative` are invented for the demo, not facts.
 */
import type { Tx } from '../../core/db/database.js';
import type { DemoSeed } from '../../core/module.js';
import { insertLink, insertOrganisation, insertPartner } from './queries.js';
import type { OrganisationInput, PartnerInput } from './schema.js';

type DemoPartnerKey = 'genoa' | 'tartu' | 'nyiregyhaza' | 'birmingham' | 'gavle';

interface DemoOrganisation extends Omit<OrganisationInput, 'inRegion'> {
  key: string;
  inRegion: boolean;
  /** Invented for the demo; not a fact about the real project. */
  illustrative: boolean;
}

const partners: Record<DemoPartnerKey, PartnerInput> = {
  genoa: {
    name: 'Municipality of Genoa (Comune di Genova)',
    shortName: 'Genoa',
    countryCode: 'IT',
    nutsCode: 'ITC3',
    nutsName: 'Liguria',
    role: 'lead_partner',
    website: 'https://www.comune.genova.it/',
    // Illustrative: an office mailbox, not a real person's contact.
    contactName: 'European projects office',
    contactEmail: 'better.genoa@example.org',
  },
  tartu: {
    name: 'Tartu City Government',
    shortName: 'Tartu',
    countryCode: 'EE',
    nutsCode: 'EE00',
    nutsName: 'Eesti',
    role: 'partner',
    website: 'https://www.tartu.ee/',
    contactName: 'Development department',
    contactEmail: 'better.tartu@example.org',
  },
  nyiregyhaza: {
    name: 'Municipality of Nyíregyháza',
    shortName: 'Nyíregyháza',
    countryCode: 'HU',
    nutsCode: 'HU32',
    nutsName: 'Észak-Alföld',
    role: 'partner',
    website: 'https://www.nyiregyhaza.hu/',
    contactName: 'Project office',
    contactEmail: 'better.nyiregyhaza@example.org',
  },
  birmingham: {
    name: 'Birmingham City Council',
    shortName: 'Birmingham',
    countryCode: 'GB',
    nutsCode: 'UKG3',
    nutsName: 'West Midlands',
    role: 'partner',
    website: 'https://www.birmingham.gov.uk/',
    contactName: 'European and international affairs team',
    contactEmail: 'better.birmingham@example.org',
  },
  gavle: {
    name: 'Gävle Municipality',
    shortName: 'Gävle',
    countryCode: 'SE',
    nutsCode: 'SE31',
    nutsName: 'Norra Mellansverige',
    role: 'partner',
    website: 'https://www.gavle.se/',
    contactName: 'Digital renewal programme',
    contactEmail: 'better.gavle@example.org',
  },
};

const organisations: Record<DemoPartnerKey, DemoOrganisation[]> = {
  genoa: [
    {
      key: 'unige',
      name: 'University of Genoa',
      countryCode: 'IT',
      helix: 'research_education',
      sizeClass: null,
      website: 'https://unige.it/',
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'liguria-digitale',
      name: 'Liguria Digitale',
      countryCode: 'IT',
      helix: 'public_authority',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'genova-smart',
      name: 'Genova Smart Services',
      countryCode: 'IT',
      helix: 'business',
      sizeClass: 'small',
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'genova-civic',
      name: 'Genova Civic Tech Association',
      countryCode: 'IT',
      helix: 'civil_society',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
  ],
  tartu: [
    {
      key: 'unitartu',
      name: 'University of Tartu',
      countryCode: 'EE',
      helix: 'research_education',
      sizeClass: null,
      website: 'https://ut.ee/',
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'tartu-science-park',
      name: 'Tartu Science Park',
      countryCode: 'EE',
      helix: 'research_education',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'tartu-mobility',
      name: 'Tartu Mobility Lab',
      countryCode: 'EE',
      helix: 'business',
      sizeClass: 'micro',
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'startup-festival',
      name: 'Tartu start-up festival community',
      countryCode: 'EE',
      helix: 'civil_society',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'ria',
      name: 'Estonian e-government agency',
      countryCode: 'EE',
      helix: 'public_authority',
      sizeClass: null,
      website: null,
      inRegion: false,
      illustrative: true,
    },
  ],
  nyiregyhaza: [
    {
      key: 'uni-nyiregyhaza',
      name: 'University of Nyíregyháza',
      countryCode: 'HU',
      helix: 'research_education',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'szszb-chamber',
      name: 'Szabolcs-Szatmár-Bereg County Chamber of Commerce and Industry',
      countryCode: 'HU',
      helix: 'civil_society',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'nyirseg-digital',
      name: 'Nyírség Digital',
      countryCode: 'HU',
      helix: 'business',
      sizeClass: 'small',
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'nyh-services',
      name: 'Nyíregyháza municipal service company',
      countryCode: 'HU',
      helix: 'public_authority',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
  ],
  birmingham: [
    // Birmingham's first local meeting (3 October 2019) included a city university, the regional innovation alliance and
    // the local enterprise partnership (fact); the exact names and helix types below are the demo's reading of that.
    {
      key: 'bcu',
      name: 'Birmingham City University',
      countryCode: 'GB',
      helix: 'research_education',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'wmia',
      name: 'West Midlands Innovation Alliance',
      countryCode: 'GB',
      helix: 'public_authority',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: false,
    },
    {
      key: 'lep',
      name: 'Greater Birmingham and Solihull Local Enterprise Partnership',
      countryCode: 'GB',
      helix: 'public_authority',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: false,
    },
    {
      key: 'brum-digital',
      name: 'Brum Digital Studio',
      countryCode: 'GB',
      helix: 'business',
      sizeClass: 'micro',
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'brum-civic',
      name: 'Birmingham Civic Tech Network',
      countryCode: 'GB',
      helix: 'civil_society',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
  ],
  gavle: [
    {
      key: 'hig',
      name: 'University of Gävle',
      countryCode: 'SE',
      helix: 'research_education',
      sizeClass: null,
      website: 'https://www.hig.se/',
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'region-gavleborg',
      name: 'Region Gävleborg',
      countryCode: 'SE',
      helix: 'public_authority',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'gavle-digital',
      name: 'Gävle Digital',
      countryCode: 'SE',
      helix: 'business',
      sizeClass: 'medium',
      website: null,
      inRegion: true,
      illustrative: true,
    },
    {
      key: 'gavle-forum',
      name: 'Gävle Civic Forum',
      countryCode: 'SE',
      helix: 'civil_society',
      sizeClass: null,
      website: null,
      inRegion: true,
      illustrative: true,
    },
  ],
};

interface DemoPartners {
  partnerIds: Record<DemoPartnerKey, number>;
  organisationIds: Record<string, number>;
}

async function seedDemoPartners(trx: Tx, programmeId: number): Promise<DemoPartners> {
  const partnerIds = {} as Record<DemoPartnerKey, number>;
  const organisationIds: Record<string, number> = {};
  for (const [key, input] of Object.entries(partners) as [DemoPartnerKey, PartnerInput][]) {
    partnerIds[key] = (await insertPartner(trx, programmeId, input)).id;
  }
  for (const [partnerKey, list] of Object.entries(organisations) as [DemoPartnerKey, DemoOrganisation[]][]) {
    for (const { key, inRegion, illustrative: _illustrative, ...input } of list) {
      const organisation = await insertOrganisation(trx, programmeId, { ...input, inRegion });
      organisationIds[key] = organisation.id;
      await insertLink(trx, partnerIds[partnerKey], organisation.id, inRegion);
    }
  }
  // The Estonian e-government agency also advises Genoa's stakeholder group: one organisation, two groups.
  await insertLink(trx, partnerIds.genoa, organisationIds.ria as number, false);
  return { partnerIds, organisationIds };
}

declare module '../../core/module.js' {
  interface DemoRecords {
    partners: DemoPartners;
  }
  interface DemoCounts {
    partners: number;
    organisations: number;
  }
}

export const partnersDemoSeed: DemoSeed = {
  after: ['programmes'],
  async run(trx, { programme }) {
    const partners = await seedDemoPartners(trx, programme.id);
    return {
      records: { partners },
      counts: { partners: Object.keys(partners.partnerIds).length, organisations: Object.keys(partners.organisationIds).length },
    };
  },
};
