/**
 * The catalogue as DCAT-AP 3: the graph built from the datasets' plain descriptions, written as Turtle (through n3,
 * which escapes every literal) and as JSON-LD (the same triples grouped by subject under an inline context, so
 * nothing has to be fetched to read it). Both formats come from one list of triples, so they cannot disagree.
 */
import { DataFactory as rdf, Writer, type Literal, type NamedNode, type Quad } from 'n3';
import { fileTypes, type AgentDescription, type DataTheme, type DatasetDescription, type LanguageMap } from './datasets.js';

const namespaces = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  country: 'http://publications.europa.eu/resource/authority/country/',
  language: 'http://publications.europa.eu/resource/authority/language/',
  licence: 'http://publications.europa.eu/resource/authority/licence/',
  theme: 'http://publications.europa.eu/resource/authority/data-theme/',
  filetype: 'http://publications.europa.eu/resource/authority/file-type/',
  availability: 'http://publications.europa.eu/resource/authority/planned-availability/',
  nuts: 'http://data.europa.eu/nuts/code/',
  iana: 'http://www.iana.org/assignments/media-types/',
} as const;
const { dcat, dcatap, dct, foaf, skos, vcard, xsd } = namespaces;

/** The licence of every distribution: CC BY 4.0 in the EU licence table (docs/open-data.md says why). */
const licence = `${namespaces.licence}CC_BY_4_0`;
const licenceType = 'http://purl.org/adms/licencetype/Attribution';
const stable = `${namespaces.availability}STABLE`;
const themeScheme = 'http://publications.europa.eu/resource/authority/data-theme';

const themeLabels: Record<DataTheme, string> = {
  AGRI: 'Agriculture, fisheries, forestry and food',
  ECON: 'Economy and finance',
  EDUC: 'Education, culture and sport',
  ENER: 'Energy',
  ENVI: 'Environment',
  GOVE: 'Government and public sector',
  HEAL: 'Health',
  INTR: 'International issues',
  JUST: 'Justice, legal system and public safety',
  REGI: 'Regions and cities',
  SOCI: 'Population and society',
  TECH: 'Science and technology',
  TRAN: 'Transport',
};

/** ISO 3166-1 alpha-2 (the partners' countries) → the EU country table's alpha-3 codes. */
const countryAuthorityCodes: Record<string, string> = {
  AT: 'AUT',
  BE: 'BEL',
  BG: 'BGR',
  HR: 'HRV',
  CY: 'CYP',
  CZ: 'CZE',
  DK: 'DNK',
  EE: 'EST',
  FI: 'FIN',
  FR: 'FRA',
  DE: 'DEU',
  GR: 'GRC',
  HU: 'HUN',
  IE: 'IRL',
  IT: 'ITA',
  LV: 'LVA',
  LT: 'LTU',
  LU: 'LUX',
  MT: 'MLT',
  NL: 'NLD',
  PL: 'POL',
  PT: 'PRT',
  RO: 'ROU',
  SK: 'SVK',
  SI: 'SVN',
  ES: 'ESP',
  SE: 'SWE',
  IS: 'ISL',
  LI: 'LIE',
  NO: 'NOR',
  CH: 'CHE',
  GB: 'GBR',
  AL: 'ALB',
  BA: 'BIH',
  ME: 'MNE',
  MK: 'MKD',
  RS: 'SRB',
  TR: 'TUR',
  UA: 'UKR',
  MD: 'MDA',
};

/** The interface languages (ISO 639-1) → the EU language table. */
const languageAuthorityCodes: Record<string, string> = { en: 'ENG', it: 'ITA', et: 'EST', hu: 'HUN', sv: 'SWE' };

export interface CatalogDescription {
  /** The catalogue's IRI; datasets are `<iri>#<key>`. */
  iri: string;
  homepage: string;
  title: LanguageMap;
  description: LanguageMap;
  publisher: AgentDescription;
  /** ISO 639-1 codes of the languages its texts are in. */
  languages: string[];
  modified: string;
  datasets: DatasetDescription[];
}

/**
 * An absolute IRI as Turtle and N-Quads accept it: a provider's URL may carry characters an IRI cannot (a quote in a
 * query, a space), which the URL parser percent-encodes; the few it leaves are encoded here.
 */
export function iriOf(url: string): string {
  return new URL(url).href.replace(/[{}|^`\\]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

const named = (iri: string) => rdf.namedNode(iriOf(iri));
const a = named(`${namespaces.rdf}type`);

function dated(value: string): Literal {
  return rdf.literal(value, named(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${xsd}date` : `${xsd}dateTime`));
}

/** The triples of the catalogue, each shared node (agent, place, theme, format) once. */
export function catalogQuads(catalog: CatalogDescription): Quad[] {
  const quads: Quad[] = [];
  const seen = new Set<string>();
  const add = (subject: string, predicate: string, object: NamedNode | Literal) => quads.push(rdf.quad(named(subject), named(predicate), object));
  const link = (subject: string, predicate: string, object: string) => add(subject, predicate, named(object));
  const texts = (subject: string, predicate: string, map: LanguageMap) => {
    for (const [language, text] of Object.entries(map)) if (text !== undefined) add(subject, predicate, rdf.literal(text, language));
  };
  /** Describes a shared node the first time it is linked to. */
  const once = (iri: string, describe: () => void) => {
    if (seen.has(iri)) return iri;
    seen.add(iri);
    describe();
    return iri;
  };
  const concept = (iri: string, label: string) =>
    once(iri, () => {
      link(iri, a.value, `${skos}Concept`);
      add(iri, `${skos}prefLabel`, rdf.literal(label, 'en'));
    });
  const agent = ({ iri, name }: AgentDescription) =>
    once(iri, () => {
      link(iri, a.value, `${foaf}Agent`);
      add(iri, `${foaf}name`, rdf.literal(name));
    });
  const contact = (publisher: AgentDescription, page: string) => {
    const iri = `${publisher.iri}-contact`;
    return once(iri, () => {
      link(iri, a.value, `${vcard}Kind`);
      add(iri, `${vcard}fn`, rdf.literal(publisher.name));
      link(iri, `${vcard}hasURL`, page);
    });
  };
  const place = (iri: string) => once(iri, () => link(iri, a.value, `${dct}Location`));
  const places = (nutsCodes: string[], countryCodes: string[]) => [
    ...nutsCodes.map((code) => place(`${namespaces.nuts}${encodeURIComponent(code)}`)),
    ...countryCodes.flatMap((code) => {
      const authority = countryAuthorityCodes[code];
      return authority ? [place(`${namespaces.country}${authority}`)] : [];
    }),
  ];
  const licenceDocument = () =>
    once(licence, () => {
      link(licence, a.value, `${dct}LicenseDocument`);
      link(licence, `${dct}type`, concept(licenceType, 'Attribution'));
    });

  const { iri } = catalog;
  link(iri, a.value, `${dcat}Catalog`);
  texts(iri, `${dct}title`, catalog.title);
  texts(iri, `${dct}description`, catalog.description);
  link(iri, `${dct}publisher`, agent(catalog.publisher));
  link(
    iri,
    `${foaf}homepage`,
    once(catalog.homepage, () => link(catalog.homepage, a.value, `${foaf}Document`)),
  );
  for (const code of catalog.languages) {
    const authority = languageAuthorityCodes[code];
    if (authority)
      link(
        iri,
        `${dct}language`,
        once(`${namespaces.language}${authority}`, () => link(`${namespaces.language}${authority}`, a.value, `${dct}LinguisticSystem`)),
      );
  }
  link(iri, `${dct}license`, licenceDocument());
  add(iri, `${dct}modified`, dated(catalog.modified));
  const countries = [...new Set(catalog.datasets.flatMap((dataset) => dataset.countryCodes))].sort();
  for (const spatial of places([], countries)) link(iri, `${dct}spatial`, spatial);
  link(
    iri,
    `${dcat}themeTaxonomy`,
    once(themeScheme, () => {
      link(themeScheme, a.value, `${skos}ConceptScheme`);
      add(themeScheme, `${dct}title`, rdf.literal('Data theme', 'en'));
    }),
  );

  for (const dataset of catalog.datasets) {
    const subject = `${iri}#${dataset.key}`;
    link(iri, `${dcat}dataset`, subject);
    link(subject, a.value, `${dcat}Dataset`);
    add(subject, `${dct}identifier`, rdf.literal(subject));
    texts(subject, `${dct}title`, dataset.title);
    texts(subject, `${dct}description`, dataset.description);
    link(subject, `${dct}publisher`, agent(dataset.publisher));
    link(subject, `${dcat}contactPoint`, contact(dataset.publisher, dataset.landingPage ?? catalog.homepage));
    if (dataset.landingPage)
      link(
        subject,
        `${dcat}landingPage`,
        once(dataset.landingPage, () => link(dataset.landingPage as string, a.value, `${foaf}Document`)),
      );
    for (const keyword of dataset.keywords ?? []) texts(subject, `${dcat}keyword`, keyword);
    for (const theme of dataset.themes) link(subject, `${dcat}theme`, concept(`${namespaces.theme}${theme}`, themeLabels[theme]));
    for (const spatial of places(dataset.nutsCodes, dataset.countryCodes)) link(subject, `${dct}spatial`, spatial);
    if (dataset.temporal) {
      const period = `${subject}/period`;
      link(subject, `${dct}temporal`, period);
      link(period, a.value, `${dct}PeriodOfTime`);
      add(period, `${dcat}startDate`, dated(dataset.temporal.startsOn));
      add(period, `${dcat}endDate`, dated(dataset.temporal.endsOn));
    }
    if (dataset.issued) add(subject, `${dct}issued`, dated(dataset.issued));
    if (dataset.modified) add(subject, `${dct}modified`, dated(dataset.modified));
    for (const distribution of dataset.distributions) {
      const node = `${subject}/${distribution.key}`;
      const { mediaType, code } = fileTypes[distribution.format];
      link(subject, `${dcat}distribution`, node);
      link(node, a.value, `${dcat}Distribution`);
      link(node, `${dcat}accessURL`, distribution.url);
      link(node, `${dcat}downloadURL`, distribution.url);
      link(
        node,
        `${dcat}mediaType`,
        once(`${namespaces.iana}${mediaType}`, () => link(`${namespaces.iana}${mediaType}`, a.value, `${dct}MediaType`)),
      );
      link(
        node,
        `${dct}format`,
        once(`${namespaces.filetype}${code}`, () => link(`${namespaces.filetype}${code}`, a.value, `${dct}MediaTypeOrExtent`)),
      );
      link(node, `${dct}license`, licenceDocument());
      link(node, `${dcatap}availability`, concept(stable, 'Stable'));
      if (distribution.title) texts(node, `${dct}title`, distribution.title);
      texts(node, `${dct}description`, distribution.description ?? dataset.title);
      if (dataset.modified) add(node, `${dct}modified`, dated(dataset.modified));
    }
  }
  return quads;
}

/** The catalogue in Turtle. */
export function catalogTurtle(catalog: CatalogDescription): Promise<string> {
  const writer = new Writer({ prefixes: namespaces });
  writer.addQuads(catalogQuads(catalog));
  return new Promise((resolve, reject) => {
    writer.end((error: Error | null, text: string) => (error ? reject(error) : resolve(text)));
  });
}

type JsonLdValue = { '@id': string } | { '@value': string; '@language': string } | { '@value': string; '@type': string } | string;

/** `dct:title` for `http://purl.org/dc/terms/title`; IRIs outside the namespaces stay whole. */
function compact(iri: string): string {
  const [prefix, namespace] = Object.entries(namespaces).find(([, candidate]) => iri.startsWith(candidate)) ?? [];
  return prefix && namespace && /^[A-Za-z][\w-]*$/.test(iri.slice(namespace.length)) ? `${prefix}:${iri.slice(namespace.length)}` : iri;
}

function jsonLdValue(object: Quad['object']): JsonLdValue {
  if (object.termType === 'NamedNode') return { '@id': object.value };
  if (object.termType !== 'Literal') throw new Error(`The catalogue has no ${object.termType} nodes`);
  if (object.language) return { '@value': object.value, '@language': object.language };
  if (object.datatype.value !== `${xsd}string`) return { '@value': object.value, '@type': compact(object.datatype.value) };
  return object.value;
}

/** The catalogue in JSON-LD: one node per subject in `@graph`, properties as prefixed names of the inline context. */
export function catalogJsonLd(catalog: CatalogDescription): string {
  const nodes = new Map<string, Record<string, unknown[] | string>>();
  for (const quad of catalogQuads(catalog)) {
    const node = nodes.get(quad.subject.value) ?? { '@id': quad.subject.value };
    nodes.set(quad.subject.value, node);
    const [key, value] = quad.predicate.value === a.value ? ['@type', compact(quad.object.value)] : [compact(quad.predicate.value), jsonLdValue(quad.object)];
    const values = node[key];
    if (Array.isArray(values)) values.push(value);
    else node[key] = [value];
  }
  const graph = [...nodes.values()].map((node) => JSON.stringify(node));
  return `{\n"@context": ${JSON.stringify(namespaces)},\n"@graph": [\n${graph.join(',\n')}\n]\n}\n`;
}
