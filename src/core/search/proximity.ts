/**
 * Phrase and proximity bonuses for the best-ranked records: the in-memory index knows how often a record has each word,
 * not where, so the positions are asked of the records' own search vectors (search_documents), for the few records
 * that can still change places at the top. A record with the query's words next to each other, or as the phrase typed,
 * moves up.
 */
import type { Executor } from '../db/database.js';
import { Ranking, type QuerySlot } from './search-index.js';
import { phraseAndNearPairs } from './search-queries.js';

/** How many of the best records are looked at again: beyond the first pages, order matters little. */
const reranked = 40;
/** Words at most this many positions apart count as near each other. */
const nearness = 3;
const phraseBonus = 0.25;
const nearPairsBonus = 0.15;

/** A tsquery (text form) for "one of these lexemes": quoted, so any lexeme reads as itself. */
function anyOf(lexemes: readonly string[]): string {
  return `(${[...new Set(lexemes)].map((lexeme) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ')})`;
}

/** For each pair of consecutive slots, a tsquery matching their words (as typed) near each other, in either order. */
export function nearPairQueries(slots: readonly QuerySlot[]): string[] {
  const typed = slots.map((slot) => slot.alternatives[0]?.words.flat() ?? []).filter((lexemes) => lexemes.length > 0);
  const pairs: string[] = [];
  for (let at = 0; at + 1 < typed.length; at += 1) {
    const [one, other] = [anyOf(typed[at] as string[]), anyOf(typed[at + 1] as string[])];
    const distances = Array.from({ length: nearness }, (_, index) => index + 1);
    pairs.push(distances.flatMap((distance) => [`${one} <${distance}> ${other}`, `${other} <${distance}> ${one}`]).join(' | '));
  }
  return pairs;
}

/** The ranking with its first records re-scored for the phrase typed and for words near each other. */
export async function withProximity(db: Executor, kind: string, ranking: Ranking, slots: readonly QuerySlot[], text: string): Promise<Ranking> {
  const pairs = nearPairQueries(slots);
  if (pairs.length === 0 || ranking.length < 2) return ranking;
  const topCount = Math.min(reranked, ranking.length);
  const rows = await phraseAndNearPairs(db, kind, [...ranking.ids.subarray(0, topCount)], text, pairs);
  const bonuses = new Map(rows.map((row) => [row.record_id, 1 + (row.phrase ? phraseBonus : 0) + (nearPairsBonus * row.near_pairs) / pairs.length]));
  const top = Array.from({ length: topCount }, (_, at) => {
    const id = ranking.ids[at] as number;
    return { id, score: (ranking.scores[at] as number) * (bonuses.get(id) ?? 1), matchedSlots: ranking.matchedSlots[at] as number };
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
