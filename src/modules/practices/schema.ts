/** Input schemas of the practices module: the practice form, search, review, learning needs, transfers, imports. */
import { z } from 'zod';
import { listFormat } from '../../core/exchange/cells.js';
import { countryCodes } from '../../core/i18n/countries.js';
import { locales, type Locale } from '../../core/i18n/locales.js';
import {
  checkbox,
  choice,
  cleanText,
  listOf,
  optionalChoice,
  optionalDate,
  optionalEuros,
  optionalEmail,
  optionalId,
  optionalLine,
  optionalText,
  pageNumber,
  requiredDate,
  requiredId,
  requiredLine,
  requiredText,
  themeCodePattern,
  webAddress,
  whenFieldsValid,
} from '../../core/validation/fields.js';
import { geographicalScopes, practiceStatuses, transferStages, type Translations } from './tables.js';

export const summaryMaxLength = 500;
export const descriptionMaxLength = 20_000;

/**
 * Keywords and themes in one file cell: separated by commas or semicolons; one that holds a separator has it escaped
 * with a backslash (`e-government\, open government`), as the platform's own files write it.
 */
export const termList = listFormat(';,');
/** Links in one file cell: one a line, or separated by semicolons (escaped with a backslash inside a link). */
export const linkList = listFormat('\n;', '\n');

/**
 * A list the form shows in a text area, one item a line: an item may hold any other character (a comma in a keyword,
 * a semicolon in a web address) exactly as typed, with nothing to escape. A list given as a list (files read with
 * their own separators, JSON) is taken item by item.
 */
export function linesOf(value: unknown): string[] {
  if (Array.isArray(value)) return listOf(value);
  return listOf(value)
    .flatMap((text) => text.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

// A keyword is one line: one from a list (a file's cell may hold a line break) has its line breaks made spaces.
const keywords = z.preprocess(
  (value) => linesOf(value).map((keyword) => keyword.replace(/\s*\n\s*/g, ' ')),
  z.array(z.string().max(60, { error: 'practices.form.keywords.tooLong' })).max(20, { error: 'practices.form.keywords.tooMany' }),
);

/** Further information links: one per line in the form. */
const links = z.preprocess(linesOf, z.array(webAddress('practices.form.links.invalid')).max(10, { error: 'practices.form.links.tooMany' }));

const euros = optionalEuros('practices.form.resourcesEur.invalid');

const translationFields = Object.fromEntries(
  locales.flatMap((locale) => [
    [`title_${locale}`, optionalLine({ max: 200 })],
    [`summary_${locale}`, optionalText({ max: summaryMaxLength, tooLong: 'practices.form.summary.tooLong' })],
  ]),
) as Record<`title_${Locale}` | `summary_${Locale}`, ReturnType<typeof optionalText>>;

/** The practice form's fields, each checked on its own (see practiceSchema for the rule across them). */
export const practiceFields = z.object({
  ownerPartnerId: requiredId('practices.form.ownerPartnerId.required'),
  ownerOrganisationId: optionalId('practices.form.ownerOrganisationId.invalid'),
  language: choice(locales, 'practices.form.language.required'),
  title: requiredLine({ max: 200, required: 'practices.form.title.required' }),
  summary: requiredText({ max: summaryMaxLength, required: 'practices.form.summary.required', tooLong: 'practices.form.summary.tooLong' }),
  objective: optionalText({ max: 5000 }).transform((text) => text ?? ''),
  description: optionalText({ max: descriptionMaxLength }).transform((text) => text ?? ''),
  themes: z.preprocess(
    listOf,
    z.array(z.string().regex(themeCodePattern, { error: 'practices.form.themes.invalid' })).min(1, { error: 'practices.form.themes.required' }),
  ),
  keywords,
  locationCountry: optionalChoice(countryCodes, 'practices.form.locationCountry.invalid'),
  locationNuts: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : null),
    z
      .string()
      .regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/, { error: 'practices.form.locationNuts.invalid' })
      .nullable(),
  ),
  locationCity: optionalLine({ max: 120 }),
  geographicalScope: optionalChoice(geographicalScopes, 'practices.form.geographicalScope.invalid'),
  resources: optionalText({ max: 5000 }).transform((text) => text ?? ''),
  resourcesEur: euros,
  startsOn: optionalDate(),
  endsOn: optionalDate(),
  evidence: optionalText({ max: 10_000 }).transform((text) => text ?? ''),
  transferPotential: optionalText({ max: 10_000 }).transform((text) => text ?? ''),
  difficulties: optionalText({ max: 10_000 }).transform((text) => text ?? ''),
  links,
  contactName: optionalLine({ max: 120 }),
  contactEmail: optionalEmail(),
  ...translationFields,
  /** Ticked after the platform warned of a likely duplicate: save anyway. */
  confirmDuplicate: checkbox(),
});

export const practiceSchema = practiceFields.refine((input) => !input.startsOn || !input.endsOn || input.endsOn >= input.startsOn, {
  error: 'practices.form.endsOn.beforeStart',
  path: ['endsOn'],
  ...whenFieldsValid('startsOn', 'endsOn'),
});
export type PracticeFormInput = z.output<typeof practiceSchema>;

/** The translations the form carries, without the entry's own language and without empty ones. */
export function translationsOf(input: PracticeFormInput): Translations {
  const translations: Translations = {};
  for (const locale of locales) {
    if (locale === input.language) continue;
    const title = input[`title_${locale}`];
    const summary = input[`summary_${locale}`];
    if (title || summary) translations[locale] = { ...(title ? { title } : {}), ...(summary ? { summary } : {}) };
  }
  return translations;
}

export const sortOrders = ['relevance', 'newest', 'title'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** The library's search, from the query string: anything unusable is dropped rather than refused, so links never break. */
export const searchQuerySchema = z.object({
  q: z
    .preprocess((value) => {
      const cleaned = cleanText(Array.isArray(value) ? value[0] : value);
      return typeof cleaned === 'string' ? cleaned.replace(/\s+/g, ' ').slice(0, 200) : '';
    }, z.string().max(200))
    .meta({ description: 'Words to search for; "quoted phrase", or, -exclude' }),
  theme: z
    .preprocess(
      (value) =>
        listOf(value)
          .filter((code) => themeCodePattern.test(code))
          .slice(0, 20),
      z.array(z.string().regex(themeCodePattern)),
    )
    .meta({ description: 'Theme codes (repeat the parameter for several)' }),
  country: z.preprocess((value) => listOf(value).filter((code) => (countryCodes as readonly string[]).includes(code)), z.array(z.enum(countryCodes))),
  partner: z
    .preprocess(
      (value) =>
        listOf(value)
          .map(Number)
          .filter((id) => Number.isSafeInteger(id) && id > 0)
          .slice(0, 50),
      z.array(z.number().int().min(1)),
    )
    .meta({ description: 'Owner partner ids' }),
  scope: z.preprocess(
    (value) => listOf(value).filter((scope) => (geographicalScopes as readonly string[]).includes(scope)),
    z.array(z.enum(geographicalScopes)),
  ),
  status: z
    .preprocess((value) => listOf(value).filter((status) => (practiceStatuses as readonly string[]).includes(status)), z.array(z.enum(practiceStatuses)))
    .meta({ description: 'Staff only; ignored for others' }),
  sort: z.preprocess((value) => ((sortOrders as readonly unknown[]).includes(value) ? value : undefined), z.enum(sortOrders).optional()),
  page: pageNumber,
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

export const reviewSchema = z
  .object({
    decision: choice(['publish', 'return'] as const, 'practices.review.decision.required'),
    comment: optionalText({ max: 5000 }).transform((text) => text ?? ''),
  })
  .refine((input) => input.decision === 'publish' || input.comment !== '', {
    error: 'practices.review.comment.required',
    path: ['comment'],
    ...whenFieldsValid('decision', 'comment'),
  });

export const proposalDecisionSchema = z.object({
  decision: choice(['accept', 'decline'] as const, 'practices.proposal.decision.required'),
  comment: optionalText({ max: 5000 }).transform((text) => text ?? ''),
});

export const learningNeedSchema = z.object({
  themeCode: requiredLine({ max: 60, required: 'practices.needs.form.themeCode.required' }),
  description: requiredText({ max: 1000, required: 'practices.needs.form.description.required' }),
});
export type LearningNeedInput = z.output<typeof learningNeedSchema>;

export const transferInterestSchema = z.object({
  importerPartnerId: requiredId('practices.transfers.form.importerPartnerId.required'),
  notes: optionalText({ max: 5000 }).transform((text) => text ?? ''),
});

export const transferStageSchema = z.object({
  stage: choice(transferStages, 'practices.transfers.stageForm.stage.required'),
  occurredOn: requiredDate('practices.transfers.stageForm.occurredOn.required'),
  notes: optionalText({ max: 5000 }).transform((text) => text ?? ''),
  /** The event where the stage took place (a study visit, an import workshop), when there is one. */
  eventId: optionalId('practices.transfers.stageForm.eventId.invalid'),
});
export type TransferStageInput = z.output<typeof transferStageSchema>;

const score = (field: string) =>
  z.preprocess(
    (value) => {
      const cleaned = cleanText(value);
      return cleaned === '' ? undefined : Number(cleaned);
    },
    z
      .number({ error: `practices.transfers.assessment.${field}.required` })
      .int({ error: `practices.transfers.assessment.${field}.required` })
      .min(1, { error: `practices.transfers.assessment.${field}.required` })
      .max(5, { error: `practices.transfers.assessment.${field}.required` }),
  );

export const assessmentCriteria = ['fit', 'feasibility', 'cost', 'support'] as const;
export type AssessmentCriterion = (typeof assessmentCriteria)[number];

export const assessmentSchema = z.object({
  fitScore: score('fitScore'),
  fitComment: optionalText({ max: 2000 }).transform((text) => text ?? ''),
  feasibilityScore: score('feasibilityScore'),
  feasibilityComment: optionalText({ max: 2000 }).transform((text) => text ?? ''),
  costScore: score('costScore'),
  costComment: optionalText({ max: 2000 }).transform((text) => text ?? ''),
  supportScore: score('supportScore'),
  supportComment: optionalText({ max: 2000 }).transform((text) => text ?? ''),
});
export type AssessmentInput = z.output<typeof assessmentSchema>;
