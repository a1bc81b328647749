/**
 * The search engine's SQL: the changes to the searchable records since a version (to keep a node's index in step), and
 * a query's lexemes in each language the platform indexes, word by word and as a phrase.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * The text-search configurations the records are stemmed with (see practice_text_config: English, Italian, Hungarian,
 * Swedish; 'simple', as written, for Estonian): a query is read in all of them.
 */
export const textSearchReadings = ['english', 'italian', 'hungarian', 'swedish', 'simple'] as const;

/** A changed record, or (kind null) the version alone when nothing changed. */
export interface DocumentRow {
  kind: string | null;
  record_id: number;
  removed: boolean;
  vector: string;
  words: string;
  version: string | number;
}

/**
 * Every record written after a data version, with the version now. One statement, so the version it reads and the
 * rows it returns are of the same snapshot.
 */
export async function documentChangesSince(db: Executor, version: number): Promise<DocumentRow[]> {
  const { rows } = await sql<DocumentRow>`
    select v.version, d.kind, d.record_id, d.removed, d.vector::text as vector, d.words::text as words
    from (select version from data_version) as v left join search_documents d on d.revision > ${version}
  `.execute(db);
  return rows;
}

/** A word's lexemes in one reading (none where the reading's stop-word list drops it). */
export interface WordReading {
  word: string;
  reading: string;
  lexemes: string[];
  /**
   * The word as a tsquery of this reading, as text (empty without lexemes): its lexeme, or the phrase of them a word
   * like "e-service" is read as; what marks it in a record (marked-words.ts).
   */
  query: string;
}

/** A text as one reading stems it: its lexemes in the order of their word positions (stop words leave gaps). */
export interface TextReading {
  reading: string;
  lexemes: string[];
  positions: number[];
}

/** Each word's lexemes in each reading (text-search configuration), and the whole text's in each; one statement. */
export async function readingsOf(
  db: Executor,
  words: readonly string[],
  text: string,
  readings: readonly string[],
): Promise<{ words: WordReading[]; text: TextReading[] }> {
  const { rows } = await sql<{ word: string | null; reading: string; lexemes: string[]; positions: number[] | null; query: string | null }>`
    select w.word, read.reading, read.lexemes, null::int[] as positions,
      -- A stop word is not asked as a query: PostgreSQL would log a notice for each.
      case when cardinality(read.lexemes) > 0 then websearch_to_tsquery(read.config, '"' || w.word || '"')::text else '' end as query
    from unnest(${words}::text[]) as w(word) cross join unnest(${readings}::regconfig[]) as r(reading)
      cross join lateral (select r.reading as config, r.reading::text as reading, tsvector_to_array(to_tsvector(r.reading, w.word)) as lexemes) as read
    union all
    select null, r.reading::text,
      coalesce(array_agg(v.lexeme order by p.position) filter (where p.position is not null), '{}'),
      coalesce(array_agg(p.position::int order by p.position) filter (where p.position is not null), '{}'), null
    from unnest(${readings}::regconfig[]) as r(reading)
      left join lateral unnest(to_tsvector(r.reading, ${text})) as v(lexeme, positions, weights) on true
      left join lateral unnest(v.positions) as p(position) on true
    group by r.reading
  `.execute(db);
  return {
    words: rows.flatMap((row) => (row.word === null ? [] : [{ word: row.word, reading: row.reading, lexemes: row.lexemes, query: row.query ?? '' }])),
    text: rows.flatMap((row) => (row.positions === null ? [] : [{ reading: row.reading, lexemes: row.lexemes, positions: row.positions }])),
  };
}
