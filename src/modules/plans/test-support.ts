/** Helpers for the monitoring tests: partner B's plan, endorsed, with one action to report on, and a report form. */
import type { Db } from '../../core/db/database.js';

/** What the set-up needs of the test world (kept structural: the build compiles this file, not core/testing). */
interface PlanWorld {
  context: { db: Db };
  world: { partnerB: { id: number } };
  browserFor(role: 'editorB' | 'coordinator'): Promise<{ post(url: string, fields: Record<string, string | string[]>): Promise<{ headers: Record<string, unknown> }> }>;
}

export const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export async function anEndorsedPlan(fixture: PlanWorld): Promise<{ planId: number; actionKey: string }> {
  const editor = await fixture.browserFor('editorB');
  const coordinator = await fixture.browserFor('coordinator');
  const created = await editor.post('/plans', { partnerId: String(fixture.world.partnerB.id) });
  const planId = Number(String(created.headers.location).split('/').pop());
  await editor.post(`/plans/${planId}/context`, { contactName: 'Office', contactEmail: '', instrumentKey: [''], instrumentName: ['Regional programme'], instrumentKind: ['other_regional'], instrumentBody: ['Region'], instrumentImprovement: ['Better'] });
  await editor.post(`/plans/${planId}/actions`, {
    title: 'Service design training',
    description: 'Three workshops.',
    startsOn: '2022-09-01',
    endsOn: '2023-06-30',
    costsEur: '25000',
    fundingSource: ['Municipal budget'],
    fundingAmount: ['25000'],
    improvementType: 'management_change',
  });
  await editor.post(`/plans/${planId}/submission`, {});
  await coordinator.post(`/plans/${planId}/review`, { decision: 'approve', comment: '' });
  await editor.post(`/plans/${planId}/endorsement`, { endorsedOn: '2022-07-20', endorsedBy: 'Mayor', endorsingBody: 'Council' });
  const version = await fixture.context.db.selectFrom('plan_versions').select('content').where('plan_id', '=', planId).executeTakeFirstOrThrow();
  return { planId, actionKey: version.content.actions[0]?.key ?? '' };
}

/** The answers of a complete report form, with the given ones changed. */
export const reportForm = (overrides: Record<string, string> = {}) => ({ semester: '7', status: 'on_track', percentComplete: '40', spentEur: '9000', workDone: 'Two workshops held.', links: 'https://example.org/minutes', instrumentImproved: 'no', improvementType: '', improvementDescription: '', ...overrides });
