/** Input schemas of events: the event form, registration, attendance, feedback and the statistics' filters. */
import { z } from 'zod';
import {
  checkbox,
  choice,
  cleanText,
  dateYears,
  listOf,
  optionalId,
  optionalLine,
  optionalText,
  optionalUrl,
  requiredEmail,
  requiredId,
  requiredLine,
  themeCodePattern,
  typedLines,
  whenFieldsValid,
} from '../../core/validation/fields.js';
import { locales } from '../../core/i18n/locales.js';
import { helixTypes } from '../partners/service.js';
import { eventFormats, eventTypes, participantRoles } from './tables.js';
import { instantOf, timeZones, wallClockProblem } from './time.js';

/** A datetime-local field posts 'YYYY-MM-DDTHH:MM' (some browsers add seconds, which are dropped). */
function asLocalTime(value: unknown): unknown {
  const cleaned = cleanText(value);
  return typeof cleaned === 'string' ? cleaned.replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/, '$1T$2') : cleaned;
}

/** A real date and time (no hour 25, no 24:00) within the accepted years; whether the zone skips it is checked with the zone. */
function wallClockTime(schema: z.ZodString) {
  return schema
    .refine((text) => text === '' || wallClockProblem(text) !== 'invalid', { error: 'events.form.time.invalid', abort: true })
    .refine((text) => text === '' || wallClockProblem(text) === null, { error: 'validation.dateYears', params: dateYears });
}

function requiredLocalTime(required: string) {
  return z.preprocess(asLocalTime, wallClockTime(z.string({ error: required }).min(1, { error: required, abort: true })));
}

const optionalLocalTime = z.preprocess(
  asLocalTime,
  wallClockTime(z.string({ error: 'events.form.time.invalid' })).transform((text) => (text === '' ? null : text)),
);

const ids = (invalid: string, max: number) =>
  z.preprocess((value) => listOf(value).map(Number), z.array(z.number().int({ error: invalid }).positive({ error: invalid })).max(max, { error: invalid }));

export interface AgendaItem {
  timeLabel: string | null;
  title: string;
}

/** The agenda is typed one item per line, optionally starting with a time: "09:30 Welcome". */
const agenda = z.preprocess(
  typedLines,
  z
    .array(z.string().max(300, { error: 'events.form.agenda.tooLong' }), { error: 'events.form.agenda.invalid' })
    .max(60, { error: 'events.form.agenda.tooMany' })
    .transform((lines): AgendaItem[] =>
      lines.map((line) => {
        const match = /^([0-2]?\d)[:.]([0-5]\d)\s+(.+)$/.exec(line);
        const hours = Number(match?.[1]);
        return match && hours < 24
          ? { timeLabel: `${String(hours).padStart(2, '0')}:${match[2]}`, title: match[3] as string }
          : { timeLabel: null, title: line };
      }),
    ),
);

const capacity = z.preprocess(
  (value) => {
    const cleaned = cleanText(value);
    return cleaned === '' ? null : Number(cleaned);
  },
  z
    .number({ error: 'events.form.capacity.invalid' })
    .int({ error: 'events.form.capacity.invalid' })
    .min(1, { error: 'events.form.capacity.invalid' })
    .max(100_000, { error: 'events.form.capacity.invalid' })
    .nullable(),
);

/** Days before the start a reminder goes to confirmed participants; 'off' for none. */
export const reminderChoices = ['off', '1', '2', '3', '7', '14'] as const;
const reminderDaysBefore = z.preprocess(
  (value) => cleanText(value) || '2',
  z.enum(reminderChoices, { error: 'events.form.reminderDaysBefore.invalid' }).transform((choice) => (choice === 'off' ? null : Number(choice))),
);

const exists = (local: string | null, zone: string) => local === null || instantOf(local, zone) instanceof Date;
// The fields are real times by now: only a daylight-saving gap of the zone is left to refuse.
const skipped = (local: string | null, zone: string) => local !== null && instantOf(local, zone) === 'nonexistent';

export const eventSchema = z
  .object({
    type: choice(eventTypes, 'events.form.type.required'),
    title: requiredLine({ max: 200, required: 'events.form.title.required' }),
    description: optionalText({ max: 20_000 }).transform((text) => text ?? ''),
    themeCode: z.preprocess(
      (value) => (cleanText(value) === '' ? null : cleanText(value)),
      z.string({ error: 'events.form.themeCode.invalid' }).regex(themeCodePattern, { error: 'events.form.themeCode.invalid' }).nullable(),
    ),
    hostPartnerId: requiredId('events.form.hostPartnerId.required'),
    visitingPartnerIds: ids('events.form.visitingPartnerIds.invalid', 50),
    format: choice(eventFormats, 'events.form.format.required'),
    venue: optionalText({ max: 500 }).transform((text) => text ?? ''),
    onlineUrl: optionalUrl('events.form.onlineUrl.invalid'),
    timeZone: choice(timeZones as [string, ...string[]], 'events.form.timeZone.required'),
    startsAt: requiredLocalTime('events.form.startsAt.required'),
    endsAt: requiredLocalTime('events.form.endsAt.required'),
    capacity,
    registrationDeadline: optionalLocalTime,
    reminderDaysBefore,
    textLanguage: z.preprocess((value) => cleanText(value) || 'en', z.enum(locales, { error: 'events.form.textLanguage.invalid' })),
    agenda,
    practiceIds: ids('events.form.practiceIds.invalid', 50),
  })
  .refine((input) => input.format === 'online' || input.venue !== '', {
    error: 'events.form.venue.required',
    path: ['venue'],
    ...whenFieldsValid('format', 'venue'),
  })
  .refine((input) => input.format === 'on_site' || input.onlineUrl !== null, {
    error: 'events.form.onlineUrl.required',
    path: ['onlineUrl'],
    ...whenFieldsValid('format', 'onlineUrl'),
  })
  .refine((input) => !skipped(input.startsAt, input.timeZone), {
    error: 'events.form.time.nonexistent',
    path: ['startsAt'],
    ...whenFieldsValid('timeZone', 'startsAt'),
  })
  .refine((input) => !skipped(input.endsAt, input.timeZone), {
    error: 'events.form.time.nonexistent',
    path: ['endsAt'],
    ...whenFieldsValid('timeZone', 'endsAt'),
  })
  .refine((input) => !skipped(input.registrationDeadline, input.timeZone), {
    error: 'events.form.time.nonexistent',
    path: ['registrationDeadline'],
    ...whenFieldsValid('timeZone', 'registrationDeadline'),
  })
  .refine(
    (input) =>
      !exists(input.startsAt, input.timeZone) ||
      !exists(input.endsAt, input.timeZone) ||
      (instantOf(input.endsAt, input.timeZone) as Date) > (instantOf(input.startsAt, input.timeZone) as Date),
    {
      error: 'events.form.endsAt.beforeStart',
      path: ['endsAt'],
      ...whenFieldsValid('timeZone', 'startsAt', 'endsAt'),
    },
  )
  .refine(
    (input) =>
      input.registrationDeadline === null ||
      !exists(input.registrationDeadline, input.timeZone) ||
      !exists(input.endsAt, input.timeZone) ||
      (instantOf(input.registrationDeadline, input.timeZone) as Date) <= (instantOf(input.endsAt, input.timeZone) as Date),
    { error: 'events.form.registrationDeadline.afterEnd', path: ['registrationDeadline'], ...whenFieldsValid('timeZone', 'endsAt', 'registrationDeadline') },
  )
  .transform((input) => ({
    ...input,
    starts: instantOf(input.startsAt, input.timeZone) as Date,
    ends: instantOf(input.endsAt, input.timeZone) as Date,
    deadline: input.registrationDeadline === null ? null : (instantOf(input.registrationDeadline, input.timeZone) as Date),
  }));
export type EventInput = z.output<typeof eventSchema>;

/** Chosen in the registration form when the person's region is not one of the partners'. */
export const noPartnerRegion = 'none';

export const registrationSchema = z
  .object({
    name: requiredLine({ max: 120, required: 'events.register.name.required' }),
    email: requiredEmail('events.register.email.required', 'events.register.email.invalid'),
    organisationId: optionalId('events.register.organisationId.invalid'),
    organisationName: optionalLine({ max: 200 }),
    helix: z.preprocess(
      (value) => (cleanText(value) === '' ? null : cleanText(value)),
      z.enum(helixTypes, { error: 'events.register.helix.required' }).nullable(),
    ),
    partner: z.preprocess(
      cleanText,
      z
        .string({ error: 'events.register.partner.required' })
        .min(1, { error: 'events.register.partner.required' })
        .regex(/^(none|\d{1,9})$/, { error: 'events.register.partner.required' }),
    ),
    role: choice(participantRoles, 'events.register.role.required'),
    consent: checkbox().refine((given) => given, { error: 'events.register.consent.required' }),
  })
  .refine((input) => input.organisationId !== null || input.organisationName !== null, {
    error: 'events.register.organisationName.required',
    path: ['organisationName'],
    ...whenFieldsValid('organisationId', 'organisationName'),
  })
  .refine((input) => input.organisationId !== null || input.helix !== null, {
    error: 'events.register.helix.required',
    path: ['helix'],
    ...whenFieldsValid('organisationId', 'helix'),
  })
  .transform((input) => ({ ...input, partnerId: input.partner === noPartnerRegion ? null : Number(input.partner) }));
export type RegistrationInput = z.output<typeof registrationSchema>;

/** "I lost my link": the address the person registered with. */
export const lostLinkSchema = z.object({ email: requiredEmail('events.register.email.required', 'events.register.email.invalid') });

const score = (required: string) =>
  z.preprocess(
    (value) => {
      const cleaned = cleanText(value);
      return cleaned === '' ? undefined : Number(cleaned);
    },
    z.number({ error: required }).int({ error: required }).min(1, { error: required }).max(5, { error: required }),
  );

export const feedbackSchema = z.object({
  satisfaction: score('events.feedback.satisfaction.required'),
  usefulness: score('events.feedback.usefulness.required'),
  capacityIncreased: choice(['yes', 'no'] as const, 'events.feedback.capacityIncreased.required').transform((answer) => answer === 'yes'),
  capacityDetails: optionalText({ max: 2000 }).transform((text) => text ?? ''),
  practiceIds: ids('events.feedback.practiceIds.invalid', 50),
});
export type FeedbackInput = z.output<typeof feedbackSchema>;

export const checkInSchema = z.object({ attended: choice(['yes', 'no'] as const, 'events.attendance.invalid').transform((answer) => answer === 'yes') });

export const eventListQuerySchema = z.object({
  when: z.preprocess((value) => (cleanText(value) === 'past' ? 'past' : 'upcoming'), z.enum(['upcoming', 'past'])),
  type: z.preprocess((value) => ((eventTypes as readonly unknown[]).includes(cleanText(value)) ? cleanText(value) : undefined), z.enum(eventTypes).optional()),
  partner: z
    .preprocess((value) => {
      const number = Number(cleanText(value));
      return Number.isSafeInteger(number) && number > 0 ? number : undefined;
    }, z.number().int().min(1).optional())
    .meta({ description: 'Events a partner hosts or visits' }),
});
export type EventListQuery = z.output<typeof eventListQuerySchema>;

export const statisticsQuerySchema = z.object({
  partner: z.preprocess((value) => {
    const number = Number(cleanText(value));
    return Number.isSafeInteger(number) && number > 0 ? number : undefined;
  }, z.number().optional()),
});
