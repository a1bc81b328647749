/**
 * The RDF side of the CPSV-AP export: the terms it uses, the graph nodes built from them, and the two writers that
 * turn batches of nodes into JSON-LD (the nodes as they are, under an inline context) and Turtle (through n3).
 * One table drives both, so a term cannot mean one thing in JSON-LD and another in Turtle.
 */
import { DataFactory as rdf, Writer, type Quad } from 'n3';

const namespaces = {
  cpsv: 'http://purl.org/vocab/cpsv#',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
  dcat: 'http://www.w3.org/ns/dcat#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  adms: 'http://www.w3.org/ns/adms#',
  locn: 'http://www.w3.org/ns/locn#',
} as const;
const { cpsv, cv, dct, dcat, skos, adms, locn } = namespaces;

const classes = {
  PublicService: `${cpsv}PublicService`,
  PublicOrganisation: `${cv}PublicOrganisation`,
  Channel: `${cv}Channel`,
  Cost: `${cv}Cost`,
  Location: `${dct}Location`,
  LinguisticSystem: `${dct}LinguisticSystem`,
  Concept: `${skos}Concept`,
} as const;
export type NodeClass = keyof typeof classes;

/** literal: a plain string; text: language-tagged strings, a language map in JSON-LD; link: IRIs of other nodes. */
const properties = {
  identifier: { iri: `${dct}identifier`, kind: 'literal' },
  title: { iri: `${dct}title`, kind: 'text' },
  description: { iri: `${dct}description`, kind: 'text' },
  keyword: { iri: `${dcat}keyword`, kind: 'text' },
  prefLabel: { iri: `${skos}prefLabel`, kind: 'text' },
  geographicName: { iri: `${locn}geographicName`, kind: 'text' },
  hasCompetentAuthority: { iri: `${cv}hasCompetentAuthority`, kind: 'link' },
  hasChannel: { iri: `${cv}hasChannel`, kind: 'link' },
  hasCost: { iri: `${cv}hasCost`, kind: 'link' },
  thematicArea: { iri: `${cv}thematicArea`, kind: 'link' },
  language: { iri: `${dct}language`, kind: 'link' },
  spatial: { iri: `${dct}spatial`, kind: 'link' },
  audience: { iri: `${dct}audience`, kind: 'link' },
  type: { iri: `${dct}type`, kind: 'link' },
  status: { iri: `${adms}status`, kind: 'link' },
} as const;
type Property = keyof typeof properties;
type PropertiesOfKind<Kind extends string> = { [P in Property]: (typeof properties)[P]['kind'] extends Kind ? P : never }[Property];

/** Language tag → text, e.g. `{ en: 'Parking permit' }`. */
export type LanguageMap = Record<string, string>;

/** A node of the graph, written exactly as it appears in the JSON-LD `@graph`. */
export type GraphNode = { '@id': string; '@type': NodeClass } & { [P in PropertiesOfKind<'literal'>]?: string } & {
  [P in PropertiesOfKind<'text'>]?: LanguageMap;
} & {
  [P in PropertiesOfKind<'link'>]?: string[];
};

/** `dct:title` for `http://purl.org/dc/terms/title`, so the context reads like the specification. */
function compact(iri: string): string {
  const [prefix, namespace] = Object.entries(namespaces).find(([, candidate]) => iri.startsWith(candidate)) ?? [];
  return prefix && namespace ? `${prefix}:${iri.slice(namespace.length)}` : iri;
}

/** Inline, so that nothing has to be fetched to read the export. */
export const jsonLdContext = {
  ...namespaces,
  ...Object.fromEntries(Object.entries(classes).map(([term, iri]) => [term, compact(iri)])),
  ...Object.fromEntries(
    Object.entries(properties).map(([term, { iri, kind }]) => [
      term,
      kind === 'literal' ? compact(iri) : kind === 'text' ? { '@id': compact(iri), '@container': '@language' } : { '@id': compact(iri), '@type': '@id' },
    ]),
  ),
};

/** The JSON-LD document, one node per line inside `@graph`, written as the batches arrive. */
export async function* writeJsonLd(batches: AsyncIterable<GraphNode[]>): AsyncGenerator<string> {
  const context = Object.entries(jsonLdContext).map(([term, definition]) => `  ${JSON.stringify(term)}: ${JSON.stringify(definition)}`);
  yield `{\n"@context": {\n${context.join(',\n')}\n},\n"@graph": [`;
  let separator = '\n';
  for await (const nodes of batches) {
    if (nodes.length === 0) continue;
    yield separator + nodes.map((node) => JSON.stringify(node)).join(',\n');
    separator = ',\n';
  }
  yield '\n]\n}\n';
}

function quadsOf(node: GraphNode): Quad[] {
  const subject = rdf.namedNode(node['@id']);
  const quads = [rdf.quad(subject, rdf.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), rdf.namedNode(classes[node['@type']]))];
  for (const term of Object.keys(properties) as Property[]) {
    const value = node[term];
    if (value === undefined) continue;
    const predicate = rdf.namedNode(properties[term].iri);
    if (typeof value === 'string') quads.push(rdf.quad(subject, predicate, rdf.literal(value)));
    else if (Array.isArray(value)) for (const iri of value) quads.push(rdf.quad(subject, predicate, rdf.namedNode(iri)));
    else for (const [language, text] of Object.entries(value)) quads.push(rdf.quad(subject, predicate, rdf.literal(text, language)));
  }
  return quads;
}

/** The Turtle document: one n3 writer for the whole export (it escapes the literals), drained after each batch. */
export async function* writeTurtle(batches: AsyncIterable<GraphNode[]>): AsyncGenerator<string> {
  let pending: string[] = [];
  const sink = {
    write(chunk: string, _encoding?: string, done?: () => void) {
      pending.push(chunk);
      done?.();
    },
    end(done?: () => void) {
      done?.();
    },
  };
  const drain = () => {
    const text = pending.join('');
    pending = [];
    return text;
  };
  const writer = new Writer(sink, { prefixes: namespaces });
  for await (const nodes of batches) {
    for (const node of nodes) writer.addQuads(quadsOf(node));
    const text = drain();
    if (text) yield text;
  }
  writer.end();
  yield drain();
}
