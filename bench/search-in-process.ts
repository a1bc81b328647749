/**
 * The search's own time, measured as the issue's figures before it were (issue #15: "p95 under 20 ms on PostgreSQL
 * and 40 ms on PGlite at 10,000 practices (today 14.7 / 35.2 ms)", the p95s of docs/operations.md's table of
 * 27 November 2026): the library as its page runs it — facet counts and a ranked page of 20 with its rows — called
 * in-process, one query at a time, over 600 queries of two to four words from the generated practices' own
 * vocabulary, here with the judged set's queries among them (their languages, glossary terms and typos). Every query
 * is new to the node, so each is ranked afresh. The platform search is timed the same way on a node of its own.
 */
import { openDatabase, type Db } from '../src/core/db/database.js';
import { getTranslator } from '../src/core/i18n/i18n.js';
import { anonymous } from '../src/core/policy/actor.js';
import { generatorVocabulary, seededRandom } from '../src/core/testing/practice-generator.js';
import { prepareLibrary, searchLibrary, searchQuerySchema } from '../src/modules/practices/service.js';
import { platformSearchSchema, searchPlatform } from '../src/modules/search/service.js';
import { percentile, type BenchDatabase, type FreshDatabase } from './support.js';

const fillerWords = new Set([
  'a',
  'an',
  'the',
  'by',
  'to',
  'of',
  'on',
  'per',
  'any',
  'every',
  'most',
  'same',
  'none',
  'new',
  'half',
  'above',
  'into',
  'outside',
  'up',
  'lets',
  'gives',
  'makes',
  'brings',
]);

function wordsOf(phrases: readonly string[]): string[] {
  return [...new Set(phrases.flatMap((phrase) => phrase.toLowerCase().split(/[\s-]+/)).filter((word) => !fillerWords.has(word) && !/^\d+$/.test(word)))];
}

/**
 * The queries of the measure before (bench/search.ts of 27 November 2026, restored as it was): a service
 * with an approach (what a title says), a beneficiary with an outcome (what a summary says), and words drawn from
 * anywhere in the vocabulary. Two to four words each, reproducible from the seed, and all different.
 */
export function vocabularyQueries(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const { services, approaches, beneficiaries, outcomes } = generatorVocabulary;
  const allWords = wordsOf([...services, ...approaches, ...beneficiaries, ...outcomes]);
  const atMost = (words: string[]) => words.slice(0, 2 + Math.floor(random() * 3));
  const kinds = [
    () => atMost([...wordsOf([pick(approaches)]), ...wordsOf([pick(services)])]),
    () => atMost([...wordsOf([pick(beneficiaries)]), ...wordsOf([pick(outcomes)])]),
    () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(allWords)),
  ];
  // Each text once: a query asked again would find its ranking kept, and every one here is to be ranked afresh.
  const queries = new Set<string>();
  for (let index = 0; queries.size < count; index += 1) {
    const words = [...new Set((kinds[index % kinds.length] as () => string[])())];
    queries.add((words.length >= 2 ? words : [...words, pick(allWords)]).join(' '));
  }
  return [...queries];
}

/** The set's queries spread evenly among the vocabulary's, each text once. */
export function interleaved(vocabulary: readonly string[], set: readonly string[]): string[] {
  const every = Math.max(1, Math.floor(vocabulary.length / Math.max(1, set.length)));
  const queries = vocabulary.flatMap((query, at) => (at % every === 0 && set[at / every] !== undefined ? [set[at / every] as string, query] : [query]));
  return [...new Set(queries)];
}

export interface InProcessRow {
  database: BenchDatabase;
  search: string;
  queries: number;
  'p50 ms': number;
  'p95 ms': number;
  'p99 ms': number;
  'max ms': number;
  goal: string;
}

/** Each query's time on a node of its own (its index and catalogue read first, as a serving node prepares them). */
async function timeOnNewNode(fresh: FreshDatabase, queries: readonly string[], search: (db: Db, q: string) => Promise<unknown>): Promise<number[]> {
  const handle = await openDatabase({ url: fresh.url, dataDir: fresh.dataDir });
  try {
    await prepareLibrary(handle.db);
    const samples: number[] = [];
    for (const q of queries) {
      const started = performance.now();
      await search(handle.db, q);
      samples.push(performance.now() - started);
    }
    return samples.sort((a, b) => a - b);
  } finally {
    await handle.close();
  }
}

/** The library's and the platform's search, each query once, in-process; the goal is judged on their p95. */
export async function benchSearchInProcess(
  fresh: FreshDatabase,
  database: BenchDatabase,
  setQueries: readonly string[],
  goalMs: number,
): Promise<{ met: boolean; rows: InProcessRow[] }> {
  const queries = interleaved(vocabularyQueries(600, 7), setQueries);
  const t = (await getTranslator()).translate('en');
  const searches: [string, (db: Db, q: string) => Promise<unknown>][] = [
    ['the library (searchLibrary)', (db, q) => searchLibrary(db, anonymous, searchQuerySchema.parse({ q }))],
    ['the platform (searchPlatform)', (db, q) => searchPlatform(db, anonymous, platformSearchSchema.parse({ q }), { locale: 'en', t })],
  ];
  const rows: InProcessRow[] = [];
  let met = true;
  for (const [search, run] of searches) {
    const samples = await timeOnNewNode(fresh, queries, run);
    const p95 = percentile(samples, 0.95);
    met &&= p95 < goalMs;
    rows.push({
      database,
      search,
      queries: samples.length,
      'p50 ms': Number(percentile(samples, 0.5).toFixed(1)),
      'p95 ms': Number(p95.toFixed(1)),
      'p99 ms': Number(percentile(samples, 0.99).toFixed(1)),
      'max ms': Number((samples.at(-1) ?? Number.NaN).toFixed(1)),
      goal: `p95 < ${goalMs} ms: ${p95 < goalMs ? 'met' : 'MISSED'}`,
    });
  }
  return { met, rows };
}
