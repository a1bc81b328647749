/** The input schema of a semester progress report: its answers and evidence links (the files arrive as uploads). */
import { z } from 'zod';
import { choice, cleanText, listOf, optionalEuros, optionalText, requiredText, webAddress, whenFieldsValid } from '../../../core/validation/fields.js';
import { improvementTypes } from '../content.js';
import { reportStatuses } from '../tables.js';

const percent = z.preprocess(
  (value) => {
    const cleaned = cleanText(value);
    return cleaned === '' ? undefined : Number(String(cleaned).replace('%', '').trim());
  },
  z
    .number({ error: 'plans.report.percentComplete.invalid' })
    .int({ error: 'plans.report.percentComplete.invalid' })
    .min(0, { error: 'plans.report.percentComplete.invalid' })
    .max(100, { error: 'plans.report.percentComplete.invalid' }),
);

/** Evidence links, one per line. */
const links = z.preprocess(
  (value) =>
    Array.isArray(value)
      ? listOf(value)
      : listOf(value)
          .flatMap((text) => text.split(/\s*\n\s*/))
          .filter(Boolean),
  z.array(webAddress('plans.report.links.invalid')).max(20, { error: 'plans.report.links.tooMany' }),
);

export const reportSchema = z
  .object({
    semester: z.preprocess(
      (value) => Number(cleanText(value)),
      z
        .number({ error: 'plans.report.semester.required' })
        .int({ error: 'plans.report.semester.required' })
        .min(1, { error: 'plans.report.semester.required' })
        .max(40, { error: 'plans.report.semester.required' }),
    ),
    status: choice(reportStatuses, 'plans.report.status.required'),
    percentComplete: percent,
    spentEur: optionalEuros('plans.report.spentEur.invalid').pipe(z.number({ error: 'plans.report.spentEur.required' })),
    workDone: requiredText({ max: 10_000, required: 'plans.report.workDone.required' }),
    links,
    instrumentImproved: choice(['yes', 'no'] as const, 'plans.report.instrumentImproved.required').transform((answer) => answer === 'yes'),
    improvementType: z.preprocess(
      (value) => (cleanText(value) === '' ? null : cleanText(value)),
      z.enum(improvementTypes, { error: 'plans.report.improvementType.required' }).nullable(),
    ),
    improvementDescription: optionalText({ max: 5000 }).transform((text) => text ?? ''),
  })
  .refine((input) => !input.instrumentImproved || input.improvementType !== null, {
    error: 'plans.report.improvementType.required',
    path: ['improvementType'],
    ...whenFieldsValid('instrumentImproved', 'improvementType'),
  })
  .refine((input) => !input.instrumentImproved || input.improvementDescription !== '', {
    error: 'plans.report.improvementDescription.required',
    path: ['improvementDescription'],
    ...whenFieldsValid('instrumentImproved', 'improvementDescription'),
  })
  .transform((input) => ({ ...input, improvementType: input.instrumentImproved ? input.improvementType : null }));
export type ReportInput = z.output<typeof reportSchema>;
