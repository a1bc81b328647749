/**
 * Input schemas of writing a plan: Parts I–II (contact and policy instruments), an action of Part III, the review,
 * the endorsement and comments. Rows of a form table (instruments, players, funding) arrive as repeated fields and
 * are read row by row; a problem names its row.
 */
import { z } from 'zod';
import {
  checkbox,
  choice,
  cleanText,
  dateYears,
  isValidIsoDate,
  isWithinDateYears,
  listOf,
  optionalChoice,
  optionalDate,
  optionalEmail,
  optionalEuros,
  optionalText,
  parseEuros,
  requiredDate,
  requiredLine,
  requiredText,
  rowsOf,
  typedLines,
  whenFieldsValid,
} from '../../../core/validation/fields.js';
import { locales } from '../../../core/i18n/locales.js';
import { improvementTypes, instrumentKinds, newKey, type PlanAction, type PolicyInstrument } from '../content.js';

const keyPattern = /^[a-z0-9]{1,20}$/;

function rowIssue(ctx: z.RefinementCtx, path: string, message: string, row: number, values: Record<string, number> = {}): void {
  ctx.addIssue({ code: 'custom', message, path: [path], params: { row, ...values } });
}

export const contextSchema = z
  .object({
    contactName: requiredLine({ max: 120, required: 'plans.context.contactName.required' }),
    contactEmail: optionalEmail('plans.context.contactEmail.invalid'),
    textLanguage: optionalChoice(locales, 'plans.context.textLanguage.invalid'),
    instrumentKey: z.preprocess(rowsOf, z.array(z.string())),
    instrumentName: z.preprocess(rowsOf, z.array(z.string())),
    instrumentKind: z.preprocess(rowsOf, z.array(z.string())),
    instrumentBody: z.preprocess(rowsOf, z.array(z.string())),
    instrumentImprovement: z.preprocess(rowsOf, z.array(z.string())),
  })
  .transform((input, ctx) => {
    const instruments: PolicyInstrument[] = [];
    input.instrumentName.forEach((name, index) => {
      const kind = input.instrumentKind[index] ?? '';
      const managingBody = input.instrumentBody[index] ?? '';
      const improvement = input.instrumentImprovement[index] ?? '';
      if (name === '' && managingBody === '' && improvement === '') return;
      const row = index + 1;
      if (name === '' || name.length > 300) return rowIssue(ctx, 'instrumentName', 'plans.context.instrumentName.required', row);
      if (!(instrumentKinds as readonly string[]).includes(kind)) return rowIssue(ctx, 'instrumentKind', 'plans.context.instrumentKind.required', row);
      if (managingBody.length > 300 || improvement.length > 5000)
        return rowIssue(ctx, 'instrumentImprovement', 'plans.context.instrumentImprovement.tooLong', row);
      const given = input.instrumentKey[index] ?? '';
      instruments.push({ key: keyPattern.test(given) ? given : newKey(), name, kind: kind as PolicyInstrument['kind'], managingBody, improvement });
    });
    if (instruments.length === 0 && !ctx.issues.length)
      ctx.addIssue({ code: 'custom', message: 'plans.context.instrumentName.none', path: ['instrumentName'] });
    return { contact: { name: input.contactName, email: input.contactEmail }, instruments, language: input.textLanguage };
  });
export type ContextInput = z.output<typeof contextSchema>;

const ids = (invalid: string) =>
  z.preprocess((value) => listOf(value).map(Number), z.array(z.number().int({ error: invalid }).positive({ error: invalid })).max(100, { error: invalid }));

/** Milestones are typed one per line: "2023-03-31 Training completed". */
const milestones = z.preprocess(
  typedLines,
  z.array(z.string(), { error: 'plans.action.milestones.invalid' }).max(30, { error: 'plans.action.milestones.tooMany' }),
);

export const actionSchema = z
  .object({
    title: requiredLine({ max: 200, required: 'plans.action.title.required' }),
    background: optionalText({ max: 5000 }).transform((text) => text ?? ''),
    practiceIds: ids('plans.action.links.invalid'),
    eventIds: ids('plans.action.links.invalid'),
    transferIds: ids('plans.action.links.invalid'),
    description: requiredText({ max: 20_000, required: 'plans.action.description.required' }),
    playerOrganisationId: z.preprocess(rowsOf, z.array(z.string())),
    playerRole: z.preprocess(rowsOf, z.array(z.string())),
    startsOn: optionalDate('plans.action.date.invalid'),
    endsOn: optionalDate('plans.action.date.invalid'),
    milestones,
    costsEur: optionalEuros('plans.action.costsEur.invalid'),
    fundingSource: z.preprocess(rowsOf, z.array(z.string())),
    fundingAmount: z.preprocess(rowsOf, z.array(z.string())),
    improvementType: choice(improvementTypes, 'plans.action.improvementType.required'),
    instrumentsText: optionalText({ max: 5000 }).transform((text) => text ?? ''),
    /** Ticked after the form warned that the funding does not add up to the cost: save anyway. */
    acceptFundingDifference: checkbox(),
  })
  .refine((input) => !input.startsOn || !input.endsOn || input.endsOn >= input.startsOn, {
    error: 'plans.action.endsOn.beforeStart',
    path: ['endsOn'],
    ...whenFieldsValid('startsOn', 'endsOn'),
  })
  .transform((input, ctx) => {
    const players: PlanAction['players'] = [];
    input.playerOrganisationId.forEach((organisation, index) => {
      const role = input.playerRole[index] ?? '';
      if (organisation === '' && role === '') return;
      const organisationId = Number(organisation);
      if (!Number.isSafeInteger(organisationId) || organisationId <= 0)
        return rowIssue(ctx, 'playerOrganisationId', 'plans.action.players.organisation', index + 1);
      if (role.length > 300) return rowIssue(ctx, 'playerRole', 'plans.action.players.roleTooLong', index + 1);
      players.push({ organisationId, role });
    });
    const milestoneRows: PlanAction['milestones'] = [];
    input.milestones.forEach((line, index) => {
      const match = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(line);
      if (!match || !isValidIsoDate(match[1] as string) || (match[2] as string).length > 300)
        return rowIssue(ctx, 'milestones', 'plans.action.milestones.line', index + 1);
      if (!isWithinDateYears(match[1] as string)) return rowIssue(ctx, 'milestones', 'plans.action.milestones.years', index + 1, dateYears);
      milestoneRows.push({ dueOn: match[1] as string, title: match[2] as string });
    });
    const funding: PlanAction['funding'] = [];
    input.fundingSource.forEach((source, index) => {
      const amountText = input.fundingAmount[index] ?? '';
      if (source === '' && amountText === '') return;
      const amount = parseEuros(amountText);
      if (source === '' || source.length > 300) return rowIssue(ctx, 'fundingSource', 'plans.action.funding.source', index + 1);
      if (amount === null || Number.isNaN(amount) || amount < 0 || amount > 999_999_999_999)
        return rowIssue(ctx, 'fundingAmount', 'plans.action.funding.amount', index + 1);
      funding.push({ source, amountEur: amount });
    });
    const total = Math.round(funding.reduce((sum, line) => sum + line.amountEur, 0) * 100) / 100;
    // Funding that does not add up to the cost is usual while a plan is drafted: a warning, not a refusal.
    if (input.costsEur !== null && funding.length > 0 && total !== input.costsEur && !input.acceptFundingDifference) {
      ctx.addIssue({
        code: 'custom',
        message: 'plans.action.funding.differs',
        path: ['acceptFundingDifference'],
        // Numbers, not text: the catalogue formats them as amounts in the reader's language.
        params: { total, costs: input.costsEur },
      });
    }
    const action: Omit<PlanAction, 'key'> = {
      title: input.title,
      background: input.background,
      practiceIds: input.practiceIds,
      eventIds: input.eventIds,
      transferIds: input.transferIds,
      description: input.description,
      players,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      milestones: milestoneRows,
      costsEur: input.costsEur,
      funding,
      improvementType: input.improvementType,
      instrumentsText: input.instrumentsText,
    };
    return action;
  });
export type ActionInput = z.output<typeof actionSchema>;

export const reviewSchema = z
  .object({
    decision: choice(['approve', 'return'] as const, 'plans.review.decision.required'),
    comment: optionalText({ max: 5000 }).transform((text) => text ?? ''),
  })
  .refine((input) => input.decision === 'approve' || input.comment !== '', {
    error: 'plans.review.comment.required',
    path: ['comment'],
    ...whenFieldsValid('decision', 'comment'),
  });

export const endorsementSchema = z.object({
  endorsedOn: requiredDate('plans.endorsement.endorsedOn.required', 'plans.endorsement.endorsedOn.invalid'),
  endorsedBy: requiredLine({ max: 200, required: 'plans.endorsement.endorsedBy.required' }),
  endorsingBody: requiredLine({ max: 300, required: 'plans.endorsement.endorsingBody.required' }),
});
export type EndorsementInput = z.output<typeof endorsementSchema>;

export const commentSchema = z.object({
  target: z.preprocess(cleanText, z.string().regex(/^(part1|part2|action:[a-z0-9]{1,20})$/, { error: 'plans.comments.target.invalid' })),
  body: requiredText({ max: 5000, required: 'plans.comments.body.required' }),
});
