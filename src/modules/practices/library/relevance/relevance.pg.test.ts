/**
 * Search behaves the same on both engines (issue #15): the relevance set loaded into PostgreSQL and into PGlite gives
 * the same first ten practices for every query — the stemming, the index and the ranking are the same code and data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../../core/db/database.js';
import { migrateToLatest } from '../../../../core/db/migrate.js';
import { aWorld } from '../../../../core/testing/factories.js';
import { useDatabaseWorld } from '../../../../core/testing/world.js';
import { libraryTopTen } from './measure.js';
import { loadRelevanceSet, readRelevanceSet, type RelevanceSet } from './set.js';

const postgres = useDatabaseWorld();
let pglite: DatabaseHandle;
let set: RelevanceSet;
const keysOn = { postgres: new Map<number, string>(), pglite: new Map<number, string>() };

beforeAll(async () => {
  set = await readRelevanceSet();
  pglite = await openDatabase({});
  await migrateToLatest(pglite.db);
  const pgliteWorld = await aWorld(pglite.db);
  for (const [id, key] of [...(await loadRelevanceSet(postgres.db, set.practices, { ownerPartnerId: postgres.world.partnerA.id }))].map(
    ([key, id]) => [id, key] as const,
  ))
    keysOn.postgres.set(id, key);
  for (const [id, key] of [...(await loadRelevanceSet(pglite.db, set.practices, { ownerPartnerId: pgliteWorld.partnerA.id }))].map(
    ([key, id]) => [id, key] as const,
  ))
    keysOn.pglite.set(id, key);
}, 180_000);

afterAll(async () => {
  await pglite.close();
});

describe('the relevance set on PostgreSQL and on PGlite', () => {
  it('gives the same first ten practices for every query', async () => {
    for (const { query } of set.queries) {
      const onPostgres = (await libraryTopTen(postgres.db, query)).map((id) => keysOn.postgres.get(id));
      const onPglite = (await libraryTopTen(pglite.db, query)).map((id) => keysOn.pglite.get(id));
      expect(onPostgres.length, query).toBeGreaterThan(0);
      expect(onPostgres, query).toEqual(onPglite);
    }
  });
});
