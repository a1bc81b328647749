/** The audit log viewer: who changed what and when, with values before and after; administrators only. */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../core/audit/queries.js';
import { anOrganisation } from '../../core/testing/factories.js';
import { type TestBrowser } from '../../core/testing/http.js';
import { useWorld } from '../../core/testing/world.js';
import { auditPageSize, changesOf } from './service.js';

const fixture = useWorld();
let admin: TestBrowser;

beforeAll(async () => {
  admin = await fixture.browserFor('admin');
});

describe('reading the audit log', () => {
  it('shows a change with its author, time, and each changed field before and after', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const { partnerB } = fixture.world;
    await coordinator.post(`/partners/${partnerB.id}`, {
      name: partnerB.name,
      shortName: 'Tartu',
      countryCode: partnerB.countryCode,
      nutsCode: partnerB.nutsCode,
      nutsName: partnerB.nutsName,
      role: partnerB.role,
      website: '',
      contactName: partnerB.contactName ?? '',
      contactEmail: partnerB.contactEmail ?? '',
    });
    const page = await admin.page(`/admin/audit?entityType=partner&entityId=${partnerB.id}&action=partner.update`);
    const entry = page.screen.getByRole('heading', { name: `partner.update · partner #${partnerB.id}` }).closest('li') as HTMLElement;
    expect(entry.textContent).toContain(`By ${fixture.world.users.coordinator.actor.displayName}`);
    const rows = [...entry.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([['shortName', partnerB.shortName, 'Tartu']]);
  });

  it('pages through older entries with a stable link, newest first and without overlap', async () => {
    for (let index = 0; index < auditPageSize; index += 1) await anOrganisation(fixture.context.db, fixture.world.partnerB.id);
    const first = await admin.page('/admin/audit');
    expect(first.document.querySelectorAll('.audit-entry')).toHaveLength(auditPageSize);
    const older = first.screen.getByRole('link', { name: 'Older entries' }).getAttribute('href') as string;
    expect(older).toMatch(/^\/admin\/audit\?after=\d+$/);
    const second = await admin.page(older);
    // The two pages together are exactly the newest entries of the whole log, in order, none skipped or repeated.
    const idsOf = (page: typeof first) => [...page.document.querySelectorAll('.audit-entry')].map((entry) => Number(entry.id.replace('entry-', '')));
    const shown = [...idsOf(first), ...idsOf(second)];
    const noFilter = { entityType: null, entityId: null, actorUserId: null, action: null, from: null, to: null };
    const whole = await listAuditEvents(fixture.context.db, noFilter, shown.length, null);
    expect(idsOf(second).length).toBeGreaterThan(0);
    expect(shown).toEqual(whole.map((event) => event.id));
  });

  it('ignores filters it cannot use instead of failing', async () => {
    expect((await admin.get('/admin/audit?from=yesterday&actor=abc&entityType=%3Cscript%3E')).statusCode).toBe(200);
  });

  it('is for administrators only', async () => {
    for (const role of ['coordinator', 'editorA', 'stakeholderA'] as const) {
      const browser = await fixture.browserFor(role);
      expect((await browser.get('/admin/audit')).statusCode, role).toBe(403);
    }
  });
});

describe('changes of an entry', () => {
  it('lists created fields, removed fields and edited fields, leaving unchanged ones out', () => {
    expect(changesOf({ before: { a: 1, b: 'same', c: null }, after: { a: 2, b: 'same', d: 'new' } })).toEqual([
      { field: 'a', before: 1, after: 2 },
      { field: 'c', before: null, after: undefined },
      { field: 'd', before: undefined, after: 'new' },
    ]);
  });
});
