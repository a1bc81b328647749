/**
 * Every derived figure of the instruments, in one place (formulas and assumptions in docs/instruments-figures.md):
 * per impact period the time and money saved; over the series the take-up growth; across the innovation chain the
 * share of contract value that went to regional organisations and to SMEs; across a programme, the instruments
 * developed (pilot or later) per partner.
 */
import type { SizeClass } from '../../partners/service.js';
import type { Stage } from '../tables.js';

export interface ImpactPeriod {
  periodStart: string;
  periodEnd: string;
  users: number | null;
  transactions: number | null;
  processingMinutesDigital: number | null;
  processingMinutesFormer: number | null;
  costDigitalEur: number | null;
  costFormerEur: number | null;
  satisfactionPercent: number | null;
  digitalSharePercent: number | null;
}

export interface PeriodSavings {
  /** transactions × (former − digital processing minutes) ÷ 60; null when a figure is missing. */
  timeSavedHours: number | null;
  /** transactions × (former − digital cost per transaction); null when a figure is missing. */
  moneySavedEur: number | null;
}

export function periodSavings(period: ImpactPeriod): PeriodSavings {
  const { transactions } = period;
  const timeSavedHours =
    transactions !== null && period.processingMinutesFormer !== null && period.processingMinutesDigital !== null
      ? (transactions * (period.processingMinutesFormer - period.processingMinutesDigital)) / 60
      : null;
  const moneySavedEur =
    transactions !== null && period.costFormerEur !== null && period.costDigitalEur !== null
      ? transactions * (period.costFormerEur - period.costDigitalEur)
      : null;
  return { timeSavedHours, moneySavedEur };
}

export interface ImpactSummary {
  periods: (ImpactPeriod & PeriodSavings)[];
  /** Sums over the periods that have the figures; null when none has. */
  timeSavedHours: number | null;
  moneySavedEur: number | null;
  /** Digital share in the last period with one minus the first, in percentage points. */
  takeUpGrowthPoints: number | null;
  /** Transactions in the last period with a count against the first, in percent. */
  transactionsGrowthPercent: number | null;
}

const sumOf = (values: (number | null)[]): number | null => {
  const known = values.filter((value): value is number => value !== null);
  return known.length ? known.reduce((sum, value) => sum + value, 0) : null;
};

export function impactSummary(series: ImpactPeriod[]): ImpactSummary {
  const periods = [...series].sort((a, b) => a.periodStart.localeCompare(b.periodStart)).map((period) => ({ ...period, ...periodSavings(period) }));
  const shares = periods.map((period) => period.digitalSharePercent).filter((value): value is number => value !== null);
  const counts = periods.map((period) => period.transactions).filter((value): value is number => value !== null);
  const firstCount = counts[0];
  const lastCount = counts.at(-1);
  return {
    periods,
    timeSavedHours: sumOf(periods.map((period) => period.timeSavedHours)),
    moneySavedEur: sumOf(periods.map((period) => period.moneySavedEur)),
    takeUpGrowthPoints: shares.length >= 2 ? (shares.at(-1) as number) - (shares[0] as number) : null,
    transactionsGrowthPercent:
      counts.length >= 2 && firstCount !== undefined && lastCount !== undefined && firstCount > 0 ? ((lastCount - firstCount) / firstCount) * 100 : null,
  };
}

export interface ChainSpending {
  contractValueEur: number | null;
  inRegion: boolean;
  sizeClass: SizeClass | null;
}

export interface SpendingShares {
  /** Contract value known, over every organisation of the chain. */
  totalEur: number;
  regionalEur: number;
  smeEur: number;
  /** Shares of the known contract value, in percent; null when no value is known. */
  regionalSharePercent: number | null;
  smeSharePercent: number | null;
}

/** SMEs: businesses of micro, small or medium size (the EU definition's classes, as recorded on the organisation). */
export function isSme(sizeClass: SizeClass | null): boolean {
  return sizeClass === 'micro' || sizeClass === 'small' || sizeClass === 'medium';
}

export function spendingShares(chain: ChainSpending[]): SpendingShares {
  const valued = chain.filter((entry): entry is ChainSpending & { contractValueEur: number } => entry.contractValueEur !== null);
  const totalEur = valued.reduce((sum, entry) => sum + entry.contractValueEur, 0);
  const regionalEur = valued.filter((entry) => entry.inRegion).reduce((sum, entry) => sum + entry.contractValueEur, 0);
  const smeEur = valued.filter((entry) => isSme(entry.sizeClass)).reduce((sum, entry) => sum + entry.contractValueEur, 0);
  return {
    totalEur,
    regionalEur,
    smeEur,
    regionalSharePercent: totalEur > 0 ? (regionalEur / totalEur) * 100 : null,
    smeSharePercent: totalEur > 0 ? (smeEur / totalEur) * 100 : null,
  };
}

/**
 * An instrument counts as developed once it has reached a pilot (DOMAIN.md: "instruments that reached pilot or
 * later"), even if it later went back to design or was retired: it was built and tried.
 */
export function isDeveloped(stage: Stage, reachedPilot: boolean): boolean {
  return reachedPilot || stage === 'pilot' || stage === 'live' || stage === 'scaled';
}

/** The programme's goal: at least three innovative eGovernment instruments developed. */
export const programmeGoal = 3;
