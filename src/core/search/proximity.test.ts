/**
 * The phrase and nearness bonuses judged from the index's word positions, against PostgreSQL's own phrase search over
 * the same vectors (the `<N>` operators the bonuses were first computed with): records in the five languages, with
 * stop words, hyphenated words, repeated words and translations appended to a record's vector (positions shifted).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { useTestDatabase } from '../testing/world.js';
import { nearPairsOf, proximityIn, withProximity, type Proximity } from './proximity.js';
import { analyseQuery } from './query-analysis.js';
import { Ranking, SearchIndex, type QuerySlot } from './search-index.js';
import { textSearchReadings } from './search-queries.js';

const database = useTestDatabase();

/** Each record: its title and body in one language, and a translated title appended, as practices are indexed. */
const records: { id: number; config: string; title: string; body: string; translation?: [string, string] }[] = [
  { id: 1, config: 'english', title: 'Apply for a building permit online', body: 'Citizens apply online for a permit for building works.' },
  { id: 2, config: 'english', title: 'Building a permit office', body: 'The office for the permit of the building was built online.' },
  {
    id: 3,
    config: 'english',
    title: 'E-service portal',
    body: 'One e-service portal for the e-service of every municipality.',
    translation: ['italian', 'Portale dei servizi online'],
  },
  { id: 4, config: 'italian', title: 'Bilancio partecipativo', body: 'I cittadini propongono e votano i progetti del bilancio partecipativo comunale.' },
  { id: 5, config: 'italian', title: 'Pagamenti elettronici alla pubblica amministrazione', body: 'Un sistema di pagamenti per la pubblica amministrazione.' },
  { id: 6, config: 'hungarian', title: 'Közösségi költségvetés', body: 'A lakosok döntenek a közösségi költségvetés felhasználásáról.' },
  {
    id: 7,
    config: 'swedish',
    title: 'Digital delaktighet för äldre',
    body: 'Äldre får stöd för digital delaktighet i kommunen.',
    translation: ['english', 'Digital inclusion for older people'],
  },
  { id: 8, config: 'simple', title: 'Ehitusluba e-teenusena', body: 'Ehitusluba taotletakse e-teenusena ehitisregistris.' },
  { id: 9, config: 'english', title: 'Open data', body: 'The data of the data portal are open; open portal data for everyone.' },
  { id: 10, config: 'english', title: 'Smart city sensors', body: 'Sensors in the smart city count parking places; city sensors report air quality.' },
];

const queries = [
  'apply for a building permit online',
  'building permit',
  'permit building',
  'e-service portal',
  'bilancio partecipativo comunale',
  'pagamenti elettronici alla pubblica amministrazione',
  'közösségi költségvetés',
  'digital delaktighet för äldre',
  'digital inclusion older people',
  'ehitusluba e-teenusena',
  'the data of the data',
  'open data portal',
  'smart city sensors',
  'sensors city smart',
  'online portal services',
];

async function putRecords(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const { id, config, title, body, translation } of records) {
      const own = sql`setweight(to_tsvector(${config}::regconfig, ${title}), 'A') || setweight(to_tsvector(${config}::regconfig, ${body}), 'C')`;
      const vector = translation ? sql`${own} || setweight(to_tsvector(${translation[0]}::regconfig, ${translation[1]}), 'A')` : own;
      await sql`select search_document_put('note', ${id}, ${vector}, ${`${title} ${body}`})`.execute(trx);
    }
  });
}

/** A tsquery (text form) for "one of these lexemes". */
function anyOf(lexemes: ReadonlySet<string>): string {
  return `(${[...lexemes].map((lexeme) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ')})`;
}

/** PostgreSQL's judgement: the query as typed in each reading's phrase search, and each pair of words within three positions. */
async function judgedByPostgres(db: Db, slots: readonly QuerySlot[], text: string): Promise<Map<number, Proximity>> {
  const pairs = nearPairsOf(slots).map(([one, other]) =>
    [1, 2, 3].flatMap((distance) => [`${anyOf(one)} <${distance}> ${anyOf(other)}`, `${anyOf(other)} <${distance}> ${anyOf(one)}`]).join(' | '),
  );
  const phrase = sql.join(
    textSearchReadings.map((reading) => sql`phraseto_tsquery(${sql.lit(reading)}::regconfig, ${text})`),
    sql` || `,
  );
  const { rows } = await sql<{ record_id: number; phrase: boolean; near_pairs: number }>`
    select d.record_id, d.vector @@ (${phrase}) as phrase,
      (select count(*)::int from unnest(${pairs}::text[]) as pair(query) where d.vector @@ pair.query::tsquery) as near_pairs
    from search_documents d where d.kind = 'note'
  `.execute(db);
  return new Map(rows.map((row) => [row.record_id, { phrase: row.phrase, nearPairs: row.near_pairs }]));
}

describe('phrase and nearness bonuses', () => {
  it('judge every record as PostgreSQL’s phrase search does, for every query', async () => {
    const db = database.db;
    await putRecords(db);
    const index = new SearchIndex(db);
    await index.refresh();
    let phrasesFound = 0;
    let nearFound = 0;
    for (const query of queries) {
      const analysed = await analyseQuery(db, index, query);
      expect(analysed.suggestion, query).toBeNull();
      const pairs = nearPairsOf(analysed.slots);
      const wanted = new Set([...pairs.flatMap(([one, other]) => [...one, ...other]), ...analysed.phrases.flatMap((phrase) => phrase.lexemes)]);
      const expected = await judgedByPostgres(db, analysed.slots, query);
      for (const { id } of records) {
        const judged = proximityIn(index.positionsIn('note', id, wanted), pairs, analysed.phrases);
        expect(judged, `${query} in record ${id}`).toEqual(expected.get(id));
        if (judged.phrase) phrasesFound += 1;
        if (judged.nearPairs > 0) nearFound += 1;
      }
    }
    // The comparison means something only if both judgements are often true.
    expect(phrasesFound).toBeGreaterThanOrEqual(8);
    expect(nearFound).toBeGreaterThanOrEqual(10);
  });

  it('move a record with the phrase typed above a better-scored one with the words apart, and no further', async () => {
    const db = database.db;
    await putRecords(db);
    const index = new SearchIndex(db);
    await index.refresh();
    const analysed = await analyseQuery(db, index, 'apply for a building permit online');
    const positionsOf = (id: number, wanted: ReadonlySet<string>) => index.positionsIn('note', id, wanted);
    // Record 2 has the words, but not as the phrase; record 1 has the phrase (in its title).
    const ranking = new Ranking(Int32Array.of(2, 1, 9), Float64Array.of(1.2, 1, 0.1), Uint16Array.of(4, 4, 1));
    const reranked = withProximity(ranking, analysed.slots, analysed.phrases, positionsOf);
    expect([...reranked.ids]).toEqual([1, 2, 9]);
    expect(reranked.scores[0]).toBeGreaterThan(1.25);
    expect([...reranked.matchedSlots]).toEqual([4, 4, 1]);
  });
});
