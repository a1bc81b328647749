/**
 * The catalogue of published instruments as CPSV-AP 3.2.0 (JSON-LD or Turtle), for the public exports and the
 * command line. Each public service of an instrument is a cpsv:PublicService whose competent authority is the owner
 * partner. Instruments are read in batches by id, so a catalogue of any size streams in constant memory.
 */
import type { Db } from '../../../core/db/database.js';
import { listThemes } from '../../themes/service.js';
import { writeJsonLd, writeTurtle, type GraphNode, type LanguageMap } from './rdf.js';
import { servicesOf } from '../catalogue/queries.js';
import { publishedBatch } from './queries.js';
import type { Audience, Channel, InstrumentKind, ServiceLanguage, Stage } from '../tables.js';

export const cpsvFormats = ['jsonld', 'ttl'] as const;
export type CpsvFormat = (typeof cpsvFormats)[number];
export const cpsvMediaTypes: Record<CpsvFormat, string> = { jsonld: 'application/ld+json; charset=utf-8', ttl: 'text/turtle; charset=utf-8' };

export interface CpsvOptions {
  publicUrl: string;
  /** Only this programme's instruments; every programme's when absent. */
  programmeId?: number;
  batchSize?: number;
}

// The labels of the platform's vocabularies, and partners' and regions' names, are kept in English; the instrument's
// own texts are tagged with the language it records them in.
const english = (text: string): LanguageMap => ({ en: text });

/** ISO 639-1 codes of the forms → the EU Publications Office language authority table (ISO 639-2/T based). */
const languageAuthorityCodes: Record<ServiceLanguage, string> = {
  bg: 'BUL',
  cs: 'CES',
  da: 'DAN',
  de: 'DEU',
  el: 'ELL',
  en: 'ENG',
  es: 'SPA',
  et: 'EST',
  fi: 'FIN',
  fr: 'FRA',
  ga: 'GLE',
  hr: 'HRV',
  hu: 'HUN',
  it: 'ITA',
  lt: 'LIT',
  lv: 'LAV',
  mt: 'MLT',
  nl: 'NLD',
  pl: 'POL',
  pt: 'POR',
  ro: 'RON',
  sk: 'SLK',
  sl: 'SLV',
  sv: 'SWE',
  ru: 'RUS',
  uk: 'UKR',
  ar: 'ARA',
};

const stageLabels: Record<Stage, string> = { idea: 'Idea', design: 'Design', pilot: 'Pilot', live: 'Live', scaled: 'Scaled up', retired: 'Retired' };
const channelLabels: Record<Channel, string> = { web: 'Website', mobile_app: 'Mobile app', kiosk: 'Kiosk', phone: 'Telephone', in_person: 'In person' };
const audienceLabels: Record<Audience, string> = { citizens: 'Citizens', businesses: 'Businesses', public_bodies: 'Public bodies' };
const kindLabels: Record<InstrumentKind, string> = {
  online_service: 'Online service',
  payment_system: 'Payment system',
  data_platform: 'Data platform',
  ai_tool: 'AI tool',
  mobile_app: 'Mobile app',
  process_digitalisation: 'Process digitalisation',
  other: 'Other eGovernment instrument',
};

const hasKey = <T extends string>(table: Record<T, string>, key: string): key is T => Object.hasOwn(table, key);

type InstrumentRow = Awaited<ReturnType<typeof publishedBatch>>[number];
type ServiceRow = Awaited<ReturnType<typeof servicesOf>>[number];

/** Builds the nodes of one instrument; shared nodes (partners, places, concepts) only the first time they appear. */
class CatalogueGraph {
  private readonly written = new Set<string>();

  constructor(
    private readonly publicUrl: string,
    private readonly themeNames: Map<string, LanguageMap>,
  ) {}

  private once(nodes: GraphNode[], node: GraphNode): string {
    if (!this.written.has(node['@id'])) {
      this.written.add(node['@id']);
      nodes.push(node);
    }
    return node['@id'];
  }

  private concept(nodes: GraphNode[], scheme: string, code: string, prefLabel: LanguageMap): string {
    return this.once(nodes, { '@id': `${this.publicUrl}/vocabularies/${scheme}#${encodeURIComponent(code)}`, '@type': 'Concept', prefLabel });
  }

  nodesOf(instrument: InstrumentRow, services: ServiceRow[]): GraphNode[] {
    const nodes: GraphNode[] = [];
    const page = `${this.publicUrl}/instruments/${instrument.id}`;
    const written = (text: string): LanguageMap => ({ [instrument.text_language]: text });
    const place = this.once(nodes, {
      '@id': `http://data.europa.eu/nuts/code/${encodeURIComponent(instrument.nuts_code)}`,
      '@type': 'Location',
      ...(instrument.nuts_name ? { geographicName: english(instrument.nuts_name) } : {}),
    });
    const authority = this.once(nodes, {
      '@id': `${this.publicUrl}/partners/${instrument.partner_id}#organisation`,
      '@type': 'PublicOrganisation',
      prefLabel: english(instrument.partner_name),
      spatial: [place],
    });
    const channels = instrument.channels
      .filter((channel) => hasKey(channelLabels, channel))
      .map((channel) => {
        const type = this.concept(nodes, 'instrument-channels', channel, english(channelLabels[channel]));
        nodes.push({ '@id': `${page}#channel-${channel}`, '@type': 'Channel', identifier: `instrument-${instrument.id}-channel-${channel}`, type: [type] });
        return `${page}#channel-${channel}`;
      });
    const languages = instrument.languages
      .filter((code) => hasKey(languageAuthorityCodes, code))
      .map((code) =>
        this.once(nodes, { '@id': `http://publications.europa.eu/resource/authority/language/${languageAuthorityCodes[code]}`, '@type': 'LinguisticSystem' }),
      );
    const audiences = instrument.audiences
      .filter((audience) => hasKey(audienceLabels, audience))
      .map((audience) => this.concept(nodes, 'instrument-audiences', audience, english(audienceLabels[audience])));
    const status = this.concept(nodes, 'instrument-stages', instrument.stage, english(stageLabels[instrument.stage]));
    const themeNames = instrument.theme_code === null ? undefined : this.themeNames.get(instrument.theme_code);
    const themes = instrument.theme_code !== null && themeNames ? [this.concept(nodes, 'themes', instrument.theme_code, themeNames)] : [];
    let cost: string[] = [];
    if (!instrument.is_free) {
      nodes.push({
        '@id': `${page}#cost`,
        '@type': 'Cost',
        identifier: `instrument-${instrument.id}-cost`,
        ...(instrument.cost_description ? { description: written(instrument.cost_description) } : {}),
      });
      cost = [`${page}#cost`];
    }
    // An instrument saved without services (only possible outside the forms) is still listed, as one service.
    const offered = services.length ? services : [{ position: 0, name: instrument.name, description: '' }];
    for (const service of offered) {
      const fragment = service.position ? `service-${service.position}` : 'service';
      nodes.push({
        '@id': `${page}#${fragment}`,
        '@type': 'PublicService',
        identifier: `instrument-${instrument.id}-${fragment}`,
        title: written(service.name),
        description: written(service.description || instrument.description || service.name),
        keyword: english(kindLabels[instrument.kind]),
        hasCompetentAuthority: [authority],
        spatial: [place],
        status: [status],
        ...(channels.length ? { hasChannel: channels } : {}),
        ...(languages.length ? { language: languages } : {}),
        ...(audiences.length ? { audience: audiences } : {}),
        ...(themes.length ? { thematicArea: themes } : {}),
        ...(cost.length ? { hasCost: cost } : {}),
      });
    }
    return nodes;
  }
}

async function* catalogueNodes(db: Db, options: CpsvOptions): AsyncGenerator<GraphNode[]> {
  const themes = await listThemes(db);
  const graph = new CatalogueGraph(options.publicUrl, new Map(themes.map((theme) => [theme.code, theme.names])));
  const size = options.batchSize ?? 500;
  let afterId = 0;
  for (;;) {
    const instruments = await publishedBatch(db, afterId, size, options.programmeId);
    if (instruments.length === 0) return;
    const services = new Map<number, ServiceRow[]>();
    for (const service of await servicesOf(
      db,
      instruments.map((instrument) => instrument.id),
    )) {
      services.set(service.instrument_id, [...(services.get(service.instrument_id) ?? []), service]);
    }
    yield instruments.flatMap((instrument) => graph.nodesOf(instrument, services.get(instrument.id) ?? []));
    afterId = instruments[instruments.length - 1]?.id ?? afterId;
    if (instruments.length < size) return;
  }
}

/** The catalogue as text chunks of the chosen format, one chunk per batch of instruments. */
export function exportCatalogue(db: Db, format: CpsvFormat, options: CpsvOptions): AsyncGenerator<string> {
  return format === 'jsonld' ? writeJsonLd(catalogueNodes(db, options)) : writeTurtle(catalogueNodes(db, options));
}
