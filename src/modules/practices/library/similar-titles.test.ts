/** Near-duplicate titles: PostgreSQL's trigram similarity, the threshold between rewordings and different practices, and the index. */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { describe, expect, it } from 'vitest';
import { mostSimilar, SimilarTitleIndex, similarTitleThreshold, titleSimilarity, trigramsOf } from './similar-titles.js';

const rewordings: [string, string][] = [
  ['Tartu Open Data Portal', 'Open Data Portal of Tartu'],
  ['Digital Payment of Municipal Fees', 'Digital payments of municipal fees'],
  ['Municipal e-services platform', 'Munincipal e-services platform'],
  ['Iperbole Civic Network of Bologna', 'Bologna civic network Iperbole'],
  ['Tallinna e-teenused', 'Tallinna e-teenüsed'],
  ['Green public procurement in Tallinn', 'Green public procurement of Tallinn city'],
];
const different: [string, string][] = [
  ['Digital payment of parking fees', 'Digital payment of waste fees'],
  ['Open data portal of Tartu', 'Open data portal of Tallinn'],
  ['Practice 1', 'Practice 2'],
  ['Call 2023', 'Call 2024'],
  ['Smart parking pilot', 'Smart lighting pilot'],
];

describe('title similarity', () => {
  it('is exactly PostgreSQL pg_trgm’s similarity(), accents and all', async () => {
    const database = await PGlite.create({ extensions: { pg_trgm } });
    await database.exec('create extension pg_trgm');
    const pairs: [string, string][] = [
      ...rewordings,
      ...different,
      ['Kőbánya okos város', 'Kőbánya okos városa'],
      ['', 'x'],
      ['Ålands e-tjänster!', 'ålands E-TJÄNSTER'],
    ];
    for (const [a, b] of pairs) {
      const { rows } = await database.query<{ similarity: number }>('select similarity($1, $2) as similarity', [a, b]);
      expect(titleSimilarity(a, b), `${a} / ${b}`).toBeCloseTo(rows[0]?.similarity ?? -1, 5);
    }
    await database.close();
  });

  it('flags the same practice reworded, and not different practices with close titles', () => {
    for (const [a, b] of rewordings) expect(titleSimilarity(a, b), `${a} / ${b}`).toBeGreaterThanOrEqual(similarTitleThreshold);
    for (const [a, b] of different) expect(titleSimilarity(a, b), `${a} / ${b}`).toBeLessThan(similarTitleThreshold);
  });
});

describe('the index of titles', () => {
  it('finds a similar title exactly when comparing with every one would, within the owner only', () => {
    const titles = [...rewordings, ...different].flat().map((title, index) => ({ title, id: index }));
    const index = new SimilarTitleIndex<number>();
    const byOwner = new Map<number, { title: string; id: number }[]>();
    let found = 0;
    for (const [position, entry] of titles.entries()) {
      const owner = Math.floor(position / 4) % 2;
      const expected = mostSimilar(entry.title, byOwner.get(owner) ?? []);
      expect(index.similarTo(owner, trigramsOf(entry.title))?.value, entry.title).toBe(expected?.id);
      if (expected) found += 1;
      index.add(owner, trigramsOf(entry.title), entry.id);
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), entry]);
    }
    expect(found).toBe(rewordings.length);
    expect(index.similarTo(0, trigramsOf('Tartu open data portal'))).toMatchObject({ value: 0, similarity: 1 });
    expect(index.similarTo(7, trigramsOf('Tartu open data portal'))).toBeUndefined();
  });
});
