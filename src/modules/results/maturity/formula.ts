/**
 * The governance improvement formula (`maturity.improvement`), as at the end of each semester: a partner's figure is
 * the overall score of its latest submitted round assessed on or before that day minus its baseline's (its earliest
 * round's), 0 with fewer than two rounds; the programme's is the mean over the partners that have two rounds or more.
 *
 * Scores are read through each round's framework (weights live in its JSON definition), so they are computed here from
 * the answers rather than in SQL; a programme has a few dozen rounds. The trace lists, per partner, the baseline
 * (weight 0: shown, it adds nothing) and the latest round (the change, weight 1), so the generic weighted recount —
 * Σ value × weight / Σ weight — gives back exactly the mean over partners with two rounds, and 0 for the others.
 */
import type { Formula, FormulaContext, FormulaPoint, SemesterBounds, TraceRecord } from '../formulas.js';
import { roundScore } from './framework.js';
import { progressOf, submittedScores, type PartnerProgress } from './service.js';

function changeOf(progress: PartnerProgress): number {
  if (progress.rounds < 2) return 0;
  return roundScore(progress.latest.scores.overall ?? 0) - roundScore(progress.baseline.scores.overall ?? 0);
}

function recordsOf(progress: PartnerProgress): TraceRecord[] {
  const record = (entry: PartnerProgress['baseline'], kind: 'baseline' | 'latest', value: number, weight: number): TraceRecord => ({
    kindKey: `maturity.formula.records.${kind}`,
    id: entry.round.id,
    label: entry.round.label,
    href: `/results/maturity/rounds/${entry.round.id}`,
    partnerId: progress.partnerId,
    date: entry.round.assessedOn,
    value,
    weight,
  });
  const baseline = record(progress.baseline, 'baseline', roundScore(progress.baseline.scores.overall ?? 0), 0);
  return progress.rounds < 2 ? [baseline] : [baseline, record(progress.latest, 'latest', changeOf(progress), 1)];
}

function semesterOf(context: FormulaContext, number: number): SemesterBounds | undefined {
  return context.semesters.find((semester) => semester.number === number);
}

export const governanceImprovement: Formula = {
  key: 'maturity.improvement',
  nameKey: 'maturity.formula.name',
  descriptionKey: 'maturity.formula.description',
  unit: 'points',
  recount: 'weighted',
  async series(context) {
    const scored = await submittedScores(context.db, context.programmeId);
    const partnerIds = [...new Set(scored.map((entry) => entry.round.partnerId))];
    const points: FormulaPoint[] = [];
    for (const semester of context.semesters) {
      const progress = new Map(progressOf(scored, semester.endsOn).map((entry) => [entry.partnerId, entry]));
      for (const partnerId of partnerIds) {
        const entry = progress.get(partnerId);
        points.push({ partnerId, semester: semester.number, value: entry ? changeOf(entry) : 0 });
      }
      const improving = [...progress.values()].filter((entry) => entry.rounds >= 2);
      const value = improving.length ? improving.reduce((total, entry) => total + changeOf(entry), 0) / improving.length : 0;
      points.push({ partnerId: null, semester: semester.number, value });
    }
    return points;
  },
  async records(context, scope) {
    const semester = semesterOf(context, scope.semester);
    if (!semester) return [];
    const scored = await submittedScores(context.db, context.programmeId, scope.partnerId ?? undefined);
    return progressOf(scored, semester.endsOn).flatMap(recordsOf);
  },
};
