/**
 * The open-data catalogue: gathers what every module describes at the `catalog.datasets` point (each provider run
 * with the programmes and their partners' regions read once) and writes it as DCAT-AP 3 in Turtle or JSON-LD.
 */
import type { Db } from '../../core/db/database.js';
import { getTranslator } from '../../core/i18n/i18n.js';
import { locales } from '../../core/i18n/locales.js';
import { contributionsTo } from '../../core/module.js';
import { anonymous } from '../../core/policy/actor.js';
import { listPartners } from '../partners/service.js';
import { listProgrammes } from '../programmes/service.js';
import { catalogDatasets, type DatasetContext, type LanguageMap, type ProgrammeScope } from './datasets.js';
import { catalogJsonLd, catalogTurtle, type CatalogDescription } from './rdf.js';

export * from './datasets.js';
export { catalogJsonLd, catalogTurtle, type CatalogDescription } from './rdf.js';

export const catalogFormats = ['ttl', 'jsonld'] as const;
export type CatalogFormat = (typeof catalogFormats)[number];
export const catalogMediaTypes: Record<CatalogFormat, string> = { ttl: 'text/turtle; charset=utf-8', jsonld: 'application/ld+json; charset=utf-8' };

/** The message in English and in every language whose catalogue translates it (not the English fallback). */
async function textsOf(): Promise<DatasetContext['text']> {
  const translator = await getTranslator();
  return (key, values) => {
    const english = translator.translate('en')(key, values);
    const map: LanguageMap = { en: english };
    for (const locale of locales) {
      const text = translator.translate(locale)(key, values);
      if (locale !== 'en' && text !== english) map[locale] = text;
    }
    return map;
  };
}

/** Every programme with its partners' regions and countries (sorted, each once). */
async function programmeScopes(db: Db, publicUrl: string): Promise<ProgrammeScope[]> {
  const [programmes, partners] = await Promise.all([listProgrammes(db), listPartners(db, anonymous)]);
  return programmes.map((programme) => {
    const own = partners.filter((partner) => partner.programmeId === programme.id);
    return {
      id: programme.id,
      title: programme.title,
      acronym: programme.acronym,
      startsOn: programme.startsOn,
      endsOn: programme.endsOn,
      publisher: { iri: `${publicUrl}/programmes/${programme.id}#programme`, name: programme.title },
      partners: own.map((partner) => ({
        id: partner.id,
        name: partner.name,
        nutsCode: partner.nutsCode,
        countryCode: partner.countryCode,
        publisher: { iri: `${publicUrl}/partners/${partner.id}#organisation`, name: partner.name },
      })),
      nutsCodes: [...new Set(own.map((partner) => partner.nutsCode).filter(Boolean))].sort(),
      countryCodes: [...new Set(own.map((partner) => partner.countryCode).filter(Boolean))].sort(),
    };
  });
}

/** The catalogue's description: the datasets every installed module publishes right now. */
export async function describeCatalog(db: Db, publicUrl: string, now = new Date()): Promise<CatalogDescription> {
  const programmes = await programmeScopes(db, publicUrl);
  const context: DatasetContext = { db, publicUrl, programmes, text: await textsOf(), now: now.toISOString() };
  const datasets = [];
  for (const provider of contributionsTo(catalogDatasets)) datasets.push(...(await provider(context)));
  const keys = new Set<string>();
  for (const { key } of datasets) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(key) || keys.has(key)) throw new Error(`The dataset key ${key} is malformed or used twice`);
    keys.add(key);
  }
  const main = programmes[0];
  return {
    iri: `${publicUrl}/catalog`,
    homepage: `${publicUrl}/`,
    title: context.text('catalog.title'),
    description: context.text('catalog.description'),
    publisher: main?.publisher ?? { iri: `${publicUrl}/#platform`, name: 'BETTER' },
    languages: [...locales],
    modified: context.now,
    datasets,
  };
}

/** The catalogue as text in the chosen format. */
export async function exportCatalog(db: Db, format: CatalogFormat, publicUrl: string): Promise<string> {
  const catalog = await describeCatalog(db, publicUrl);
  return format === 'ttl' ? catalogTurtle(catalog) : catalogJsonLd(catalog);
}
