/**
 * What a coordinator may let the import change in a real file rather than edit it by hand: a missing summary is
 * taken from the description, an over-long one shortened with its full text kept in the description, and themes the
 * list lacks are added. Each change is reported on its row; without the options such rows are refused as before.
 */
import { descriptionMaxLength, summaryMaxLength } from '../schema.js';

export interface AdjustOptions {
  /** Write a missing summary from the description, shorten one over 500 characters (the full text goes to the description). */
  fixSummaries: boolean;
  /** Add the themes the file names that the list lacks. */
  createThemes: boolean;
}

export interface Change {
  column: string;
  key: string;
  values: Record<string, string | number>;
}

/** Runs of whitespace (line breaks included) become one space: a summary is one paragraph. */
const oneParagraph = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The longest start of a text, within `max` characters, that ends a sentence (as the language's rules find them);
 * when even the first sentence is longer, the longest start that ends a word, followed by an ellipsis; when even the
 * first word is (a web address, a text without spaces), the longest start that ends a character, so the summary is
 * never just "…" nor half an emoji.
 */
export function shortenText(text: string, max: number, language: string): string {
  const flat = oneParagraph(text);
  if (flat.length <= max) return flat;
  let sentences = '';
  for (const { segment } of new Intl.Segmenter(language, { granularity: 'sentence' }).segment(flat)) {
    if ((sentences + segment).trimEnd().length > max) break;
    sentences += segment;
  }
  if (sentences.trim() !== '') return sentences.trim();
  let words = '';
  for (const { segment } of new Intl.Segmenter(language, { granularity: 'word' }).segment(flat)) {
    if ((words + segment).trimEnd().length > max - 1) break;
    words += segment;
  }
  if (words.trim() !== '') return `${words.trimEnd()}…`;
  return `${longestStart(flat, max - 1, new Intl.Segmenter(language, { granularity: 'grapheme' }))}…`;
}

/** The longest run of whole segments (characters as people see them) from the start of a text within `max` code units. */
function longestStart(text: string, max: number, segmenter: Intl.Segmenter): string {
  let start = '';
  for (const { segment } of segmenter.segment(text)) {
    if (start.length + segment.length > max) break;
    start += segment;
  }
  return start;
}

/**
 * The row's summary and description after the option, and the change made, if any; or, when the full text cannot be
 * kept because the description has no room left for it, the row as it is with the problem to report.
 */
export function fitSummary(
  summary: string,
  description: string,
  language: string,
): { summary: string; description: string; change?: Change; problem?: Change } {
  const given = summary.trim();
  if (given === '') {
    if (description.trim() === '') return { summary, description };
    const derived = shortenText(description, summaryMaxLength, language);
    return { summary: derived, description, change: { column: 'summary', key: 'practices.import.changes.summaryDerived', values: { length: derived.length } } };
  }
  if (given.length <= summaryMaxLength) return { summary, description };
  const shortened = shortenText(given, summaryMaxLength, language);
  // The full text is not lost: it opens the description, unless the description already holds it.
  const kept = description.includes(given) ? description : description.trim() === '' ? given : `${given}\n\n${description}`;
  if (kept.length > descriptionMaxLength)
    return {
      summary,
      description,
      problem: { column: 'summary', key: 'practices.import.rowErrors.summaryNotKept', values: { length: kept.length, max: descriptionMaxLength } },
    };
  return {
    summary: shortened,
    description: kept,
    change: { column: 'summary', key: 'practices.import.changes.summaryShortened', values: { from: given.length, to: shortened.length } },
  };
}
