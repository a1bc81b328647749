import { describe, expect, it } from 'vitest';
import { impactSummary, isDeveloped, periodSavings, spendingShares, type ImpactPeriod } from './figures.js';

const period = (overrides: Partial<ImpactPeriod>): ImpactPeriod => ({
  periodStart: '2023-01-01',
  periodEnd: '2023-03-31',
  users: null,
  transactions: null,
  processingMinutesDigital: null,
  processingMinutesFormer: null,
  costDigitalEur: null,
  costFormerEur: null,
  satisfactionPercent: null,
  digitalSharePercent: null,
  ...overrides,
});

describe('impact figures', () => {
  it('saves time and money per transaction moved from the former channel', () => {
    expect(
      periodSavings(period({ transactions: 1200, processingMinutesFormer: 25, processingMinutesDigital: 5, costFormerEur: 12.5, costDigitalEur: 2.5 })),
    ).toEqual({ timeSavedHours: 400, moneySavedEur: 12_000 });
  });

  it('says nothing rather than guess when a figure is missing', () => {
    expect(periodSavings(period({ transactions: 1200, processingMinutesFormer: 25 }))).toEqual({ timeSavedHours: null, moneySavedEur: null });
  });

  it('sums the periods, and measures take-up growth from the first to the last period, in date order', () => {
    const summary = impactSummary([
      period({ periodStart: '2023-04-01', periodEnd: '2023-06-30', transactions: 3000, costFormerEur: 10, costDigitalEur: 2, digitalSharePercent: 55 }),
      period({ periodStart: '2023-01-01', periodEnd: '2023-03-31', transactions: 1000, costFormerEur: 10, costDigitalEur: 2, digitalSharePercent: 30 }),
      period({ periodStart: '2023-07-01', periodEnd: '2023-09-30', users: 500 }),
    ]);
    expect(summary.periods.map((entry) => entry.periodStart)).toEqual(['2023-01-01', '2023-04-01', '2023-07-01']);
    expect(summary.moneySavedEur).toBe(32_000);
    expect(summary.timeSavedHours).toBeNull();
    expect(summary.takeUpGrowthPoints).toBe(25);
    expect(summary.transactionsGrowthPercent).toBe(200);
  });

  it('counts a worse digital channel as negative savings', () => {
    expect(periodSavings(period({ transactions: 10, costFormerEur: 1, costDigitalEur: 3 })).moneySavedEur).toBe(-20);
  });
});

describe('spending in the innovation chain', () => {
  it('shares the known contract value between regional organisations and SMEs', () => {
    const shares = spendingShares([
      { contractValueEur: 60_000, inRegion: true, sizeClass: 'small' },
      { contractValueEur: 30_000, inRegion: false, sizeClass: 'large' },
      { contractValueEur: 10_000, inRegion: true, sizeClass: null },
      { contractValueEur: null, inRegion: false, sizeClass: 'micro' },
    ]);
    expect(shares).toEqual({ totalEur: 100_000, regionalEur: 70_000, smeEur: 60_000, regionalSharePercent: 70, smeSharePercent: 60 });
  });

  it('has no share when no contract value is known', () => {
    expect(spendingShares([{ contractValueEur: null, inRegion: true, sizeClass: 'small' }]).regionalSharePercent).toBeNull();
  });
});

describe('instruments developed', () => {
  it('counts those that reached a pilot, even if they went back to design or were retired', () => {
    expect(['idea', 'design', 'retired'].map((stage) => isDeveloped(stage as 'idea', false))).toEqual([false, false, false]);
    expect(['pilot', 'live', 'scaled'].map((stage) => isDeveloped(stage as 'pilot', false))).toEqual([true, true, true]);
    expect([isDeveloped('design', true), isDeveloped('retired', true)]).toEqual([true, true]);
  });
});
