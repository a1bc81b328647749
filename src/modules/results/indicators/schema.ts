/**
 * The inputs of indicators: the definition form (checked against the unit's number format, the formulas installed
 * and the programme's partners, so every problem shows at once), the reported value and the coordinator's review.
 */
import { z } from 'zod';
import { locales, type Locale } from '../../../core/i18n/locales.js';
import {
  checkbox,
  choice,
  cleanText,
  listOf,
  optionalDate,
  optionalLine,
  optionalText,
  requiredLine,
  requiredText,
  webAddress,
} from '../../../core/validation/fields.js';
import { fieldErrors, type FieldError, type FormValues } from '../../../core/validation/forms.js';
import { indicatorKinds, indicatorMethods, type IndicatorKind, type IndicatorMethod, type LocalisedText } from '../tables.js';
import { units, type Unit } from '../units.js';
import { numberField } from './numbers.js';

/** The code's rule, as the migration checks it. */
export const codePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;
export const levels = ['programme', 'partner'] as const;

const nameField = (locale: Locale) =>
  locale === 'en' ? requiredLine({ max: 200, required: 'indicators.form.name.required' }) : optionalLine({ max: 200 }).transform((text) => text ?? '');
const definitionField = (locale: Locale) =>
  locale === 'en' ? requiredText({ max: 2000, required: 'indicators.form.definition.required' }) : optionalText({ max: 2000 }).transform((text) => text ?? '');

const basicSchema = z.object({
  code: z.preprocess(
    cleanText,
    z
      .string({ error: 'indicators.form.code.required' })
      .min(1, { error: 'indicators.form.code.required' })
      .regex(codePattern, { error: 'indicators.form.code.pattern' }),
  ),
  ...Object.fromEntries(locales.map((locale) => [`name_${locale}`, nameField(locale)])),
  ...Object.fromEntries(locales.map((locale) => [`definition_${locale}`, definitionField(locale)])),
  kind: choice(indicatorKinds, 'indicators.form.kind.required'),
  unit: choice(units, 'indicators.form.unit.required'),
  level: z.preprocess(listOf, z.array(z.enum(levels, { error: 'indicators.form.level.required' })).min(1, { error: 'indicators.form.level.required' })),
  method: choice(indicatorMethods, 'indicators.form.method.required'),
  targetDate: optionalDate('indicators.form.targetDate.invalid'),
  public: checkbox(),
}) as unknown as z.ZodType<Record<string, unknown>>;

export interface IndicatorInput {
  code: string;
  names: LocalisedText;
  definitions: LocalisedText;
  kind: IndicatorKind;
  unit: Unit;
  atProgramme: boolean;
  atPartner: boolean;
  method: IndicatorMethod;
  formula: string | null;
  baseline: number;
  programmeTarget: number | null;
  partnerTargets: { partnerId: number; target: number }[];
  targetDate: string | null;
  public: boolean;
}

/** What the form is checked against: the formulas offered (key → unit) and the programme's partners. */
export interface IndicatorFormContext {
  formulas: ReadonlyMap<string, Unit>;
  partnerIds: readonly number[];
}

export const targetField = (partnerId: number) => `target_${partnerId}`;

/** The fields in the order the form shows them, so the error summary follows the page. */
export function indicatorFieldOrder(partnerIds: readonly number[]): string[] {
  return [
    'code',
    ...locales.map((locale) => `name_${locale}`),
    ...locales.map((locale) => `definition_${locale}`),
    'kind',
    'unit',
    'level',
    'method',
    'formula',
    'baseline',
    'programmeTarget',
    ...partnerIds.map(targetField),
    'targetDate',
    'public',
  ];
}

export type IndicatorFormResult = { ok: true; input: IndicatorInput } | { ok: false; errors: FieldError[] };

/** Reads the definition form: every field's problem at once, the numbers in the chosen unit, the formula re-checked. */
export function readIndicatorForm(values: FormValues, context: IndicatorFormContext): IndicatorFormResult {
  const parsed = basicSchema.safeParse(values);
  const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error);
  const basic = parsed.success ? parsed.data : {};
  const unitChosen = units.find((unit) => unit === values.unit);
  // Numbers are read in the chosen unit; without one, in the loosest unit, so letters are still caught at their field.
  const unit: Unit = unitChosen ?? 'points';
  const baseline = numberField(values, 'baseline', unit, errors) ?? 0;
  const programmeTarget = numberField(values, 'programmeTarget', unit, errors);
  const partnerTargets: { partnerId: number; target: number }[] = [];
  for (const partnerId of context.partnerIds) {
    const target = numberField(values, targetField(partnerId), unit, errors);
    if (target !== null) partnerTargets.push({ partnerId, target });
  }
  const method = indicatorMethods.find((candidate) => candidate === values.method);
  const formulaKey = typeof values.formula === 'string' ? values.formula.trim() : '';
  let formula: string | null = null;
  if (method === 'computed') {
    const formulaUnit = context.formulas.get(formulaKey);
    if (formulaKey === '') errors.push({ field: 'formula', key: 'indicators.form.formula.required' });
    else if (formulaUnit === undefined) errors.push({ field: 'formula', key: 'indicators.form.formula.unknown' });
    else if (unitChosen && formulaUnit !== unitChosen)
      errors.push({ field: 'formula', key: 'indicators.form.formula.unitMismatch', values: { unit: `indicators.units.${formulaUnit}` } });
    else formula = formulaKey;
  }
  const order = indicatorFieldOrder(context.partnerIds);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  if (errors.length > 0 || !parsed.success || !method || !unitChosen) return { ok: false, errors: errors.sort((a, b) => rank(a.field) - rank(b.field)) };
  const text = (prefix: string): LocalisedText => {
    const localisedText: LocalisedText = {};
    for (const locale of locales) {
      const value = basic[`${prefix}_${locale}`];
      if (typeof value === 'string' && value !== '') localisedText[locale] = value;
    }
    return localisedText;
  };
  const level = basic.level as string[];
  return {
    ok: true,
    input: {
      code: basic.code as string,
      names: text('name'),
      definitions: text('definition'),
      kind: basic.kind as IndicatorKind,
      unit: unitChosen,
      atProgramme: level.includes('programme'),
      atPartner: level.includes('partner'),
      method,
      formula,
      baseline,
      programmeTarget,
      partnerTargets,
      targetDate: (basic.targetDate as string | null) ?? null,
      public: basic.public as boolean,
    },
  };
}

/** Evidence links, one per line. */
const links = z.preprocess(
  (value) =>
    listOf(value)
      .flatMap((text) => text.split(/\s*\n\s*/))
      .filter(Boolean),
  z.array(webAddress('indicators.report.links.invalid')).max(20, { error: 'indicators.report.links.tooMany' }),
);

/** A reported value's fields other than the value itself (read in the indicator's unit) and the files. */
export const reportSchema = z.object({
  partner: z.preprocess((value) => Number(cleanText(value)), z.number({ error: 'indicators.report.partner.required' }).int().positive()),
  semester: z.preprocess(
    (value) => Number(cleanText(value)),
    z
      .number({ error: 'indicators.report.semester.required' })
      .int({ error: 'indicators.report.semester.required' })
      .min(1, { error: 'indicators.report.semester.required' }),
  ),
  explanation: requiredText({ max: 5000, required: 'indicators.report.explanation.required' }),
  links,
});
export type ReportFields = z.output<typeof reportSchema>;
export const reportFieldOrder = ['partner', 'semester', 'value', 'explanation', 'links', 'files'];

export const reviewSchema = z
  .object({
    decision: choice(['validate', 'return'] as const, 'indicators.review.decision.required'),
    comment: optionalText({ max: 5000 }).transform((text) => text ?? ''),
  })
  .refine((input) => input.decision !== 'return' || input.comment !== '', { error: 'indicators.review.comment.required', path: ['comment'] });
export type ReviewInput = z.output<typeof reviewSchema>;
