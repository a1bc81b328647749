/** What the instrument forms accept: the catalogue entry, a stage change, an organisation of the chain, a measurement. */
import { z } from 'zod';
import {
  checkbox,
  choice,
  cleanText,
  listOf,
  optionalEuros,
  optionalId,
  optionalLine,
  optionalText,
  optionalUrl,
  requiredDate,
  requiredId,
  requiredLine,
  requiredText,
  rowsOf,
  themeCodePattern,
  whenFieldsValid,
} from '../../core/validation/fields.js';
import { locales } from '../../core/i18n/locales.js';
import { audiences, chainRoles, channels, instrumentKinds, procurementRoutes, serviceLanguages, stages } from './tables.js';

const listFrom = <const T extends readonly [string, ...string[]]>(values: T, invalid: string) =>
  z.preprocess(listOf, z.array(z.enum(values, { error: invalid })).max(values.length, { error: invalid }));
const ids = (invalid: string) =>
  z.preprocess((value) => listOf(value).map(Number), z.array(z.number().int({ error: invalid }).positive({ error: invalid })).max(100, { error: invalid }));
const yesNo = (required: string) => choice(['yes', 'no'] as const, required).transform((answer) => answer === 'yes');

/** A count typed into a form: a whole number, not negative; empty is null. */
export function optionalCount(invalid: string) {
  return z.preprocess(
    (value) => {
      const cleaned = cleanText(value);
      if (cleaned === '' || cleaned === null || cleaned === undefined) return null;
      if (typeof cleaned === 'number') return cleaned;
      // Thousands may be grouped ("1 200", "1,200", "1.200"); anything else, such as "12.5", is not a count.
      const text = typeof cleaned === 'string' ? cleaned : '';
      return /^(\d{1,10}|\d{1,3}([ \u00a0,.]\d{3})+)$/.test(text) ? Number(text.replace(/[ \u00a0,.]/g, '')) : Number.NaN;
    },
    z.number({ error: invalid }).int({ error: invalid }).min(0, { error: invalid }).max(2_000_000_000, { error: invalid }).nullable(),
  );
}

/** A decimal typed into a form ("12,5" or "12.5"), between bounds; empty is null. */
export function optionalDecimal(invalid: string, max: number) {
  return z.preprocess(
    (value) => {
      const cleaned = cleanText(value);
      if (cleaned === '' || cleaned === null || cleaned === undefined) return null;
      if (typeof cleaned === 'number') return cleaned;
      const text = typeof cleaned === 'string' ? cleaned.replace(/[\s\u00a0%]/g, '').replace(',', '.') : '';
      return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    },
    z.number({ error: invalid }).min(0, { error: invalid }).max(max, { error: invalid }).nullable(),
  );
}

/** The rows of public services that were filled in (a row with a name or a description). */
function servicesOf(input: { serviceName: string[]; serviceDescription: string[] }): { name: string; description: string }[] {
  return input.serviceName
    .map((name, index) => ({ name, description: input.serviceDescription[index] ?? '' }))
    .filter((service) => service.name !== '' || service.description !== '');
}

/** The catalogue entry's fields, each with its own rule (a form that fails as a whole still has its valid fields checked against the records). */
export const instrumentFields = z.object({
  partnerId: requiredId('instruments.form.partnerId.required'),
  name: requiredLine({ max: 200, required: 'instruments.form.name.required' }),
  description: requiredText({ max: 10_000, required: 'instruments.form.description.required' }),
  // The form always sends one; a file or API call without it was written in English, as before the field existed.
  textLanguage: z.preprocess((value) => cleanText(value) || 'en', z.enum(locales, { error: 'instruments.form.textLanguage.invalid' })),
  kind: choice(instrumentKinds, 'instruments.form.kind.required'),
  themeCode: z.preprocess((value) => (cleanText(value) === '' ? null : cleanText(value)), z.string().max(60).nullable()),
  serviceName: z.preprocess(rowsOf, z.array(z.string())),
  serviceDescription: z.preprocess(rowsOf, z.array(z.string())),
  channels: listFrom(channels, 'instruments.form.channels.invalid'),
  audiences: listFrom(audiences, 'instruments.form.audiences.invalid'),
  languages: listFrom(serviceLanguages, 'instruments.form.languages.invalid'),
  isFree: yesNo('instruments.form.isFree.required'),
  costDescription: optionalText({ max: 1000 }).transform((text) => text ?? ''),
  authentication: optionalLine({ max: 200 }).transform((text) => text ?? ''),
  dataReused: optionalText({ max: 2000 }).transform((text) => text ?? ''),
  licence: optionalLine({ max: 100 }),
  repositoryUrl: optionalUrl('instruments.form.repositoryUrl.invalid'),
  planAction: z.preprocess(cleanText, z.string().regex(/^(\d{1,9}:[a-z0-9]{1,20})?$/, { error: 'instruments.form.planAction.invalid' })),
  practiceId: optionalId('instruments.form.links.invalid'),
  eventIds: ids('instruments.form.links.invalid'),
  published: checkbox(),
  contractValuesPublic: checkbox(),
});

/** The plan action an instrument delivers, from the form's `planId:actionKey` choice. */
export function planLinkOf(planAction: string): { planId: number | null; actionKey: string | null } {
  if (planAction === '') return { planId: null, actionKey: null };
  const [planId, actionKey] = planAction.split(':');
  return { planId: Number(planId), actionKey: actionKey ?? null };
}

export const instrumentSchema = instrumentFields
  .refine((input) => input.isFree || input.costDescription !== '', {
    error: 'instruments.form.costDescription.required',
    path: ['costDescription'],
    ...whenFieldsValid('isFree', 'costDescription'),
  })
  .refine((input) => servicesOf(input).every((service) => service.name !== '' && service.name.length <= 200 && service.description.length <= 5000), {
    error: 'instruments.form.services.row',
    path: ['serviceName'],
    ...whenFieldsValid('serviceName', 'serviceDescription'),
  })
  .refine((input) => servicesOf(input).length > 0, {
    error: 'instruments.form.services.none',
    path: ['serviceName'],
    ...whenFieldsValid('serviceName', 'serviceDescription'),
  })
  .transform((input) => {
    const { serviceName: _names, serviceDescription: _descriptions, planAction: _planAction, ...rest } = input;
    return { ...rest, services: servicesOf(input), ...planLinkOf(input.planAction) };
  });
export type InstrumentInput = z.output<typeof instrumentSchema>;

/** A new instrument also says where its lifecycle starts. */
export const firstStageFields = z.object({
  stage: choice(stages, 'instruments.stage.stage.required'),
  stageSince: requiredDate('instruments.stage.occurredOn.required', 'instruments.stage.occurredOn.invalid'),
});
export const newInstrumentSchema = z.intersection(instrumentSchema, firstStageFields);
export type NewInstrumentInput = z.output<typeof newInstrumentSchema>;

export const stageChangeSchema = z.object({
  stage: choice(stages, 'instruments.stage.stage.required'),
  occurredOn: requiredDate('instruments.stage.occurredOn.required', 'instruments.stage.occurredOn.invalid'),
  evidence: requiredText({ max: 5000, required: 'instruments.stage.evidence.required' }),
  reason: optionalText({ max: 5000 }).transform((text) => text ?? ''),
});
export type StageChangeInput = z.output<typeof stageChangeSchema>;

export const chainEntrySchema = z.object({
  organisationId: requiredId('instruments.chain.organisationId.required'),
  role: choice(chainRoles, 'instruments.chain.role.required'),
  inRegion: yesNo('instruments.chain.inRegion.required'),
  contractValueEur: optionalEuros('instruments.chain.contractValueEur.invalid'),
  procurement: choice(procurementRoutes, 'instruments.chain.procurement.required'),
});
export type ChainEntryInput = z.output<typeof chainEntrySchema>;

export const impactSchema = z
  .object({
    periodStart: requiredDate('instruments.impact.periodStart.required', 'instruments.impact.date.invalid'),
    periodEnd: requiredDate('instruments.impact.periodEnd.required', 'instruments.impact.date.invalid'),
    users: optionalCount('instruments.impact.count.invalid'),
    transactions: optionalCount('instruments.impact.count.invalid'),
    processingMinutesDigital: optionalDecimal('instruments.impact.minutes.invalid', 99_999_999),
    processingMinutesFormer: optionalDecimal('instruments.impact.minutes.invalid', 99_999_999),
    costDigitalEur: optionalEuros('instruments.impact.euros.invalid'),
    costFormerEur: optionalEuros('instruments.impact.euros.invalid'),
    satisfactionPercent: optionalDecimal('instruments.impact.percent.invalid', 100),
    digitalSharePercent: optionalDecimal('instruments.impact.percent.invalid', 100),
  })
  .refine((input) => input.periodEnd >= input.periodStart, {
    error: 'instruments.impact.periodEnd.beforeStart',
    path: ['periodEnd'],
    ...whenFieldsValid('periodStart', 'periodEnd'),
  });
export type ImpactInput = z.output<typeof impactSchema>;

/** The catalogue's search and filters, from the query string; anything unusable is ignored. */
export const catalogueQuerySchema = z.object({
  q: z
    .preprocess((value) => (typeof value === 'string' ? value.trim().slice(0, 200) : ''), z.string().max(200))
    .meta({ description: 'Words in the name or description; the best matches come first' }),
  kind: z.preprocess((value) => ((instrumentKinds as readonly unknown[]).includes(value) ? value : null), z.enum(instrumentKinds).nullable()),
  stage: z
    .preprocess((value) => ((stages as readonly unknown[]).includes(value) ? value : null), z.enum(stages).nullable())
    .meta({ description: 'The current stage' }),
  partner: z
    .preprocess((value) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : null), z.number().int().min(0).nullable())
    .meta({ description: 'The owner partner’s id' }),
  theme: z
    .preprocess((value) => (typeof value === 'string' && themeCodePattern.test(value) ? value : null), z.string().regex(themeCodePattern).nullable())
    .meta({ description: 'A theme code' }),
});
export type CatalogueQuery = z.output<typeof catalogueQuerySchema>;
