/** Input schemas of the programmes module. */
import { z } from 'zod';
import { locales, type Locale } from '../../core/i18n/locales.js';
import { cleanText, optionalText, requiredDate, requiredLine, whenFieldsValid } from '../../core/validation/fields.js';

const slug = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : ''),
  z
    .string()
    .min(1, { error: 'programmes.form.slug.required' })
    .max(40, { error: 'validation.tooLong' })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'programmes.form.slug.invalid' }),
);

export const programmeSchema = z
  .object({
    slug,
    acronym: requiredLine({ max: 40, required: 'programmes.form.acronym.required' }),
    title: requiredLine({ max: 250, required: 'programmes.form.title.required' }),
    summary: optionalText({ max: 4000 }).transform((text) => text ?? ''),
    // The form always sends one; a request without it was written in English, as before the field existed.
    textLanguage: z.preprocess((value) => cleanText(value) || 'en', z.enum(locales, { error: 'programmes.form.textLanguage.invalid' })),
    startsOn: requiredDate('programmes.form.startsOn.required'),
    endsOn: requiredDate('programmes.form.endsOn.required'),
  })
  .refine((input) => input.endsOn > input.startsOn, {
    error: 'programmes.form.endsOn.beforeStart',
    path: ['endsOn'],
    ...whenFieldsValid('startsOn', 'endsOn'),
  });
/** The form always gives the texts' language; other callers may leave it out (then the column's default, English). */
export type ProgrammeInput = Omit<z.output<typeof programmeSchema>, 'textLanguage'> & { textLanguage?: Locale | undefined };

export const phaseSchema = z
  .object({
    number: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined),
      z
        .number({ error: 'programmes.phase.number.required' })
        .int({ error: 'programmes.phase.number.required' })
        .min(1, { error: 'programmes.phase.number.range' })
        .max(20, { error: 'programmes.phase.number.range' }),
    ),
    name: requiredLine({ max: 200, required: 'programmes.phase.name.required' }),
    description: optionalText({ max: 2000 }).transform((text) => text ?? ''),
    startsOn: requiredDate('programmes.phase.startsOn.required'),
    endsOn: requiredDate('programmes.phase.endsOn.required'),
  })
  .refine((input) => input.endsOn >= input.startsOn, {
    error: 'programmes.phase.endsOn.beforeStart',
    path: ['endsOn'],
    ...whenFieldsValid('startsOn', 'endsOn'),
  });
export type PhaseInput = z.output<typeof phaseSchema>;
