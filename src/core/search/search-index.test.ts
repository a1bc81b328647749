/**
 * The search index against a real database: records written through search_documents (as the tables' triggers write
 * them), BM25 ranking with field weights and term rarity, and two nodes that each learn of every change, removals
 * included, at their next ranking.
 */
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/database.js';
import { useTestDatabase } from '../testing/world.js';
import { analyseQuery, nearestWord, wordsOf } from './query-analysis.js';
import { SearchIndex, Vocabulary, type QuerySlot, type Ranking } from './search-index.js';
import { readVector } from './tsvector.js';

const database = useTestDatabase();

/** A record as a table's trigger would index it: title (A) and body (C) in English. */
async function putNote(db: Db, id: number, title: string, body: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select search_document_put('note', ${id},
      setweight(to_tsvector('english', ${title}), 'A') || setweight(to_tsvector('english', ${body}), 'C'), ${`${title} ${body}`})`.execute(trx);
  });
}

async function removeNote(db: Db, id: number): Promise<void> {
  await db.transaction().execute((trx) => sql`select search_document_remove('note', ${id})`.execute(trx));
}

/** The English lexemes of a word, as a slot's alternatives hold them. */
async function lexemes(word: string): Promise<string[]> {
  const rows = await sql<{ lexeme: string }>`select unnest(tsvector_to_array(to_tsvector('english', ${word}))) as lexeme`.execute(database.db);
  return rows.rows.map((row) => row.lexeme);
}

async function ranked(index: SearchIndex, text: string): Promise<number[]> {
  await index.refresh();
  const analysed = await analyseQuery(database.db, index, text);
  return [...index.rank('note', analysed.slots).ids];
}

describe('a tsvector read from its text form', () => {
  it('counts each occurrence by its field’s boost, keeps its positions and unescapes quotes and backslashes', () => {
    const boosts = { A: 3, B: 2, C: 1, D: 0.5 };
    expect(readVector(`'back\\\\slash':4 'o''reilly':1A,7 'servic':2B,3C`, boosts)).toEqual({
      lexemes: ['back\\slash', "o'reilly", 'servic'],
      weights: [0.5, 3.5, 3],
      positions: [4, 1, 7, 2, 3],
      ends: [1, 3, 5],
    });
    expect(readVector(`'one' 'two'`, boosts)).toEqual({ lexemes: ['one', 'two'], weights: [0.5, 0.5], positions: [], ends: [0, 0] });
    expect(readVector('', boosts)).toEqual({ lexemes: [], weights: [], positions: [], ends: [] });
  });
});

describe('the search index', () => {
  it('ranks a title match above a body match, and a rare word above a common one', async () => {
    const db = database.db;
    await putNote(db, 1, 'Parking sensors', 'The city counts free places in every street of the city.');
    await putNote(db, 2, 'City dashboard', 'Shows parking, traffic and air quality for the city.');
    await putNote(db, 3, 'City newsletter', 'News of the city, each week, for the city.');
    const index = new SearchIndex(db);
    expect(await ranked(index, 'parking')).toEqual([1, 2]);
    // "city" is in every record, "dashboard" in one: the record with the rare word comes first.
    expect((await ranked(index, 'city dashboard'))[0]).toBe(2);
  });

  it('finds every record sharing a meaningful word, those with all the words first, and drops stop words', async () => {
    // Two more records, so that "parking" is in fewer than half of them (see the next test).
    await putNote(database.db, 10, 'Bicycle lanes', 'New lanes along the river.');
    await putNote(database.db, 11, 'Harbour ferry', 'A ferry across the harbour every hour.');
    const index = new SearchIndex(database.db);
    const order = await ranked(index, 'the parking dashboard');
    expect(order[0]).toBe(2);
    expect(order).toContain(1);
    expect(order).not.toContain(3);
    const analysed = await analyseQuery(database.db, index, 'the parking dashboard');
    expect(analysed.slots.map((slot) => slot.label)).toEqual(['parking', 'dashboard']);
  });

  it('counts a word held by more than half the records only for records found through a rarer word', async () => {
    const index = new SearchIndex(database.db);
    // "city" is in three of the five records, "dashboard" in one: the records with "city" alone tell nothing more.
    expect(await ranked(index, 'city dashboard')).toEqual([2]);
    // Without a rarer word, the common one finds every record holding it.
    expect((await ranked(index, 'city')).sort()).toEqual([1, 2, 3]);
  });

  it('learns of a new, a changed and a removed record on every node at its next ranking', async () => {
    const db = database.db;
    const node = new SearchIndex(db);
    const otherNode = new SearchIndex(db);
    // Words of no glossary concept, so only the records themselves can match them.
    expect(await ranked(node, 'kayaks')).toEqual([]);
    expect(await ranked(otherNode, 'kayaks')).toEqual([]);
    await putNote(db, 4, 'Kayaks', 'Kayaks to borrow at the harbour.');
    expect(await ranked(node, 'kayaks')).toEqual([4]);
    expect(await ranked(otherNode, 'kayaks')).toEqual([4]);
    await putNote(db, 4, 'Gondolas', 'Gondolas to borrow at the harbour.');
    expect(await ranked(otherNode, 'kayaks')).toEqual([]);
    expect(await ranked(node, 'gondolas')).toEqual([4]);
    await removeNote(db, 4);
    expect(await ranked(node, 'gondolas')).toEqual([]);
    expect(await ranked(otherNode, 'gondolas')).toEqual([]);
  });

  it('ranks as an index built afresh after many records sharing words came, changed and went', async () => {
    const db = database.db;
    const node = new SearchIndex(db);
    await node.refresh();
    // Enough records for a word's postings to grow several times, removals from their middle and ends, a record
    // changed, and lengths that move the average length every score depends on.
    for (let id = 100; id < 140; id += 1) await putNote(db, id, `Ferry timetable ${id}`, `Ferries and harbour buses. ${'Timetable '.repeat(id % 7)}`);
    await node.refresh();
    for (const id of [100, 117, 118, 139]) await removeNote(db, id);
    await putNote(db, 120, 'Harbour buses', 'Night buses to the harbour.');
    const afresh = new SearchIndex(db);
    for (const query of ['ferry timetable', 'harbour buses', 'timetable']) {
      await Promise.all([node.refresh(), afresh.refresh()]);
      const { slots } = await analyseQuery(db, afresh, query);
      const [updated, built] = [node.rank('note', slots), afresh.rank('note', slots)];
      expect(updated.length, query).toBeGreaterThan(30);
      expect([...updated.ids], query).toEqual([...built.ids]);
      expect([...updated.scores], query).toEqual([...built.scores]);
    }
    for (let id = 100; id < 140; id += 1) await removeNote(db, id);
  });

  it('reads a large change in batches, letting other work run between them, and holds every record of it', async () => {
    const db = database.db;
    const putBatch = (from: number, to: number) =>
      db.transaction().execute((trx) =>
        sql`select search_document_put('note', g, setweight(to_tsvector('english', 'Batch record ' || g), 'A'), 'Batch record ' || g)
          from generate_series(${from}::int, ${to}::int) g`.execute(trx),
      );
    const turns = vi.spyOn(globalThis, 'setImmediate');
    try {
      const index = new SearchIndex(db);
      // The turns a reading of a small change gives (the database client's own), then those of 2,500 records at once,
      // as a node's first reading of a large installation.
      await putBatch(5000, 5009);
      await index.refresh();
      const small = turns.mock.calls.length;
      await putBatch(5010, 7509);
      turns.mockClear();
      const found = await ranked(index, 'batch');
      expect(turns.mock.calls.length - small).toBeGreaterThanOrEqual(2);
      expect(found.filter((id) => id >= 5000 && id <= 7509)).toHaveLength(2510);
    } finally {
      turns.mockRestore();
    }
  });

  it('scores an alternative of several words by the share of them a record has', async () => {
    const index = new SearchIndex(database.db);
    await index.refresh();
    const slot: QuerySlot = { label: 'air dashboard', alternatives: [{ boost: 1, words: [await lexemes('air'), await lexemes('dashboard')], whole: false }] };
    const both = index.rank('note', [slot]);
    expect([...both.ids]).toEqual([2]);
    const half: QuerySlot = { label: 'air sensors', alternatives: [{ boost: 1, words: [await lexemes('air'), await lexemes('sensors')], whole: false }] };
    expect(index.rank('note', [half]).length).toBe(2);
  });

  it('finds a record through a glossary term of several words only when it has them all', async () => {
    const index = new SearchIndex(database.db);
    await index.refresh();
    // "air quality" (record 2) as a term of the slot "pollution": "air" alone (the word of no record else) is not it.
    const term = { boost: 0.85, words: [await lexemes('air'), await lexemes('quality')], whole: true };
    const pollution: QuerySlot = { label: 'pollution', alternatives: [{ boost: 1, words: [await lexemes('pollution')], whole: false }, term] };
    expect([...index.rank('note', [pollution]).ids]).toEqual([2]);
    const airSensors: QuerySlot = {
      label: 'pollution',
      alternatives: [
        { boost: 1, words: [await lexemes('pollution')], whole: false },
        { ...term, words: [await lexemes('air'), await lexemes('sensors')] },
      ],
    };
    expect(index.rank('note', [airSensors]).length).toBe(0);
    expect(index.rank('note', [{ ...airSensors, alternatives: airSensors.alternatives.map((alternative) => ({ ...alternative, whole: false })) }]).length).toBe(
      2,
    );
  });
});

describe('ranking work shared within a query', () => {
  const sameRanking = (found: Ranking, expected: Ranking) => {
    expect([...found.ids]).toEqual([...expected.ids]);
    expect([...found.scores]).toEqual([...expected.scores]);
    expect([...found.matchedSlots]).toEqual([...expected.matchedSlots]);
  };
  const ids = Array.from({ length: 40 }, (_, at) => 300 + at);

  it('scores a lexeme of several single-word alternatives once, at the highest boost it comes with', async () => {
    // Every record has "harbour" and "city" (common words); a few have "kayak", "ferry" or "bus".
    for (const id of ids)
      await putNote(
        database.db,
        id,
        `Harbour ${['kayak', 'ferry', 'bus', 'walk'][id % 4]} ${id}`,
        `The city harbour${id % 10 === 0 ? ' and its kayak club' : ''}.`,
      );
    const index = new SearchIndex(database.db);
    await index.refresh();
    const [kayak, ferry] = [await lexemes('kayak'), await lexemes('ferry')];
    const once: QuerySlot = {
      label: 'kayak',
      alternatives: [
        { boost: 1, words: [kayak], whole: false },
        { boost: 0.85, words: [ferry], whole: true },
      ],
    };
    const repeated: QuerySlot = {
      label: 'kayak',
      alternatives: [{ boost: 0.5, words: [kayak], whole: true }, ...once.alternatives, { boost: 0.85, words: [kayak], whole: true }],
    };
    const expected = index.rank('note', [once]);
    expect(expected.length).toBeGreaterThan(20);
    sameRanking(index.rank('note', [repeated]), expected);
  });

  it('adds a word that several alternatives share as if each scored it afresh, in a slot of common words and in a rarer one', async () => {
    const index = new SearchIndex(database.db);
    await index.refresh();
    const [harbour, city, kayak, ferry, bus] = [
      await lexemes('harbour'),
      await lexemes('city'),
      await lexemes('kayak'),
      await lexemes('ferry'),
      await lexemes('bus'),
    ];
    // The same word under another key: a copy of its readings with one repeated, which scores the same lexemes.
    let copies = 0;
    const afresh = (readings: string[]) => [...readings, ...Array.from({ length: (copies += 1) }, () => readings[0] as string)];
    const slotsOf = (word: (readings: string[]) => string[]): QuerySlot[] => [
      // Common: each word of its first alternative is in every record, so it only adds to records found otherwise.
      {
        label: 'city harbour',
        alternatives: [
          { boost: 1, words: [word(city), word(harbour)], whole: false },
          // A glossary term: found only in records holding both its words, its kept word scores counted alike.
          { boost: 0.85, words: [word(harbour), word(kayak)], whole: true },
        ],
      },
      {
        label: 'kayak ferry',
        alternatives: [
          { boost: 1, words: [word(kayak), word(ferry)], whole: false },
          { boost: 0.85, words: [word(bus), word(kayak)], whole: true },
        ],
      },
    ];
    const shared = index.rank(
      'note',
      slotsOf((readings) => readings),
    );
    expect(shared.length).toBeGreaterThan(20);
    sameRanking(shared, index.rank('note', slotsOf(afresh)));
  });

  it('ranks alike after a ranking that touched most records and one that touched few', async () => {
    const node = new SearchIndex(database.db);
    // Broad and narrow: a record's number is in its title alone.
    const queries = ['city harbour', '317', 'kayak club', 'ferry', '305 kayak', 'walk', 'city harbour kayak'];
    for (const query of [...queries, ...queries.reverse()]) {
      const built = new SearchIndex(database.db);
      await Promise.all([node.refresh(), built.refresh()]);
      const { slots } = await analyseQuery(database.db, built, query);
      sameRanking(node.rank('note', slots), built.rank('note', slots));
    }
    for (const id of ids) await removeNote(database.db, id);
  });
});

describe('typos', () => {
  const written = ['participatory', 'budgeting', 'budget', 'parking', 'participation'];
  const uses = (word: string) => (word === 'participation' ? 5 : 1);

  it('corrects a word one or two edits from a written one, the most used winning a tie', () => {
    expect(nearestWord('partcipatory', written, uses)).toBe('participatory');
    expect(nearestWord('budgetting', written, uses)).toBe('budgeting');
    expect(nearestWord('parkin', written, uses)).toBe('parking');
  });

  it('looks among the written words sharing the first letter, each once, in the order they were first written', () => {
    const vocabulary = new Vocabulary();
    vocabulary.add(['budget', 'participatory', 'budgeting']);
    vocabulary.add(['budget', 'parking', 'ügyintézés']);
    expect(vocabulary.wordsLike('budgetting')).toEqual(['budget', 'budgeting']);
    expect(vocabulary.wordsLike('partcipatory')).toEqual(['participatory', 'parking']);
    expect(vocabulary.wordsLike('ügyintezes')).toEqual(['ügyintézés']);
    expect(vocabulary.wordsLike('zebra')).toEqual([]);
    expect(vocabulary.recordsUsing('budget')).toBe(2);
  });

  it('leaves short words, numbers and words far from every written one alone', () => {
    expect(nearestWord('bud', written, uses)).toBeNull();
    expect(nearestWord('2024', ['2025'], uses)).toBeNull();
    expect(nearestWord('helicopter', written, uses)).toBeNull();
  });

  it('offers the corrected query when a word matches nothing, and corrects its neighbours written otherwise', async () => {
    await putNote(database.db, 5, 'Participatory budgeting', 'Residents decide on part of the budget.');
    const index = new SearchIndex(database.db);
    await index.refresh();
    const analysed = await analyseQuery(database.db, index, 'Partcipatory budgetting');
    expect(analysed.suggestion).toBe('participatory budgeting');
    expect(index.rank('note', analysed.slots).ids[0]).toBe(5);
    expect((await analyseQuery(database.db, index, 'participatory budget')).suggestion).toBeNull();
  });

  it('reads a word’s stems from the database once, and understands a query alike with them kept', async () => {
    let wordsRead = 0;
    // An executor of its own (stems are kept by executor), counting the rows of words the database stemmed.
    const counting = () =>
      database.db.withPlugin({
        transformQuery: (args) => args.node,
        transformResult: async (args) => {
          wordsRead += args.result.rows.filter((row) => row.word !== null && row.word !== undefined).length;
          return args.result;
        },
      });
    const fresh = async () => {
      const index = new SearchIndex(database.db);
      await index.refresh();
      return index;
    };
    const [kept, cold] = [counting(), counting()];
    await analyseQuery(kept, await fresh(), 'participatory budgeting for schools');
    expect(wordsRead).toBeGreaterThan(0);
    wordsRead = 0;
    // The same words in another query (and its glossary concept's words): only the new text's phrase is read.
    const withKept = await analyseQuery(kept, await fresh(), 'schools and participatory budgeting');
    expect(wordsRead).toBe(5); // "and", in the five readings
    const withNone = await analyseQuery(cold, await fresh(), 'schools and participatory budgeting');
    expect(wordsRead).toBeGreaterThan(100);
    expect(withKept).toEqual(withNone);
  });

  it('reads words with inner hyphens and apostrophes as one', () => {
    expect(wordsOf('E-service, citizens’ "one-stop" shop!')).toEqual(['e-service', 'citizens', 'one-stop', 'shop']);
  });
});
