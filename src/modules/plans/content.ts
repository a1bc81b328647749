/**
 * A plan's content, Parts I–III of the Interreg Europe action plan template, as one document per version. Actions
 * and policy instruments carry a stable key, so versions compare item by item and reports follow an action
 * through revisions.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { locales } from '../../core/i18n/locales.js';

/** How an action improves its policy instrument; a report names one too when it records an improvement. */
export const improvementTypes = ['new_project', 'management_change', 'structural_change'] as const;
export type ImprovementType = (typeof improvementTypes)[number];

export const instrumentKinds = ['investment_for_growth', 'territorial_cooperation', 'other_regional'] as const;
export type InstrumentKind = (typeof instrumentKinds)[number];

const key = z.string().regex(/^[a-z0-9]{1,20}$/);
const isoDate = z.iso.date();

export const instrumentSchema = z.strictObject({
  key,
  name: z.string(),
  kind: z.enum(instrumentKinds),
  managingBody: z.string(),
  improvement: z.string(),
});
export type PolicyInstrument = z.infer<typeof instrumentSchema>;

export const actionSchema = z.strictObject({
  key,
  title: z.string(),
  /** How the programme inspired the action. */
  background: z.string(),
  practiceIds: z.array(z.number().int()),
  eventIds: z.array(z.number().int()),
  transferIds: z.array(z.number().int()),
  description: z.string(),
  players: z.array(z.strictObject({ organisationId: z.number().int(), role: z.string() })),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  milestones: z.array(z.strictObject({ dueOn: isoDate, title: z.string() })),
  costsEur: z.number().nullable(),
  funding: z.array(z.strictObject({ source: z.string(), amountEur: z.number() })),
  improvementType: z.enum(improvementTypes),
  /** The eGovernment instruments the action will deliver, in words (linked once instruments are recorded). */
  instrumentsText: z.string(),
});
export type PlanAction = z.infer<typeof actionSchema>;

export const planContentSchema = z.strictObject({
  /** The language the partner writes the plan's texts in: pages mark them with it where it differs from theirs. Unknown for plans written before it was asked. */
  language: z.enum(locales).optional(),
  contact: z.strictObject({ name: z.string(), email: z.string().nullable() }),
  instruments: z.array(instrumentSchema),
  actions: z.array(actionSchema),
});
export type PlanContent = z.infer<typeof planContentSchema>;

export const emptyContent: PlanContent = { contact: { name: '', email: null }, instruments: [], actions: [] };

export function newKey(): string {
  return randomBytes(6).toString('hex');
}

/** The sum of an action's funding, and whether it matches the indicative cost (to the cent). */
export function fundingTotal(action: Pick<PlanAction, 'funding'>): number {
  return Math.round(action.funding.reduce((sum, line) => sum + line.amountEur, 0) * 100) / 100;
}

/** The plan's timeframe: from its earliest action start to its latest action end (null when no action is dated). */
export function timeframeOf(content: PlanContent): { startsOn: string; endsOn: string } | null {
  const starts = content.actions
    .map((action) => action.startsOn)
    .filter((date): date is string => date !== null)
    .sort();
  const ends = content.actions
    .map((action) => action.endsOn ?? action.startsOn)
    .filter((date): date is string => date !== null)
    .sort();
  return starts.length && ends.length ? { startsOn: starts[0] as string, endsOn: ends.at(-1) as string } : null;
}
