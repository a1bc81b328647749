/** The demo's instruments: the partners' payment system, AI service and data platform, with chains, stages and a year of impact. */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, systemActor } from '../../../core/policy/actor.js';
import { seedDemo } from '../../../seed.js';
import { deliverablesOfPlan, getInstrument, programmeView, searchCatalogue } from './service.js';
import { useTestDatabase } from '../../../core/testing/world.js';

const database = useTestDatabase();
let programmeId = 0;
beforeAll(async () => {
  const outcome = await seedDemo(database.db);
  if (!outcome.ok) throw new Error('demo not loaded');
  programmeId = outcome.value.programmeId;
});

const query = { q: '', kind: null, stage: null, partner: null, theme: null };

describe('the demo instruments', () => {
  it('meets the programme’s goal of three developed instruments, with a payment system, an AI tool and a data platform', async () => {
    const view = await programmeView(database.db, anonymous, programmeId);
    expect(view.developed).toBeGreaterThanOrEqual(3);
    const { entries } = await searchCatalogue(database.db, anonymous, query, 1);
    expect(new Set(entries.map((entry) => entry.kind))).toEqual(new Set(['payment_system', 'ai_tool', 'data_platform', 'online_service', 'other']));
    expect(view.spending.regionalSharePercent).toBeGreaterThan(80);
    expect(view.moneySavedEur).toBeGreaterThan(0);
  });

  it('keeps the unpublished idea board from the public, and shows it to staff', async () => {
    expect((await searchCatalogue(database.db, anonymous, query, 1)).entries.map((entry) => entry.name)).not.toContain(
      'Idea board of the internal innovation group',
    );
    expect((await searchCatalogue(database.db, systemActor('test'), query, 1)).entries.map((entry) => entry.name)).toContain(
      'Idea board of the internal innovation group',
    );
  });

  it('links each instrument to what inspired it, and records the AI assistant’s step back with its reason', async () => {
    const { entries } = await searchCatalogue(database.db, anonymous, { ...query, q: 'assistant' }, 1);
    const assistant = await getInstrument(database.db, anonymous, entries[0]?.id ?? 0);
    expect(assistant?.stages.map((stage) => stage.stage)).toEqual(['idea', 'design', 'pilot', 'design']);
    expect(assistant?.stages.at(-1)?.reason).toContain('62%');
    expect(assistant?.planId).not.toBeNull();
    expect(assistant?.practiceId).not.toBeNull();
    expect(assistant?.events).toHaveLength(1);
    // The plan shows it under the action that planned it.
    expect(await deliverablesOfPlan(database.db, anonymous, assistant?.planId ?? 0)).toContainEqual({
      actionKey: 'nassistant',
      name: 'AI assistant for citizen enquiries',
      href: `/instruments/${assistant?.id}`,
    });
  });

  it('has a year of impact figures for the payment system, with time and money saved', async () => {
    const { entries } = await searchCatalogue(database.db, anonymous, { ...query, kind: 'payment_system' }, 1);
    const payments = await getInstrument(database.db, anonymous, entries[0]?.id ?? 0);
    expect(payments?.impact).toHaveLength(4);
    expect(payments?.impactSummary.moneySavedEur).toBeGreaterThan(100_000);
    expect(payments?.impactSummary.takeUpGrowthPoints).toBe(17);
    expect(payments?.chain.map((entry) => entry.role).sort()).toEqual(['co_creation', 'research_partner', 'supplier']);
  });
});
