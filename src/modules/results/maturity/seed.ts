/**
 * Demo maturity rounds for the five BETTER partners: a baseline (late 2019 or early 2020) and a follow-up (2022),
 * both submitted, with fictitious answers (deterministic, marked illustrative and labelled so on every page), and one
 * invited stakeholder's answers for Tartu, so the radar charts and the governance improvement have data.
 */
import type { Tx } from '../../../core/db/database.js';
import type { DemoRecords } from '../../../core/module.js';
import { defaultFramework } from './default-framework.js';
import { questionsOf } from './framework.js';
import * as queries from './queries.js';

declare module '../../../core/module.js' {
  interface DemoCounts {
    maturityRounds: number;
  }
}

const partnerOrder = ['genoa', 'tartu', 'nyiregyhaza', 'birmingham', 'gavle'] as const;
const baselineDates = ['2019-11-20', '2019-12-05', '2020-01-22', '2020-02-12', '2020-02-26'];
const followUpDates = ['2022-10-12', '2022-10-26', '2022-11-09', '2022-11-23', '2022-12-07'];
const editorAccounts: Partial<Record<(typeof partnerOrder)[number], string>> = { tartu: 'editorTartu', gavle: 'editorGavle' };

/**
 * Fictitious profiles, one level per dimension (in the framework's order: strategy, readiness, human-centric, data,
 * automation and AI, green): where each partner started, and how many levels it gained by the follow-up. They differ
 * so that each partner has its own weakest dimensions and the changes are not all alike.
 */
const baselineProfiles = [
  [2, 1, 1, 1, 0, 0],
  [2, 2, 1, 2, 1, 0],
  [1, 1, 1, 0, 0, 0],
  [1, 2, 1, 1, 0, 1],
  [1, 1, 2, 1, 1, 0],
];
const gainProfiles = [
  [1, 1, 2, 1, 1, 0],
  [1, 1, 1, 1, 2, 1],
  [2, 1, 1, 1, 0, 1],
  [1, 0, 2, 1, 1, 1],
  [2, 2, 1, 1, 0, 1],
];

/** A fictitious level: the partner's profile for the dimension, a level more on the second question, one less on the third. */
function levelOf(partnerIndex: number, dimensionIndex: number, questionIndex: number, followUp: boolean): number {
  const profile = baselineProfiles[partnerIndex]?.[dimensionIndex] ?? 0;
  const baseline = Math.max(0, profile + (questionIndex === 1 ? 1 : 0) - (questionIndex === 2 ? 1 : 0));
  return followUp ? Math.min(4, baseline + (gainProfiles[partnerIndex]?.[dimensionIndex] ?? 1)) : baseline;
}

export async function seedMaturity(trx: Tx, earlier: Readonly<DemoRecords>): Promise<Record<string, number>> {
  const frameworkId = await queries.insertFramework(trx, {
    programmeId: earlier.programme.id,
    name: defaultFramework.name.en,
    definition: defaultFramework,
    builtin: true,
  });
  const questions = questionsOf(defaultFramework).map(({ dimension, question }) => ({
    key: question.key,
    dimensionIndex: defaultFramework.dimensions.indexOf(dimension),
    questionIndex: dimension.questions.indexOf(question),
  }));
  let rounds = 0;
  for (const [partnerIndex, partnerKey] of partnerOrder.entries()) {
    const partnerId = earlier.partners.partnerIds[partnerKey];
    const accountKey = editorAccounts[partnerKey];
    const userId = accountKey === undefined ? null : (earlier.accounts.get(accountKey) ?? null);
    for (const followUp of [false, true]) {
      const assessedOn = (followUp ? followUpDates : baselineDates)[partnerIndex] as string;
      const { id: roundId } = await queries.insertRound(trx, {
        programmeId: earlier.programme.id,
        partnerId,
        frameworkId,
        label: followUp ? 'Follow-up 2022' : `Baseline ${assessedOn.slice(0, 4)}`,
        assessedOn,
        illustrative: true,
      });
      const answeredAt = new Date(`${assessedOn}T10:00:00Z`);
      const team = await queries.insertDemoRespondent(trx, {
        roundId,
        userId,
        name: 'Partner team (fictitious)',
        marker: `demo-team-${roundId}`,
        answeredAt,
      });
      await queries.replaceAnswers(
        trx,
        team,
        questions.map((question) => ({
          questionKey: question.key,
          level: levelOf(partnerIndex, question.dimensionIndex, question.questionIndex, followUp),
          comment: '',
        })),
      );
      if (partnerKey === 'tartu' && followUp) {
        const stakeholder = await queries.insertDemoRespondent(trx, {
          roundId,
          userId: null,
          name: 'Invited stakeholder (fictitious)',
          marker: `demo-stakeholder-${roundId}`,
          answeredAt,
        });
        await queries.replaceAnswers(
          trx,
          stakeholder,
          questions.map((question) => ({
            questionKey: question.key,
            level: Math.max(0, levelOf(partnerIndex, question.dimensionIndex, question.questionIndex, true) - (question.questionIndex % 2)),
            comment: question.questionIndex === 0 ? 'Fictitious comment for the demo.' : '',
          })),
        );
      }
      await queries.markSubmitted(trx, roundId, userId, answeredAt);
      rounds += 1;
    }
  }
  return { maturityRounds: rounds };
}
