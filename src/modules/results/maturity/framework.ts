/**
 * The maturity questionnaire as data: dimensions of weighted questions and an answer scale of described levels, the
 * zod schema every framework passes before it is stored (the built-in one and any the coordinator uploads), and the
 * scoring method (docs/results-maturity.md), pure so a hand case tests it.
 */
import { z } from 'zod';
import { defaultLocale, type Locale } from '../../../core/i18n/locales.js';
import { themeCodePattern } from '../../../core/validation/fields.js';
import type { LocalisedText } from '../tables.js';

const keyPattern = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const problem = (name: string) => `maturity.framework.problems.${name}`;

/** A text in several languages; English, the source language, is required. */
const localised = (max: number) =>
  z
    .object(
      {
        en: z
          .string({ error: problem('englishRequired') })
          .trim()
          .min(1, { error: problem('englishRequired') })
          .max(max, { error: problem('tooLong') }),
        it: z
          .string()
          .trim()
          .max(max, { error: problem('tooLong') })
          .optional(),
        et: z
          .string()
          .trim()
          .max(max, { error: problem('tooLong') })
          .optional(),
        hu: z
          .string()
          .trim()
          .max(max, { error: problem('tooLong') })
          .optional(),
        sv: z
          .string()
          .trim()
          .max(max, { error: problem('tooLong') })
          .optional(),
      },
      { error: problem('textRequired') },
    )
    .strict();

const key = z.string({ error: problem('keyInvalid') }).regex(keyPattern, { error: problem('keyInvalid') });

const levelSchema = z
  .object({
    level: z
      .number({ error: problem('levelInvalid') })
      .int({ error: problem('levelInvalid') })
      .min(0, { error: problem('levelInvalid') })
      .max(10, { error: problem('levelInvalid') }),
    label: localised(80),
    description: localised(400),
  })
  .strict();

const questionSchema = z
  .object({
    key,
    text: localised(400),
    weight: z
      .number({ error: problem('weightInvalid') })
      .positive({ error: problem('weightInvalid') })
      .max(100, { error: problem('weightInvalid') }),
  })
  .strict();

const dimensionSchema = z
  .object({
    key,
    name: localised(120),
    /** Platform theme codes whose practices help this dimension. */
    themes: z
      .array(z.string().regex(themeCodePattern, { error: problem('themeInvalid') }), { error: problem('themesRequired') })
      .max(10, { error: problem('tooMany') }),
    questions: z
      .array(questionSchema, { error: problem('questionsRequired') })
      .min(1, { error: problem('questionsRequired') })
      .max(20, { error: problem('tooMany') }),
  })
  .strict();

export const frameworkSchema = z
  .object({
    name: localised(120),
    scale: z
      .array(levelSchema, { error: problem('scaleRequired') })
      .min(2, { error: problem('scaleTooShort') })
      .max(11, { error: problem('tooMany') }),
    dimensions: z
      .array(dimensionSchema, { error: problem('dimensionsRequired') })
      .min(1, { error: problem('dimensionsRequired') })
      .max(12, { error: problem('tooMany') }),
  })
  .strict()
  .superRefine((framework, context) => {
    // The scale is 0, 1, 2 … in order, so the top level is the maximum a question's mean is divided by.
    framework.scale.forEach((level, index) => {
      if (level.level !== index) context.addIssue({ code: 'custom', path: ['scale', index, 'level'], message: problem('scaleOrder') });
    });
    const dimensionKeys = new Set<string>();
    const questionKeys = new Set<string>();
    framework.dimensions.forEach((dimension, index) => {
      if (dimensionKeys.has(dimension.key)) context.addIssue({ code: 'custom', path: ['dimensions', index, 'key'], message: problem('duplicateKey') });
      dimensionKeys.add(dimension.key);
      dimension.questions.forEach((question, questionIndex) => {
        if (questionKeys.has(question.key))
          context.addIssue({ code: 'custom', path: ['dimensions', index, 'questions', questionIndex, 'key'], message: problem('duplicateKey') });
        questionKeys.add(question.key);
      });
    });
  });

export type Framework = z.output<typeof frameworkSchema>;
export type Dimension = Framework['dimensions'][number];
export type Question = Dimension['questions'][number];

/** One thing wrong with a framework file: where (a path such as `dimensions[2].questions[0].weight`) and the message key. */
export interface FrameworkProblem {
  path: string;
  key: string;
  values?: Record<string, string>;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');
}

/** Reads a framework from JSON text: the framework, or every problem found (the JSON itself, then each field). */
export function parseFrameworkJson(text: string): { ok: true; framework: Framework } | { ok: false; problems: FrameworkProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '', key: problem('notJson') }] };
  }
  return checkFramework(data);
}

export function checkFramework(data: unknown): { ok: true; framework: Framework } | { ok: false; problems: FrameworkProblem[] } {
  const result = frameworkSchema.safeParse(data);
  if (result.success) return { ok: true, framework: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? { path: pathText(issue.path), key: problem('unknownField'), values: { fields: issue.keys.join(', ') } }
        : { path: pathText(issue.path), key: issue.message.startsWith('maturity.') ? issue.message : problem('invalid') },
    ),
  };
}

/** A framework text in the reader's language, English when it has none. */
export function textIn(text: LocalisedText, locale: Locale): string {
  return text[locale] ?? text[defaultLocale] ?? '';
}

export function maxLevel(framework: Framework): number {
  return framework.scale.length - 1;
}

export function questionsOf(framework: Framework): { dimension: Dimension; question: Question }[] {
  return framework.dimensions.flatMap((dimension) => dimension.questions.map((question) => ({ dimension, question })));
}

/** Every level given to every question of a round, by respondent. */
export interface RoundAnswers {
  /** question key → the levels its respondents gave (one per respondent who answered it). */
  levels: ReadonlyMap<string, readonly number[]>;
}

export interface DimensionScore {
  key: string;
  /** 0–100, or null when no question of the dimension was answered. */
  score: number | null;
}

export interface RoundScores {
  dimensions: DimensionScore[];
  /** The mean of the dimension scores that exist; null when none does. */
  overall: number | null;
}

const mean = (values: readonly number[]) => values.reduce((total, value) => total + value, 0) / values.length;

/**
 * A question's score is the mean level its respondents gave, over the top level, × 100; a dimension's is the mean of
 * its answered questions' scores weighted by their weights; the overall score the plain mean of the dimensions, so
 * each dimension counts the same however many questions it has.
 */
export function scoreRound(framework: Framework, answers: RoundAnswers): RoundScores {
  const top = maxLevel(framework);
  const dimensions = framework.dimensions.map((dimension) => {
    let weighted = 0;
    let weights = 0;
    for (const question of dimension.questions) {
      const levels = answers.levels.get(question.key) ?? [];
      if (levels.length === 0) continue;
      weighted += question.weight * ((mean(levels) / top) * 100);
      weights += question.weight;
    }
    return { key: dimension.key, score: weights === 0 ? null : weighted / weights };
  });
  const present = dimensions.map((dimension) => dimension.score).filter((score): score is number => score !== null);
  return { dimensions, overall: present.length ? mean(present) : null };
}

/** A score as shown and as figures carry it: two decimals. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}
