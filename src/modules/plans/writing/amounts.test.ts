/** Amounts in the action form's messages read as amounts in the reader's language, not as raw numbers ("EUR 75000.00"). */
import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../../core/i18n/i18n.js';
import { aPlanActionForm } from '../../../core/testing/records.js';
import { actionSchema } from './schema.js';

const form = aPlanActionForm({ costsEur: '150000', fundingSource: ['ERDF', 'City budget'], fundingAmount: ['100000', '20000.5'] });

describe('the funding warning', () => {
  it('gives the amounts as numbers, formatted by the catalogue with the currency in each language', async () => {
    const parsed = actionSchema.safeParse(form);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues.find((found) => found.message === 'plans.action.funding.differs');
    const values = (issue as { params?: Record<string, number> } | undefined)?.params;
    expect(values).toEqual({ total: 120000.5, costs: 150000 });
    const translator = await getTranslator();
    // Intl separates groups and the currency with no-break spaces: read them as spaces.
    const message = (locale: 'en' | 'it' | 'hu' | 'et' | 'sv') => translator.translate(locale)('plans.action.funding.differs', values).replace(/\s/g, ' ');
    expect(message('en')).toContain('adds up to EUR 120,000.50 but the costs are EUR 150,000.00');
    expect(message('it')).toContain('120.000,50 EUR');
    expect(message('hu')).toContain('120 000,50 EUR');
    expect(message('et')).toContain('120 000,50 EUR');
    expect(message('sv')).toContain('120 000,50 EUR');
  });
});
