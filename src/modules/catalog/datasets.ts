/**
 * The `catalog.datasets` extension point: each module describes the open datasets it publishes, as plain data, and
 * the catalog module alone turns the descriptions into DCAT-AP (rdf.ts). A provider runs on every request for the
 * catalogue, so it lists only what an anonymous visitor can download at that moment.
 */
import type { Db } from '../../core/db/database.js';
import { extensionPoint } from '../../core/extensions.js';

/** Language tag → text, e.g. `{ en: 'Good practices', it: 'Buone pratiche' }`. */
export type LanguageMap = Partial<Record<string, string>>;

/** Codes of the EU data theme vocabulary (http://publications.europa.eu/resource/authority/data-theme/…). */
export const dataThemes = ['AGRI', 'ECON', 'EDUC', 'ENER', 'ENVI', 'GOVE', 'HEAL', 'INTR', 'JUST', 'REGI', 'SOCI', 'TECH', 'TRAN'] as const;
export type DataTheme = (typeof dataThemes)[number];

/** The formats the platform serves, each with its IANA media type and its code in the EU file-type table. */
export const fileTypes = {
  CSV: { mediaType: 'text/csv', code: 'CSV' },
  JSON: { mediaType: 'application/json', code: 'JSON' },
  JSON_LD: { mediaType: 'application/ld+json', code: 'JSON_LD' },
  TURTLE: { mediaType: 'text/turtle', code: 'RDF_TURTLE' },
  ICS: { mediaType: 'text/calendar', code: 'ICS' },
} as const;
export type FileType = keyof typeof fileTypes;

/** An organisation responsible for a dataset: the programme or one of its partners. */
export interface AgentDescription {
  /** An absolute IRI naming the organisation, the same wherever the platform names it (e.g. the CPSV-AP export). */
  iri: string;
  name: string;
}

export interface DistributionDescription {
  /** Unique within its dataset, e.g. 'csv'; the distribution's IRI is the dataset's with `/distributions/<key>`. */
  key: string;
  /** An absolute URL under the platform's public URL that answers 200 to an anonymous GET. */
  url: string;
  format: FileType;
  title?: LanguageMap;
  description?: LanguageMap;
}

export interface DatasetDescription {
  /** Unique in the catalogue, lowercase letters, digits and dashes (e.g. 'events-programme-3'); part of the IRI. */
  key: string;
  title: LanguageMap;
  description: LanguageMap;
  publisher: AgentDescription;
  /** The page a person reads the data on. */
  landingPage?: string;
  /** Each keyword in the languages it has. */
  keywords?: LanguageMap[];
  themes: DataTheme[];
  /** NUTS codes of the regions covered, e.g. 'ITC3'. */
  nutsCodes: string[];
  /** ISO 3166-1 alpha-2 codes of the countries covered. */
  countryCodes: string[];
  /** The period the data is about (ISO dates). */
  temporal?: { startsOn: string; endsOn: string };
  /** ISO date or date-time. */
  issued?: string;
  /** ISO date or date-time. */
  modified?: string;
  distributions: DistributionDescription[];
}

/** A programme as the providers see it: its dates and its partners' regions, gathered once for every provider. */
export interface ProgrammeScope {
  id: number;
  title: string;
  acronym: string;
  startsOn: string;
  endsOn: string;
  publisher: AgentDescription;
  partners: { id: number; name: string; nutsCode: string; countryCode: string; publisher: AgentDescription }[];
  nutsCodes: string[];
  countryCodes: string[];
}

export interface DatasetContext {
  db: Db;
  /** The platform's public URL, without a trailing slash. */
  publicUrl: string;
  programmes: ProgrammeScope[];
  /** A message of the catalog's catalogue (locales/<lang>/catalog.json) in every language that has it. */
  text: (key: string, values?: Record<string, string | number>) => LanguageMap;
  /** When the catalogue is being built (ISO date-time): the `modified` of data generated on request. */
  now: string;
}

export type DatasetProvider = (context: DatasetContext) => Promise<DatasetDescription[]>;

export const catalogDatasets = extensionPoint<DatasetProvider>('catalog.datasets');
