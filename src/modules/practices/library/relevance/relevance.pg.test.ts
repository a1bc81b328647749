/**
 * Search behaves the same on both engines (issue #15): the relevance set loaded into PostgreSQL and into PGlite gives
 * the same first ten practices for every query — the index and the ranking are the same code, and the stemming is the
 * databases' own. Where the two run different PostgreSQL major versions, their Snowball stemmers may stem a word
 * differently (PostgreSQL 15 stems "added" to "ad", 18 to "add"): the texts so affected are found and named, and left
 * out of both databases, so the comparison is of the search itself, and a new divergence fails the test by name.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../../core/db/database.js';
import type { Executor } from '../../../../core/db/database.js';
import { migrateToLatest } from '../../../../core/db/migrate.js';
import { aWorld } from '../../../../core/testing/factories.js';
import { useDatabaseWorld } from '../../../../core/testing/world.js';
import { libraryTopTen } from './measure.js';
import { loadRelevanceSet, readRelevanceSet, type JudgedPractice, type RelevanceSet } from './set.js';

const postgres = useDatabaseWorld();
let pglite: DatabaseHandle;
let set: RelevanceSet;
const stemmedDifferently: string[] = [];
const keysOn = { postgres: new Map<number, string>(), pglite: new Map<number, string>() };

/** The lexemes of a practice's texts as the database stems them in the practice's language. */
async function lexemesOf(db: Executor, practice: JudgedPractice): Promise<string[]> {
  const text = [practice.title, practice.summary, practice.description, practice.keywords.join(' ')].join(' ');
  const { rows } = await sql<{ lexeme: string }>`
    select unnest(tsvector_to_array(to_tsvector(practice_text_config(${practice.language}), ${text}))) as lexeme order by 1
  `.execute(db);
  return rows.map((row) => row.lexeme);
}

async function majorVersionOf(db: Executor): Promise<number> {
  const { rows } = await sql<{ version: string }>`show server_version_num`.execute(db);
  return Math.floor(Number(rows[0]?.version) / 10000);
}

beforeAll(async () => {
  set = await readRelevanceSet();
  pglite = await openDatabase({});
  await migrateToLatest(pglite.db);
  const pgliteWorld = await aWorld(pglite.db);
  for (const practice of set.practices) {
    const [onPostgres, onPglite] = [await lexemesOf(postgres.db, practice), await lexemesOf(pglite.db, practice)];
    if (onPostgres.join(' ') !== onPglite.join(' ')) stemmedDifferently.push(practice.key);
  }
  const alike = set.practices.filter((practice) => !stemmedDifferently.includes(practice.key));
  for (const [key, id] of await loadRelevanceSet(postgres.db, alike, { ownerPartnerId: postgres.world.partnerA.id })) keysOn.postgres.set(id, key);
  for (const [key, id] of await loadRelevanceSet(pglite.db, alike, { ownerPartnerId: pgliteWorld.partnerA.id })) keysOn.pglite.set(id, key);
}, 180_000);

afterAll(async () => {
  await pglite.close();
});

describe('the relevance set on PostgreSQL and on PGlite', () => {
  it('is stemmed alike by both, but for the texts known to meet a change of the Snowball stemmers', async () => {
    const sameMajorVersion = (await majorVersionOf(postgres.db)) === (await majorVersionOf(pglite.db));
    expect(stemmedDifferently).toEqual(sameMajorVersion ? [] : ['oslo-chatbot', 'milpitas-online-permits']);
  });

  it('gives the same first ten practices for every query', async () => {
    for (const { query } of set.queries) {
      const onPostgres = (await libraryTopTen(postgres.db, query)).map((id) => keysOn.postgres.get(id));
      const onPglite = (await libraryTopTen(pglite.db, query)).map((id) => keysOn.pglite.get(id));
      expect(onPostgres.length, query).toBeGreaterThan(0);
      expect(onPostgres, query).toEqual(onPglite);
    }
  });
});
