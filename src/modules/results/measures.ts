/**
 * The five success measures of the BETTER practice and the formulas each one shows. A measure is a group of figures
 * with its formula written out on the page (i18n `results.measures.<key>.formula`) and in docs/results.md.
 */
export const successMeasures = [
  { key: 'instruments_developed', formulas: ['instruments.developed'] },
  { key: 'governance_improvement', formulas: ['maturity.improvement', 'plans.policy_instruments_improved'] },
  { key: 'societal_impact', formulas: ['instruments.users_reached', 'instruments.transactions', 'instruments.hours_saved', 'instruments.eur_saved'] },
  {
    key: 'plan_implementation',
    formulas: ['plans.implementation', 'plans.actions_completed', 'plans.actions_in_progress', 'plans.policy_instruments_improved'],
  },
  { key: 'participation', formulas: ['events.held', 'events.participants', 'events.decision_makers', 'events.people_capacity'] },
] as const;

export type SuccessMeasureKey = (typeof successMeasures)[number]['key'];
