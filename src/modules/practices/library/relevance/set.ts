/**
 * The judged relevance set of real good practices (README.md beside this file): reading it, and loading it as
 * published practices into a database, for the relevance test and for benchmarks that measure the same lists.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../../../core/db/database.js';
import type { Locale } from '../../../../core/i18n/locales.js';
import { systemActor } from '../../../../core/policy/actor.js';
import { practiceSchema } from '../../schema.js';
import { changeStatus, createPractice } from '../service.js';
import type { Judgements } from './metrics.js';

export interface JudgedPractice {
  key: string;
  title: string;
  summary: string;
  description: string;
  language: Locale;
  keywords: string[];
  source: string;
}

export interface JudgedQuery {
  query: string;
  language: Locale;
  why: string;
  judgements: Judgements;
}

export interface RelevanceSet {
  practices: JudgedPractice[];
  queries: JudgedQuery[];
}

/** One of the set's files beside this one, by its name without .json. */
const readJson = async <T>(name: string): Promise<T> => JSON.parse(await readFile(path.join(import.meta.dirname, `${name}.json`), 'utf8')) as T;

/** The set as kept in practices.json and queries.json. */
export async function readRelevanceSet(): Promise<RelevanceSet> {
  const [practices, queries] = await Promise.all([readJson<JudgedPractice[]>('practices'), readJson<JudgedQuery[]>('queries')]);
  return { practices, queries };
}

export interface LoadOptions {
  ownerPartnerId: number;
  /** Every practice needs a theme; the set's subjects are not the programme's themes, so one theme stands for all. */
  themeCode?: string;
}

/**
 * Creates each practice of the set through the library's own use cases and publishes it, as the system; answers
 * the new practice's id by the set's key. Throws on any refusal: a set that does not load measures nothing.
 */
export async function loadRelevanceSet(db: Db, practices: readonly JudgedPractice[], options: LoadOptions): Promise<Map<string, number>> {
  const system = systemActor('relevance-set');
  const ids = new Map<string, number>();
  for (const practice of practices) {
    const input = practiceSchema.parse({
      ownerPartnerId: String(options.ownerPartnerId),
      language: practice.language,
      title: practice.title,
      summary: practice.summary,
      description: practice.description,
      themes: [options.themeCode ?? 'digital-services'],
      keywords: practice.keywords,
      links: [practice.source],
    });
    const created = await createPractice(db, system, input);
    if (!created.ok) throw new Error(`relevance set: ${practice.key} refused (${created.reason})`);
    const published = await changeStatus(db, system, created.value.id, 'publish');
    if (!published.ok) throw new Error(`relevance set: ${practice.key} not published (${published.reason})`);
    ids.set(practice.key, created.value.id);
  }
  return ids;
}
