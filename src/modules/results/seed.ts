/**
 * Demo results of the BETTER programme: its indicators with targets from the practice and the project, a few reported
 * values (one returned for more evidence), and baseline and follow-up maturity rounds of the five partners with
 * fictitious answers, marked as illustrative, so every chart of the dashboard has data.
 */
import type { DemoSeed } from '../../core/module.js';
import { seedIndicators } from './indicators/index.js';
import { seedMaturity } from './maturity/index.js';

export const resultsDemoSeed: DemoSeed = {
  after: ['programmes', 'partners', 'accounts', 'practices', 'events', 'plans', 'instruments'],
  async run(trx, earlier) {
    const indicators = await seedIndicators(trx, earlier);
    const maturity = await seedMaturity(trx, earlier);
    return { counts: { ...indicators, ...maturity } };
  },
};
