/**
 * Reading PostgreSQL's text form of a tsvector ('lexeme':1A,5 'other':3B …), which is how the search index receives
 * each record's vector: one string per record instead of one row per lexeme.
 */

/** How much an occurrence counts, by the weight its field was given (setweight): title A, summary B, body C, details D. */
export type FieldBoosts = Readonly<Record<'A' | 'B' | 'C' | 'D', number>>;

/** A record's lexemes with, for each, its weighted frequency and its word positions. */
export interface VectorReading {
  lexemes: string[];
  /** Each lexeme's occurrences, each counted by its field's boost (a stripped vector's lexeme counts once, as D). */
  weights: number[];
  /** The lexemes' word positions, lexeme i's from `ends[i - 1]` (0 for the first) to `ends[i]`; none in a stripped vector. */
  positions: number[];
  ends: number[];
}

/** The lexemes of a tsvector's text form, each with its weighted frequency and positions. */
export function readVector(text: string, boosts: FieldBoosts): VectorReading {
  const reading: VectorReading = { lexemes: [], weights: [], positions: [], ends: [] };
  let at = 0;
  while (at < text.length) {
    if (text[at] !== "'") {
      at += 1;
      continue;
    }
    // A quoted lexeme: '' stands for a quote and a backslash escapes the next character.
    let lexeme = '';
    at += 1;
    while (at < text.length) {
      const char = text[at] as string;
      if (char === '\\') {
        lexeme += text[at + 1] ?? '';
        at += 2;
      } else if (char === "'" && text[at + 1] === "'") {
        lexeme += "'";
        at += 2;
      } else if (char === "'") {
        at += 1;
        break;
      } else {
        lexeme += char;
        at += 1;
      }
    }
    let weight = 0;
    if (text[at] === ':') {
      // Positions: 1A,5,12C — a position without a letter has weight D.
      const end = text.indexOf(' ', at);
      for (const position of text.slice(at + 1, end === -1 ? text.length : end).split(',')) {
        const letter = position[position.length - 1];
        const weighted = letter === 'A' || letter === 'B' || letter === 'C';
        weight += weighted ? boosts[letter] : boosts.D;
        reading.positions.push(parseInt(position, 10));
      }
      at = end === -1 ? text.length : end;
    } else {
      weight = boosts.D;
    }
    reading.lexemes.push(lexeme);
    reading.weights.push(weight);
    reading.ends.push(reading.positions.length);
  }
  return reading;
}
