/**
 * Realistic good practices in any number, for relevance tests and the search benchmark: titles, summaries and
 * descriptions composed from the vocabulary of European e-government, reproducible from a seed.
 */
import type { Db } from '../db/database.js';
import { analyzeLibrary, writeGeneratedPractices, type PracticeValues } from '../../modules/practices/service.js';

/** A small, fast, seeded pseudo-random generator (mulberry32), so every run builds the same library. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const services = [
  'parking permits',
  'building permits',
  'school enrolment',
  'waste collection',
  'public transport tickets',
  'local tax payments',
  'social care requests',
  'business licences',
  'library services',
  'citizen enquiries',
  'street lighting',
  'road maintenance reports',
  'energy efficiency grants',
  'childcare places',
  'housing benefits',
  'event permits',
  'health appointments',
  'tourist information',
  'public procurement',
  'open budget data',
];
const approaches = [
  'online portal',
  'mobile app',
  'chatbot',
  'data platform',
  'digital payment system',
  'open data catalogue',
  'sensor network',
  'service design programme',
  'innovation challenge',
  'living lab',
  'one-stop shop',
  'machine learning model',
  'digital twin',
  'e-signature workflow',
  'citizen panel',
];
const beneficiaries = [
  'residents',
  'small businesses',
  'students',
  'older people',
  'visitors',
  'municipal staff',
  'start-ups',
  'families',
  'researchers',
  'civil society groups',
];
const verbs = ['simplifies', 'speeds up', 'opens up', 'connects', 'automates', 'redesigns', 'brings together', 'measures', 'improves', 'personalises'];
const outcomes = [
  'cuts processing time by half',
  'saves staff hours every week',
  'raises digital take-up above 70 per cent',
  'lets regional SMEs win public contracts',
  'reduces paper forms to none',
  'gives decision makers the same figures',
  'answers most questions outside office hours',
  'brings new suppliers into the innovation chain',
  'makes services accessible on any device',
  'lowers the cost per transaction',
];
const partners = [
  'a city university',
  'local software companies',
  'the regional development agency',
  'a civic tech association',
  'the national e-government agency',
  'a chamber of commerce',
  'a research centre',
  'neighbouring municipalities',
];
const cities = ['Genoa', 'Tartu', 'Nyíregyháza', 'Birmingham', 'Gävle', 'Porto', 'Ghent', 'Lyon', 'Krakow', 'Aarhus'];
const themeCodes = [
  'digital-services',
  'payments',
  'open-data',
  'artificial-intelligence',
  'smart-city',
  'innovation-ecosystem',
  'skills',
  'procurement-of-innovation',
];
const scopes = ['local', 'regional', 'national', 'european'] as const;

export interface GeneratedPractice {
  values: PracticeValues;
  themes: string[];
}

/** The words the generated practices are made of, for drawing realistic queries. */
export const generatorVocabulary = { services, approaches, beneficiaries, outcomes };

export function generatePractice(random: () => number, programmeId: number, ownerPartnerIds: number[], index: number): GeneratedPractice {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const service = pick(services);
  const approach = pick(approaches);
  const beneficiary = pick(beneficiaries);
  const city = pick(cities);
  const outcome = pick(outcomes);
  const title = `${approach[0]?.toUpperCase()}${approach.slice(1)} for ${service} in ${city}`;
  const summary = `A ${approach} that ${pick(verbs)} ${service} for ${beneficiary}. It ${outcome}.`;
  const paragraphs = Array.from({ length: 2 + Math.floor(random() * 3) }, () => {
    const sentences = Array.from(
      { length: 3 },
      () => `The ${pick(approaches)} ${pick(verbs)} ${pick(services)} for ${pick(beneficiaries)}, working with ${pick(partners)}; it ${pick(outcomes)}.`,
    );
    return sentences.join(' ');
  });
  const themes = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(themeCodes)))];
  const startYear = 2012 + Math.floor(random() * 11);
  return {
    themes,
    values: {
      programmeId,
      ownerPartnerId: pick(ownerPartnerIds),
      ownerOrganisationId: null,
      language: 'en',
      title: `${title} (${index})`,
      summary,
      objective: `To make ${service} easier for ${beneficiary}.`,
      description: paragraphs.join('\n\n'),
      locationCountry: null,
      locationNuts: null,
      locationCity: city,
      geographicalScope: pick(scopes),
      resources: `A team of ${2 + Math.floor(random() * 8)} people and ${pick(partners)}.`,
      resourcesEur: Math.round(random() * 900) * 1000,
      startsOn: `${startYear}-0${1 + Math.floor(random() * 9)}-01`,
      endsOn: null,
      evidence: `It ${pick(outcomes)}.`,
      transferPotential: `Any authority offering ${service} could adopt the ${approach}.`,
      difficulties: `Getting ${pick(beneficiaries)} to use it at first.`,
      links: [],
      keywords: [approach, service],
      contactName: null,
      contactEmail: null,
      translations: {},
    },
  };
}

/**
 * Inserts generated published practices in batches (one transaction each), then refreshes the planner statistics.
 * With programmeOf, each practice is in its owner's programme (owners drawn from many programmes); else in programmeId.
 */
export async function insertGeneratedPractices(
  db: Db,
  options: {
    programmeId: number;
    ownerPartnerIds: number[];
    count: number;
    seed: number;
    programmeOf?: ReadonlyMap<number, number>;
    onProgress?: (done: number) => void;
  },
): Promise<void> {
  const random = seededRandom(options.seed);
  const batchSize = 500;
  for (let start = 0; start < options.count; start += batchSize) {
    const batch = Array.from({ length: Math.min(batchSize, options.count - start) }, (_, offset) => {
      const practice = generatePractice(random, options.programmeId, options.ownerPartnerIds, start + offset + 1);
      const programmeId = options.programmeOf?.get(practice.values.ownerPartnerId);
      return programmeId === undefined ? practice : { ...practice, values: { ...practice.values, programmeId } };
    });
    await writeGeneratedPractices(db, batch);
    options.onProgress?.(start + batch.length);
  }
  await analyzeLibrary(db);
}
