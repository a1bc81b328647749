/**
 * Phrase and proximity bonuses for the best-ranked records: a record with the query's words next to each other, or as
 * the phrase typed, moves up. Judged on the records' word positions, which the index keeps from their search vectors
 * (search_documents), as PostgreSQL's phrase search would judge them (the same tsvector positions, the same stems):
 * asking the database cost a round trip of 1–5 ms per kind and search, most of a ranking kept in memory otherwise.
 */
import { Ranking, type QuerySlot } from './search-index.js';
import type { TextReading } from './search-queries.js';

/** How many of the best records are looked at again: beyond the first pages, order matters little. */
const reranked = 40;
/** Words at most this many positions apart count as near each other. */
const nearness = 3;
const phraseBonus = 0.25;
const nearPairsBonus = 0.15;

/** The query as one reading stems it: its lexemes in order, each with its position after the first's (stop words count). */
export interface Phrase {
  lexemes: string[];
  offsets: number[];
}

/** The distinct phrases of the query's readings; none for a reading that drops every word. */
export function phrasesOf(readings: readonly TextReading[]): Phrase[] {
  const phrases = new Map<string, Phrase>();
  for (const { lexemes, positions } of readings) {
    const first = positions[0];
    if (first === undefined) continue;
    const phrase = { lexemes, offsets: positions.map((position) => position - first) };
    phrases.set(JSON.stringify(phrase), phrase);
  }
  return [...phrases.values()];
}

/** Where a record has each lexeme asked about (the index's positionsIn). */
export type PositionsOf = (id: number, wanted: ReadonlySet<string>) => ReadonlyMap<string, ArrayLike<number>>;

/** For each pair of consecutive slots, the lexemes of each (their words as typed), to be found near each other. */
export function nearPairsOf(slots: readonly QuerySlot[]): [ReadonlySet<string>, ReadonlySet<string>][] {
  const typed = slots.map((slot) => new Set(slot.alternatives[0]?.words.flat() ?? [])).filter((lexemes) => lexemes.size > 0);
  return typed.slice(1).map((other, at) => [typed[at] as ReadonlySet<string>, other]);
}

function includes(positions: ArrayLike<number> | undefined, position: number): boolean {
  if (!positions) return false;
  for (let at = 0; at < positions.length; at += 1) if (positions[at] === position) return true;
  return false;
}

/** Whether the record has the phrase: its lexemes at the same distances from each other (PostgreSQL's `<N>` chain). */
function hasPhrase(phrase: Phrase, positions: ReadonlyMap<string, ArrayLike<number>>): boolean {
  const starts = positions.get(phrase.lexemes[0] as string) ?? [];
  for (let at = 0; at < starts.length; at += 1) {
    const start = starts[at] as number;
    if (phrase.lexemes.every((lexeme, word) => includes(positions.get(lexeme), start + (phrase.offsets[word] as number)))) return true;
  }
  return false;
}

/** Whether a lexeme of one set is within `nearness` words of one of the other, in either order. */
function isNear([one, other]: [ReadonlySet<string>, ReadonlySet<string>], positions: ReadonlyMap<string, ArrayLike<number>>): boolean {
  // Loops over the positions as they are: copying them into arrays for every pair of every record looked at was a
  // third of the proximity's time.
  for (const lexeme of one) {
    const places = positions.get(lexeme);
    if (!places) continue;
    for (const otherLexeme of other) {
      const others = positions.get(otherLexeme);
      if (!others) continue;
      for (let at = 0; at < places.length; at += 1) {
        const position = places[at] as number;
        for (let near = 0; near < others.length; near += 1) {
          const distance = Math.abs(position - (others[near] as number));
          if (distance > 0 && distance <= nearness) return true;
        }
      }
    }
  }
  return false;
}

export interface Proximity {
  /** Whether the record has the query's phrase, in some reading. */
  phrase: boolean;
  /** How many of the query's consecutive word pairs it has near each other. */
  nearPairs: number;
}

/** What the record's word positions say of the query: its phrase, and which of its word pairs are near each other. */
export function proximityIn(
  positions: ReadonlyMap<string, ArrayLike<number>>,
  pairs: readonly [ReadonlySet<string>, ReadonlySet<string>][],
  phrases: readonly Phrase[],
): Proximity {
  return { phrase: phrases.some((phrase) => hasPhrase(phrase, positions)), nearPairs: pairs.filter((pair) => isNear(pair, positions)).length };
}

/** The ranking with its first records re-scored for the phrase typed and for words near each other. */
export function withProximity(ranking: Ranking, slots: readonly QuerySlot[], phrases: readonly Phrase[], positionsOf: PositionsOf): Ranking {
  const pairs = nearPairsOf(slots);
  if (pairs.length === 0 || ranking.length < 2) return ranking;
  const wanted = new Set([...pairs.flatMap(([one, other]) => [...one, ...other]), ...phrases.flatMap((phrase) => phrase.lexemes)]);
  const topCount = Math.min(reranked, ranking.length);
  const top = Array.from({ length: topCount }, (_, at) => {
    const id = ranking.ids[at] as number;
    const { phrase, nearPairs } = proximityIn(positionsOf(id, wanted), pairs, phrases);
    const bonus = 1 + (phrase ? phraseBonus : 0) + (nearPairsBonus * nearPairs) / pairs.length;
    return { id, score: (ranking.scores[at] as number) * bonus, matchedSlots: ranking.matchedSlots[at] as number };
  });
  top.sort((one, other) => other.score - one.score || other.id - one.id);
  const [ids, scores, matchedSlots] = [ranking.ids.slice(), ranking.scores.slice(), ranking.matchedSlots.slice()];
  top.forEach((record, at) => {
    ids[at] = record.id;
    scores[at] = record.score;
    matchedSlots[at] = record.matchedSlots;
  });
  // The rest keep their order below the re-scored ones, whose scores only grew.
  const floor = top.at(-1)?.score ?? 0;
  for (let at = topCount; at < scores.length; at += 1) scores[at] = Math.min(scores[at] as number, floor);
  return new Ranking(ids, scores, matchedSlots);
}
