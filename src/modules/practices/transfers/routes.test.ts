/** Transfers through HTTP: interest, stages in order, assessments by visitors, and who may do each. */
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../core/policy/actor.js';
import { aUser } from '../../../core/testing/factories.js';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { aPractice } from '../../../core/testing/records.js';
import { useWorld } from '../../../core/testing/world.js';
import { getTransfer, libraryCountsPerPartner } from './service.js';

const fixture = useWorld();
const system = systemActor('test');
let practiceOfA = 0;
let practiceOfB = 0;

const publishedPractice = (ownerPartnerId: number, title: string) => aPractice(fixture.context.db, ownerPartnerId, title, { status: 'published' });

beforeAll(async () => {
  practiceOfA = await publishedPractice(fixture.world.partnerA.id, 'Practice of partner A');
  practiceOfB = await publishedPractice(fixture.world.partnerB.id, 'Practice of partner B');
});

/** The transfer of a practice to a partner, registered by an earlier step of the test. */
async function transferIdOf(practiceId: number, importerPartnerId: number): Promise<number> {
  const row = await fixture.context.db
    .selectFrom('transfers')
    .select('id')
    .where('practice_id', '=', practiceId)
    .where('importer_partner_id', '=', importerPartnerId)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function registerInterest(role: 'editorA' | 'editorB' | 'coordinator', practiceId: number, importerPartnerId: number) {
  const browser = await fixture.browserFor(role);
  return browser.post(`/practices/${practiceId}/transfers`, { importerPartnerId: String(importerPartnerId), notes: 'Seen at the thematic event.' });
}

describe('registering an interest', () => {
  it('lets partner B’s editor register B’s interest in A’s practice, offering only B in the form', async () => {
    const editor = await fixture.browserFor('editorB');
    const page = await editor.page(`/practices/${practiceOfA}`);
    const options = [...page.screen.getByLabelText<HTMLSelectElement>('Importing partner').options].map((option) => option.textContent);
    expect(options).toEqual([fixture.world.partnerB.name]);
    const response = await registerInterest('editorB', practiceOfA, fixture.world.partnerB.id);
    expect(response.statusCode).toBe(303);
    const transfer = await getTransfer(fixture.context.db, system, Number(String(response.headers.location).split('/').pop()));
    expect(transfer).toMatchObject({
      stage: 'interest',
      importerPartnerId: fixture.world.partnerB.id,
      stages: [{ stage: 'interest', notes: 'Seen at the thematic event.' }],
    });
  });

  it('refuses a partner importing its own practice, a second interest, and another partner’s editor crafting one for B', async () => {
    const own = await registerInterest('editorA', practiceOfA, fixture.world.partnerA.id);
    expect(own.statusCode).toBe(303);
    expect(own.headers.location).toBe(`/practices/${practiceOfA}#transfers`);
    const again = await registerInterest('editorB', practiceOfA, fixture.world.partnerB.id);
    expect(again.headers.location).toBe(`/practices/${practiceOfA}#transfers`);
    const crafted = await registerInterest('editorA', practiceOfB, fixture.world.partnerB.id);
    expect(crafted.statusCode).toBe(403);
    const counts = await libraryCountsPerPartner(fixture.context.db, fixture.world.programme.id);
    expect(counts.get(fixture.world.partnerA.id)).toEqual({ identified: 1, adopted: 0, inProgress: 0 });
    expect(counts.get(fixture.world.partnerB.id)).toEqual({ identified: 1, adopted: 0, inProgress: 1 });
  });
});

describe('recording stages', () => {
  it('moves forward only, recorded by the importing or the owning partner, each with its date and author', async () => {
    const created = await registerInterest('coordinator', practiceOfB, fixture.world.partnerA.id);
    const url = String(created.headers.location);
    const importer = await fixture.browserFor('editorA');
    const owner = await fixture.browserFor('editorB');

    expect((await importer.post(`${url}/stages`, { stage: 'study_visit', occurredOn: '2021-10-27', notes: 'Online visit.' })).statusCode).toBe(303);
    const backwards = readPage(await owner.post(`${url}/stages`, { stage: 'interest', occurredOn: '2021-11-01', notes: '' }));
    expect(backwards.status).toBe(400);
    expect(backwards.screen.getByRole('link', { name: 'Choose a stage after the current one' })).toBeTruthy();
    const missingDate = readPage(await owner.post(`${url}/stages`, { stage: 'import_workshop', occurredOn: '', notes: '' }));
    expect(missingDate.screen.getByRole('link', { name: 'Enter the date of the stage' })).toBeTruthy();
    expect((await owner.post(`${url}/stages`, { stage: 'adopted', occurredOn: '2022-06-30', notes: 'In the action plan.' })).statusCode).toBe(303);

    const page = await importer.page(url);
    const stages = [...page.document.querySelectorAll('.stage-list__item--done')].map((item) => item.querySelector('h3')?.textContent);
    expect(stages).toEqual(['Interest registered', 'Study visit', 'Adopted in the action plan']);
    expect(page.mainText).toContain(`27 October 2021, recorded by ${fixture.world.users.editorA.actor.displayName}`);
    const counts = await libraryCountsPerPartner(fixture.context.db, fixture.world.programme.id);
    expect(counts.get(fixture.world.partnerA.id)).toEqual({ identified: 1, adopted: 1, inProgress: 0 });
  });

  it('refuses stakeholders and other programmes’ coordinators, and sends anonymous visitors to sign in', async () => {
    const transferUrl = `/transfers/${await transferIdOf(practiceOfA, fixture.world.partnerB.id)}`;
    for (const role of ['stakeholderA', 'otherCoordinator'] as const) {
      expect((await (await fixture.browserFor(role)).post(`${transferUrl}/stages`, { stage: 'implemented', occurredOn: '2023-01-01' })).statusCode, role).toBe(
        403,
      );
    }
    expect((await new TestBrowser(fixture.context.app).get(transferUrl)).statusCode).toBe(303);
  });
});

describe('assessing transferability', () => {
  it('lets visitors of the importing partner, stakeholders of its group included, score four criteria; the page shows the averages', async () => {
    const transferId = await transferIdOf(practiceOfB, fixture.world.partnerA.id);
    const stakeholder = await fixture.browserFor('stakeholderA');
    const editor = await fixture.browserFor('editorA');

    const incomplete = readPage(await stakeholder.post(`/transfers/${transferId}/assessment`, { fitScore: '5' }));
    expect(incomplete.status).toBe(400);
    expect([...incomplete.screen.getByRole('alert').querySelectorAll('a')].map((link) => link.textContent)).toEqual([
      'Score the legal and organisational feasibility from 1 to 5',
      'Score the cost from 1 to 5',
      'Score the stakeholder support from 1 to 5',
    ]);

    expect(
      (
        await stakeholder.post(`/transfers/${transferId}/assessment`, {
          fitScore: '5',
          fitComment: 'Exactly our need',
          feasibilityScore: '3',
          costScore: '4',
          supportScore: '4',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await editor.post(`/transfers/${transferId}/assessment`, { fitScore: '4', feasibilityScore: '4', costScore: '2', supportScore: '5' })).statusCode,
    ).toBe(303);
    // Filling the form again revises one's own assessment rather than adding another.
    expect(
      (await editor.post(`/transfers/${transferId}/assessment`, { fitScore: '4', feasibilityScore: '4', costScore: '3', supportScore: '5' })).statusCode,
    ).toBe(303);

    const transfer = await getTransfer(fixture.context.db, system, transferId);
    expect(transfer?.assessments).toHaveLength(2);
    expect(transfer?.averages).toEqual({ fit: 4.5, feasibility: 3.5, cost: 3.5, support: 4.5 });
    const page = await editor.page(`/transfers/${transferId}`);
    const averageRow = page.document.querySelector('.table__total');
    expect([...(averageRow?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent)).toEqual(['4.5', '3.5', '3.5', '4.5']);
    expect(page.mainText).toContain('Exactly our need');
  });

  it('refuses the owning partner’s editor and a stakeholder of another group', async () => {
    const scores = { fitScore: '1', feasibilityScore: '1', costScore: '1', supportScore: '1' };
    expect(
      (await (await fixture.browserFor('editorB')).post(`/transfers/${await transferIdOf(practiceOfB, fixture.world.partnerA.id)}/assessment`, scores))
        .statusCode,
    ).toBe(403);
    expect(
      (await (await fixture.browserFor('stakeholderA')).post(`/transfers/${await transferIdOf(practiceOfA, fixture.world.partnerB.id)}/assessment`, scores))
        .statusCode,
    ).toBe(403);
  });
});

describe('personal data in transfers', () => {
  it('gives a person the stages and assessments they recorded in their download, and erasing them keeps the records without their name', async () => {
    const person = await aUser(fixture.context.db, { role: 'editor', partnerId: fixture.world.partnerB.id });
    const browser = new TestBrowser(fixture.context.app);
    await browser.signIn(person.email, person.password);
    const transferId = await transferIdOf(practiceOfA, fixture.world.partnerB.id);
    expect(
      (await browser.post(`/transfers/${transferId}/stages`, { stage: 'import_workshop', occurredOn: '2022-03-01', notes: 'Workshop in Tartu' })).statusCode,
    ).toBe(303);
    expect(
      (
        await browser.post(`/transfers/${transferId}/assessment`, {
          fitScore: '4',
          fitComment: 'Fits our e-services plan',
          feasibilityScore: '4',
          costScore: '4',
          supportScore: '4',
        })
      ).statusCode,
    ).toBe(303);

    const download = (await browser.get('/account/data.json')).json<{
      records: { goodPractices: { transferStages: { notes: string }[]; assessments: { fit_comment: string }[] } };
    }>();
    expect(download.records.goodPractices.transferStages.map((stage) => stage.notes)).toEqual(['Workshop in Tartu']);
    expect(download.records.goodPractices.assessments.map((assessment) => assessment.fit_comment)).toEqual(['Fits our e-services plan']);

    const admin = await fixture.browserFor('admin');
    await admin.post(`/admin/users/${person.id}/deactivate`, {});
    expect((await admin.post(`/admin/users/${person.id}/erase`, {})).statusCode).toBe(303);
    const page = await (await fixture.browserFor('coordinator')).page(`/transfers/${transferId}`);
    expect(page.mainText).not.toContain(person.actor.displayName);
    expect(page.mainText).toContain(`1 March 2022, recorded by Erased user ${person.id}`);
    expect(page.mainText).toContain('Workshop in Tartu');
  });
});
