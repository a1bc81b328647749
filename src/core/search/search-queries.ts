/**
 * The search engine's SQL: the changes to the searchable records since a version (to keep a node's index in step), the
 * lexemes of a query's words in each language the platform indexes, and where the best records have the words next
 * to each other.
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

/** Each word's lexemes in each reading (text-search configuration): none where the reading's stop-word list drops it. */
export async function lexemesOfWords(
  db: Executor,
  words: readonly string[],
  readings: readonly string[],
): Promise<{ word: string; reading: string; lexemes: string[] }[]> {
  const { rows } = await sql<{ word: string; reading: string; lexemes: string[] }>`
    select w.word, r.reading::text as reading, tsvector_to_array(to_tsvector(r.reading, w.word)) as lexemes
    from unnest(${words}::text[]) as w(word) cross join unnest(${readings}::regconfig[]) as r(reading)
  `.execute(db);
  return rows;
}

/** For each record, whether it has the typed phrase (in any language's reading) and how many of the near pairs. */
export async function phraseAndNearPairs(
  db: Executor,
  kind: string,
  ids: readonly number[],
  text: string,
  pairs: readonly string[],
): Promise<{ record_id: number; phrase: boolean; near_pairs: number }[]> {
  const { rows } = await sql<{ record_id: number; phrase: boolean; near_pairs: number }>`
    select d.record_id,
      d.vector @@ (${sql.join(
        textSearchReadings.map((reading) => sql`phraseto_tsquery(${sql.lit(reading)}::regconfig, ${text})`),
        sql` || `,
      )}) as phrase,
      (select count(*)::int from unnest(${pairs}::text[]) as pair(query) where d.vector @@ pair.query::tsquery) as near_pairs
    from search_documents d
    where d.kind = ${kind} and d.record_id = any(${ids}::int[])
  `.execute(db);
  return rows;
}
