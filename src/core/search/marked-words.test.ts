/**
 * What is marked in the records shown: each record's own query, of the words it holds, marks exactly what every word of
 * the widened query, read by every stemmer, marked (records in the five languages, queries naming glossary concepts),
 * in a title marked whole and in a passage chosen around the words.
 */
import { sql, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/world.js';
import { markedPassage, markedWhole } from './marking-queries.js';
import { markingQueriesOf, wordsHeldBy } from './marked-words.js';
import { analyseQuery } from './query-analysis.js';
import { SearchIndex } from './search-index.js';
import { textSearchReadings } from './search-queries.js';

const database = useTestDatabase();

const records = [
  { id: 1, config: 'english', text: 'Citizens apply online for a building permit; the e-service checks the planning permission.' },
  { id: 2, config: 'italian', text: 'Il permesso di costruire si richiede online allo sportello unico per l’edilizia.' },
  { id: 3, config: 'simple', text: 'Ehitusluba taotletakse e-teenusena ehitisregistris.' },
  { id: 4, config: 'swedish', text: 'Bygglov söks via en e-tjänst hos kommunen.' },
  { id: 5, config: 'hungarian', text: 'Az építési engedély elektronikus ügyintézéssel kérhető.' },
  { id: 6, config: 'english', text: 'A chatbot answers citizens’ questions about waste collection.' },
  // A long text, so a passage is chosen: "stop" and "one" alone, early, are not the phrase "one-stop".
  {
    id: 7,
    config: 'english',
    text:
      'One clerk will stop selling tickets at the old desk, and residents queue for hours before they are served, which the ' +
      'council counts among its oldest complaints about the town hall, its corridors, its forms and its opening times. ' +
      'Since spring a one-stop shop for public services brings every counter of the town hall under one roof.',
  },
];

const queries = ['building permit e-service', 'ehitusluba', 'chatbot for citizen questions', 'permesso di costruire online', 'one-stop shop'];

/** The whole widened query as the search asked it before: every word, as a phrase, in every reading. */
function everyWordQuery(words: readonly string[]) {
  const text = words.map((word) => `"${word}"`).join(' or ');
  return sql<string>`(${sql.join(
    textSearchReadings.map((reading) => sql`websearch_to_tsquery(${reading}::regconfig, ${text})`),
    sql` || `,
  )})`;
}

describe('what is marked in the records shown', () => {
  it('is the words each record holds, and marks what every word of the query marked', async () => {
    const db = database.db;
    await db.transaction().execute(async (trx) => {
      for (const { id, config, text } of records) {
        await sql`select search_document_put('note', ${id}, setweight(to_tsvector(${config}::regconfig, ${text}), 'C'), ${text})`.execute(trx);
      }
    });
    const index = new SearchIndex(db);
    await index.refresh();
    let marked = 0;
    for (const query of queries) {
      const analysed = await analyseQuery(db, index, query);
      for (const { id, config, text } of records) {
        const held = wordsHeldBy(index, 'note', id, analysed);
        expect(held.every((word) => analysed.matchWords.includes(word))).toBe(true);
        const [own] = markingQueriesOf(index, 'note', [id], analysed);
        const mark = async (query: RawBuilder<string>) => {
          const [configText, textText] = [sql`${config}::regconfig`, sql`${text}::text`];
          const { rows } = await sql<{ whole: string; passage: string }>`
            select ${markedWhole(configText, textText, query)} as whole, ${markedPassage(configText, textText, query)} as passage
          `.execute(db);
          return rows[0];
        };
        // The same query, the words the record does not hold left out: the same terms, phrases and order.
        const asked = await sql<{ text: string }>`select ${everyWordQuery(held)}::text as text`.execute(db);
        expect(held.length === 0 ? '' : asked.rows[0]?.text, `${query}'s query for record ${id}`).toBe(
          (await sql<{ text: string }>`select ${own}::tsquery::text as text`.execute(db)).rows[0]?.text,
        );
        const everyWord = await mark(everyWordQuery(analysed.matchWords));
        expect(await mark(sql<string>`${own}::tsquery`), `${query} in record ${id}`).toEqual(everyWord);
        if (everyWord?.whole.includes('\u0001')) marked += 1;
      }
      // A widened query has many more words than any record holds.
      expect(wordsHeldBy(index, 'note', 1, analysed).length).toBeLessThan(analysed.matchWords.length);
    }
    expect(marked).toBeGreaterThanOrEqual(8);
  });
});
