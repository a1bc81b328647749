/** Partner pages and stakeholder groups through HTTP, for every role, including crafted cross-partner requests. */
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../core/audit/queries.js';
import { systemActor } from '../../core/policy/actor.js';
import { anOrganisation, aPartner, aUser, partnerFormFields } from '../../core/testing/factories.js';
import { readPage, TestBrowser } from '../../core/testing/http.js';
import { useWorld } from '../../core/testing/world.js';
import { findOrganisation, findPartner, findPartnerWithGroup } from './service.js';

const fixture = useWorld();
const system = systemActor('test');

describe('the public partner pages', () => {
  it('lists the partners of each programme with country, region, role and group size', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/partners');
    const table = page.screen.getByRole('table', { name: `Partners of ${fixture.world.programme.acronym}` });
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => row.textContent);
    expect(rows[0]).toContain(fixture.world.partnerA.name);
    expect(rows[0]).toContain('Lead partner');
    expect(rows[1]).toContain('Estonia');
  });

  it('shows a partner with its stakeholder group, and hides the contact person from anonymous visitors', async () => {
    const anonymousPage = await new TestBrowser(fixture.context.app).page(`/partners/${fixture.world.partnerA.id}`);
    expect(anonymousPage.screen.getByRole('heading', { level: 1 }).textContent).toBe(fixture.world.partnerA.name);
    expect(anonymousPage.screen.getByRole('table', { name: `Stakeholder organisations of ${fixture.world.partnerA.shortName}` }).textContent).toContain(
      fixture.world.organisationA.name,
    );
    expect(anonymousPage.mainText).not.toContain(fixture.world.partnerA.contactEmail ?? 'never');
    expect(anonymousPage.screen.queryByRole('link', { name: 'Edit partner' })).toBeNull();

    const stakeholderPage = await (await fixture.browserFor('stakeholderA')).page(`/partners/${fixture.world.partnerA.id}`);
    expect(stakeholderPage.mainText).toContain(fixture.world.partnerA.contactEmail ?? 'never');
    expect(stakeholderPage.screen.queryByRole('link', { name: 'Edit partner' })).toBeNull();
  });

  it('answers 404 for a partner that does not exist', async () => {
    expect((await new TestBrowser(fixture.context.app).get('/partners/424242')).statusCode).toBe(404);
  });
});

describe('editing a partner', () => {
  it('lets the partner’s editor correct its details, recorded in the audit log with before and after', async () => {
    const browser = await fixture.browserFor('editorA');
    const form = await browser.page(`/partners/${fixture.world.partnerA.id}/edit`);
    expect(form.screen.queryByRole('radio', { name: 'Lead partner' })).toBeNull();
    const response = await browser.post(
      `/partners/${fixture.world.partnerA.id}`,
      partnerFormFields(fixture.world.partnerA, { website: 'https://example.org/a', nutsName: 'Liguria' }),
    );
    expect(response.statusCode).toBe(303);
    expect((await findPartner(fixture.context.db, system, fixture.world.partnerA.id))?.website).toBe('https://example.org/a');
    const [event] = await listAuditEvents(
      fixture.context.db,
      { entityType: 'partner', entityId: String(fixture.world.partnerA.id), actorUserId: null, action: 'partner.update', from: null, to: null },
      1,
      null,
    );
    expect(event?.actorUserId).toBe(fixture.world.users.editorA.id);
    expect(event?.before?.website).toBeNull();
    expect(event?.after?.website).toBe('https://example.org/a');
  });

  it('refuses a website with a line break or a space inside, keeping what was typed and storing nothing', async () => {
    const browser = await fixture.browserFor('editorA');
    const before = (await findPartner(fixture.context.db, system, fixture.world.partnerA.id))?.website;
    for (const website of ['https://example.org/\nevil', 'https://exam ple.org', 'https://example.org/\tx']) {
      const page = readPage(await browser.post(`/partners/${fixture.world.partnerA.id}`, partnerFormFields(fixture.world.partnerA, { website })));
      expect(page.status, website).toBe(400);
      expect(page.screen.getByRole('link', { name: 'Remove the spaces and line breaks from the web address' }).getAttribute('href')).toBe('#field-website');
      expect(page.screen.getByLabelText<HTMLInputElement>('Website (optional)').value).toBe(website.replace('\n', ''));
    }
    expect((await findPartner(fixture.context.db, system, fixture.world.partnerA.id))?.website).toBe(before);
  });

  it('refuses another partner’s editor, whether through the page or by crafting the request, and changes nothing', async () => {
    const browser = await fixture.browserFor('editorB');
    expect((await browser.get(`/partners/${fixture.world.partnerA.id}/edit`)).statusCode).toBe(403);
    const crafted = await browser.post(`/partners/${fixture.world.partnerA.id}`, partnerFormFields(fixture.world.partnerA, { name: 'Taken over by B' }));
    expect(crafted.statusCode).toBe(403);
    expect((await findPartner(fixture.context.db, system, fixture.world.partnerA.id))?.name).toBe(fixture.world.partnerA.name);
  });

  it('refuses a stakeholder and a coordinator of another programme, and sends anonymous visitors to sign in', async () => {
    for (const role of ['stakeholderA', 'otherCoordinator'] as const) {
      const response = await (
        await fixture.browserFor(role)
      ).post(`/partners/${fixture.world.partnerA.id}`, partnerFormFields(fixture.world.partnerA, { name: `Changed by ${role}` }));
      expect(response.statusCode, role).toBe(403);
    }
    const anonymousResponse = await new TestBrowser(fixture.context.app).post(
      `/partners/${fixture.world.partnerA.id}`,
      partnerFormFields(fixture.world.partnerA, { name: 'Anonymous' }),
    );
    expect(anonymousResponse.statusCode).toBe(303);
    expect(anonymousResponse.headers.location).toBe('/sign-in');
    expect((await findPartner(fixture.context.db, system, fixture.world.partnerA.id))?.name).toBe(fixture.world.partnerA.name);
  });

  it('does not let an editor make their partner the lead partner by crafting the form', async () => {
    const browser = await fixture.browserFor('editorB');
    const page = readPage(await browser.post(`/partners/${fixture.world.partnerB.id}`, partnerFormFields(fixture.world.partnerB, { role: 'lead_partner' })));
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('link', { name: "Only the programme coordinator can change a partner's role" })).toBeTruthy();
    expect((await findPartner(fixture.context.db, system, fixture.world.partnerB.id))?.role).toBe('partner');
  });

  it('checks the NUTS code against the country', async () => {
    const browser = await fixture.browserFor('coordinator');
    const page = readPage(
      await browser.post(`/partners/${fixture.world.partnerB.id}`, partnerFormFields(fixture.world.partnerB, { countryCode: 'EE', nutsCode: 'ITC3' })),
    );
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('link', { name: /The NUTS code must start with the country's code/ }).getAttribute('href')).toBe('#field-nutsCode');
  });
});

describe('creating and deleting partners', () => {
  it('lets the coordinator add a partner, and refuses a second lead partner', async () => {
    const browser = await fixture.browserFor('coordinator');
    const fields = {
      name: 'Gävle Municipality',
      shortName: 'Gävle',
      countryCode: 'SE',
      nutsCode: 'se31',
      nutsName: 'Norra Mellansverige',
      role: 'partner',
      website: '',
      contactName: '',
      contactEmail: '',
    };
    const created = await browser.post(`/programmes/${fixture.world.programme.id}/partners`, fields);
    expect(created.statusCode).toBe(303);
    const page = await browser.page(String(created.headers.location));
    expect(page.screen.getByRole('status').textContent).toContain('Gävle Municipality has been added.');
    expect(page.mainText).toContain('NUTS SE31');

    const secondLead = readPage(
      await browser.post(`/programmes/${fixture.world.programme.id}/partners`, { ...fields, name: 'Another lead', role: 'lead_partner' }),
    );
    expect(secondLead.status).toBe(400);
    expect(secondLead.screen.getByRole('link', { name: /already has a lead partner/ })).toBeTruthy();
  });

  it('refuses editors who try to add partners', async () => {
    const browser = await fixture.browserFor('editorA');
    expect((await browser.get(`/programmes/${fixture.world.programme.id}/partners/new`)).statusCode).toBe(403);
  });

  it('deletes a partner after confirmation, but not one whose editors still have accounts', async () => {
    const browser = await fixture.browserFor('coordinator');
    const lonely = await aPartner(fixture.context.db, fixture.world.programme.id);
    const confirm = await browser.page(`/partners/${lonely.id}/delete`);
    expect(confirm.screen.getByRole('button', { name: 'Delete partner' })).toBeTruthy();
    expect((await browser.post(`/partners/${lonely.id}/delete`, {})).statusCode).toBe(303);
    expect(await findPartner(fixture.context.db, system, lonely.id)).toBeUndefined();

    const staffed = await aPartner(fixture.context.db, fixture.world.programme.id);
    await aUser(fixture.context.db, { role: 'editor', partnerId: staffed.id });
    const refused = readPage(await browser.post(`/partners/${staffed.id}/delete`, {}));
    expect(refused.status).toBe(409);
    expect(refused.mainText).toContain('cannot be deleted while people or records refer to it');
    expect(await findPartner(fixture.context.db, system, staffed.id)).toBeDefined();
  });
});

describe('the stakeholder group', () => {
  it('lets the editor add a business with its size class, and asks for the size when it is missing', async () => {
    const browser = await fixture.browserFor('editorA');
    const fields = { name: 'Liguria Robotics', countryCode: 'IT', helix: 'business', sizeClass: '', inRegion: 'yes', website: '' };
    const refused = readPage(await browser.post(`/partners/${fixture.world.partnerA.id}/organisations`, fields));
    expect(refused.status).toBe(400);
    expect(refused.screen.getByRole('link', { name: 'Choose the size of the business' }).getAttribute('href')).toBe('#field-sizeClass');
    expect(refused.screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Liguria Robotics');

    expect((await browser.post(`/partners/${fixture.world.partnerA.id}/organisations`, { ...fields, sizeClass: 'small' })).statusCode).toBe(303);
    const group = await findPartnerWithGroup(fixture.context.db, system, fixture.world.partnerA.id);
    expect(group?.organisations.find((organisation) => organisation.name === 'Liguria Robotics')).toMatchObject({
      helix: 'business',
      sizeClass: 'small',
      inRegion: true,
    });
  });

  it('drops a size class given to an organisation that is not a business', async () => {
    const browser = await fixture.browserFor('coordinator');
    await browser.post(`/partners/${fixture.world.partnerB.id}/organisations`, {
      name: 'Tartu Civic Lab',
      countryCode: 'EE',
      helix: 'civil_society',
      sizeClass: 'large',
      inRegion: 'yes',
      website: '',
    });
    const group = await findPartnerWithGroup(fixture.context.db, system, fixture.world.partnerB.id);
    expect(group?.organisations.find((organisation) => organisation.name === 'Tartu Civic Lab')?.sizeClass).toBeNull();
  });

  it('adds an organisation already known in the programme to a second group, outside that partner’s region', async () => {
    const browser = await fixture.browserFor('editorB');
    const shared = await anOrganisation(fixture.context.db, fixture.world.partnerA.id, { name: 'Shared Research Institute' });
    expect(
      (await browser.post(`/partners/${fixture.world.partnerB.id}/organisations/link`, { organisationId: String(shared.id), inRegion: 'no' })).statusCode,
    ).toBe(303);
    const again = readPage(
      await browser.post(`/partners/${fixture.world.partnerB.id}/organisations/link`, { organisationId: String(shared.id), inRegion: 'no' }),
    );
    expect(again.status).toBe(400);
    expect(again.screen.getByRole('link', { name: 'This organisation is already in the group' })).toBeTruthy();
    expect((await findOrganisation(fixture.context.db, shared.id))?.links).toEqual([
      { partnerId: fixture.world.partnerA.id, inRegion: true },
      { partnerId: fixture.world.partnerB.id, inRegion: false },
    ]);
  });

  it('refuses to edit, unlink or delete an organisation through another partner’s group', async () => {
    const browser = await fixture.browserFor('editorB');
    const url = `/partners/${fixture.world.partnerA.id}/organisations/${fixture.world.organisationA.id}`;
    expect((await browser.get(`${url}/edit`)).statusCode).toBe(403);
    expect((await browser.post(url, { name: 'Renamed by B', countryCode: 'IT', helix: 'research_education', inRegion: 'yes' })).statusCode).toBe(403);
    expect((await browser.post(`${url}/unlink`, {})).statusCode).toBe(403);
    expect((await browser.post(`${url}/delete`, {})).statusCode).toBe(403);
    expect((await findOrganisation(fixture.context.db, fixture.world.organisationA.id))?.name).toBe(fixture.world.organisationA.name);
  });

  it('removes an organisation from a group without deleting it, then deletes it', async () => {
    const browser = await fixture.browserFor('editorA');
    const organisation = await anOrganisation(fixture.context.db, fixture.world.partnerA.id);
    expect((await browser.post(`/partners/${fixture.world.partnerA.id}/organisations/${organisation.id}/unlink`, {})).statusCode).toBe(303);
    expect((await findOrganisation(fixture.context.db, organisation.id))?.links).toEqual([]);

    const other = await anOrganisation(fixture.context.db, fixture.world.partnerA.id);
    const edit = await browser.page(`/partners/${fixture.world.partnerA.id}/organisations/${other.id}/edit`);
    expect(edit.screen.getByRole('link', { name: 'Delete organisation' })).toBeTruthy();
    expect((await browser.post(`/partners/${fixture.world.partnerA.id}/organisations/${other.id}/delete`, {})).statusCode).toBe(303);
    expect(await findOrganisation(fixture.context.db, other.id)).toBeUndefined();
  });

  it('keeps an organisation while a stakeholder account belongs to it', async () => {
    const browser = await fixture.browserFor('coordinator');
    const page = readPage(await browser.post(`/partners/${fixture.world.partnerA.id}/organisations/${fixture.world.organisationA.id}/delete`, {}));
    expect(page.status).toBe(409);
    expect(page.mainText).toContain('cannot be deleted while stakeholder accounts belong to it');
    expect(await findOrganisation(fixture.context.db, fixture.world.organisationA.id)).toBeDefined();
  });
});
