/**
 * The words marked in the records shown: only those the records hold, and ts_headline marks exactly what it marked
 * with every word of the widened query (records in the five languages, queries naming glossary concepts).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/world.js';
import { markedPassage, markedWordsQuery } from './marking-queries.js';
import { wordsHeldBy } from './marked-words.js';
import { analyseQuery } from './query-analysis.js';
import { SearchIndex } from './search-index.js';

const database = useTestDatabase();

const records = [
  { id: 1, config: 'english', text: 'Citizens apply online for a building permit; the e-service checks the planning permission.' },
  { id: 2, config: 'italian', text: 'Il permesso di costruire si richiede online allo sportello unico per l’edilizia.' },
  { id: 3, config: 'simple', text: 'Ehitusluba taotletakse e-teenusena ehitisregistris.' },
  { id: 4, config: 'swedish', text: 'Bygglov söks via en e-tjänst hos kommunen.' },
  { id: 5, config: 'hungarian', text: 'Az építési engedély elektronikus ügyintézéssel kérhető.' },
  { id: 6, config: 'english', text: 'A chatbot answers citizens’ questions about waste collection.' },
];

const queries = ['building permit e-service', 'ehitusluba', 'chatbot for citizen questions', 'permesso di costruire online'];

describe('the words marked in the records shown', () => {
  it('are those the records hold, and mark what every word of the query marked', async () => {
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
        const held = wordsHeldBy(index, 'note', [id], analysed);
        expect(held.every((word) => analysed.matchWords.includes(word))).toBe(true);
        const mark = async (words: readonly string[]) => {
          const passage = markedPassage(sql`${config}::regconfig`, sql`${text}::text`, markedWordsQuery(words));
          return (await sql<{ marked: string }>`select ${passage} as marked`.execute(db)).rows[0]?.marked;
        };
        const everyWord = await mark(analysed.matchWords);
        expect(await mark(held), `${query} in record ${id}`).toBe(everyWord);
        if (everyWord?.includes('\u0001')) marked += 1;
      }
      // A widened query has many more words than any record holds.
      expect(wordsHeldBy(index, 'note', [1], analysed).length).toBeLessThan(analysed.matchWords.length);
    }
    expect(marked).toBeGreaterThanOrEqual(8);
  });
});
