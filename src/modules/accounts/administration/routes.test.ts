/** User administration through HTTP: inviting, roles, deactivation, erasure, and who may do it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../core/audit/queries.js';
import { listOutbox } from '../../../core/mail/outbox.js';
import { createTestApp } from '../../../core/testing/app.js';
import { aUser } from '../../../core/testing/factories.js';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';

const fixture = useWorld();
let admin: TestBrowser;

beforeAll(async () => {
  admin = await fixture.browserFor('admin');
});

const noFilter = { entityType: null, entityId: null, actorUserId: null, action: null, from: null, to: null };

describe('who may manage users', () => {
  for (const role of ['coordinator', 'editorA', 'stakeholderA', 'plainUser'] as const) {
    it(`refuses the ${role} with 403 on every administration page and form`, async () => {
      const browser = await fixture.browserFor(role);
      expect((await browser.get('/admin/users')).statusCode).toBe(403);
      expect((await browser.get(`/admin/users/${fixture.world.users.editorB.id}`)).statusCode).toBe(403);
      const invite = await browser.post('/admin/users', { email: 'sneaky@example.org', displayName: 'Sneaky', locale: 'en', role: 'admin' });
      expect(invite.statusCode).toBe(403);
      expect((await browser.post(`/admin/users/${fixture.world.users.editorB.id}/deactivate`, {})).statusCode).toBe(403);
      const users = await fixture.context.db.selectFrom('users').select('email').where('email', '=', 'sneaky@example.org').execute();
      expect(users).toEqual([]);
    });
  }

  it('hides the administration links from people who cannot use them', async () => {
    const browser = await fixture.browserFor('editorA');
    const page = await browser.page('/');
    expect(page.screen.queryByRole('navigation', { name: 'Administration' })).toBeNull();
    const adminPage = await admin.page('/');
    const links = adminPage.screen.getByRole('navigation', { name: 'Administration' }).querySelectorAll('a');
    expect([...links].map((link) => link.textContent)).toEqual(['Users', 'Themes', 'Participant data', 'Audit log', 'Email outbox']);
  });
});

describe('inviting a user', () => {
  it('re-shows the form with every problem listed and the input kept, and creates nobody', async () => {
    const page = readPage(await admin.post('/admin/users', { email: 'not-an-email', displayName: '', locale: 'en', role: 'editor', partnerId: '' }));
    expect(page.status).toBe(400);
    expect(page.title.startsWith('Error:')).toBe(true);
    const links = page.screen.getByRole('alert').querySelectorAll('a');
    expect([...links].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Enter an email address in the correct format, like name@example.org', '#field-email'],
      ["Enter the person's name", '#field-displayName'],
      ['Choose the partner whose records the editor keeps', '#field-partnerId'],
    ]);
    expect(page.screen.getByLabelText<HTMLInputElement>('Email address').value).toBe('not-an-email');
    expect(page.screen.getByText("Enter the person's name", { selector: 'p.field-error' })).toBeTruthy();
    expect(await fixture.context.db.selectFrom('users').select('id').where('email', '=', 'not-an-email').execute()).toEqual([]);
  });

  it('refuses an address that already has an account', async () => {
    const page = readPage(
      await admin.post('/admin/users', { email: fixture.world.users.editorA.email.toUpperCase(), displayName: 'Twin', locale: 'en', role: 'admin' }),
    );
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('link', { name: 'An account with this email address already exists' })).toBeTruthy();
  });

  it('creates an invited editor of the chosen partner and queues the invitation in their language', async () => {
    const response = await admin.post('/admin/users', {
      email: 'invitee@example.org',
      displayName: 'Ilona Invitee',
      locale: 'hu',
      role: 'editor',
      partnerId: String(fixture.world.partnerB.id),
    });
    expect(response.statusCode).toBe(303);
    const page = await admin.page(String(response.headers.location));
    expect(page.mainText).toContain('Invited');
    expect(page.mainText).toContain(`Editor for ${fixture.world.partnerB.name}`);
    const { emails } = await listOutbox(fixture.context.db, 1);
    const invitation = emails.find((email) => email.to === 'invitee@example.org');
    expect(invitation?.kind).toBe('invitation');
    expect(invitation?.subject).toBe('Meghívó a BETTER platformra');
  });
});

describe('roles', () => {
  it('gives and removes a programme role, each change in the audit log', async () => {
    const user = await aUser(fixture.context.db, { role: 'none' });
    const given = await admin.post(`/admin/users/${user.id}/memberships`, { role: 'stakeholder', organisationId: String(fixture.world.organisationB.id) });
    expect(given.statusCode).toBe(303);
    const page = await admin.page(`/admin/users/${user.id}`);
    expect(page.mainText).toContain(`Stakeholder from ${fixture.world.organisationB.name}`);
    const removeLink = page.screen.getByRole('link', { name: /Remove role/ }).getAttribute('href') as string;
    const confirm = await admin.page(removeLink);
    expect(confirm.screen.getByRole('heading', { level: 1 }).textContent).toContain('Remove this role');
    expect((await admin.post(removeLink, {})).statusCode).toBe(303);
    expect((await admin.page(`/admin/users/${user.id}`)).mainText).toContain('No programme roles yet.');
    const events = await listAuditEvents(fixture.context.db, { ...noFilter, entityType: 'membership' }, 10, null);
    expect(events.map((event) => event.action).slice(0, 2)).toEqual(['user.membership.delete', 'user.membership.create']);
  });

  it('asks for the organisation when the stakeholder role is chosen without one', async () => {
    const user = await aUser(fixture.context.db, { role: 'none' });
    const page = readPage(await admin.post(`/admin/users/${user.id}/memberships`, { role: 'stakeholder', organisationId: '' }));
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('link', { name: "Choose the stakeholder's organisation" }).getAttribute('href')).toBe('#field-organisationId');
  });

  it('refuses an organisation id that does not exist, as a crafted request would send', async () => {
    const user = await aUser(fixture.context.db, { role: 'none' });
    const page = readPage(await admin.post(`/admin/users/${user.id}/memberships`, { role: 'stakeholder', organisationId: '987654' }));
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('link', { name: 'Choose one from the list' })).toBeTruthy();
  });
});

describe('deactivating and erasing', () => {
  it('deactivation signs the person out everywhere; reactivation lets them back in', async () => {
    const user = await aUser(fixture.context.db, { role: 'admin' });
    const theirBrowser = new TestBrowser(fixture.context.app);
    await theirBrowser.signIn(user.email, user.password);
    const confirm = await admin.page(`/admin/users/${user.id}/deactivate`);
    expect(confirm.screen.getByRole('button', { name: 'Deactivate account' })).toBeTruthy();
    expect((await admin.post(`/admin/users/${user.id}/deactivate`, {})).statusCode).toBe(303);
    expect((await theirBrowser.get('/account')).statusCode).toBe(303);
    expect((await admin.post(`/admin/users/${user.id}/reactivate`, {})).statusCode).toBe(303);
    expect((await new TestBrowser(fixture.context.app).post('/sign-in', { email: user.email, password: user.password })).statusCode).toBe(303);
  });

  it('never deactivates one’s own account', async () => {
    const page = readPage(await admin.post(`/admin/users/${fixture.world.users.admin.id}/deactivate`, {}));
    expect(page.status).toBe(409);
    expect(page.mainText).toContain('You cannot do this to your own account');
  });

  it('keeps at least one active administrator', async () => {
    const lone = await createTestApp();
    const first = await aUser(lone.db, { role: 'admin' });
    const browser = new TestBrowser(lone.app);
    await browser.signIn(first.email, first.password);
    const page = readPage(await browser.post(`/admin/users/${first.id}`, { displayName: 'Only Admin', locale: 'en' }));
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('link', { name: 'The platform must keep at least one active administrator' })).toBeTruthy();
    await lone.close();
  });

  it('erases a deactivated person’s name and email everywhere, the audit log included', async () => {
    const user = await aUser(fixture.context.db, { role: 'editor', partnerId: fixture.world.partnerA.id, email: 'to.be.erased@example.org' });
    const theirBrowser = new TestBrowser(fixture.context.app);
    await theirBrowser.signIn(user.email, user.password);
    expect((await admin.post(`/admin/users/${user.id}/erase`, {})).statusCode).toBe(409);
    await admin.post(`/admin/users/${user.id}/deactivate`, {});
    expect((await admin.post(`/admin/users/${user.id}/erase`, {})).statusCode).toBe(303);

    const page = await admin.page(`/admin/users/${user.id}`);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe(`Erased user ${user.id}`);
    const events = await listAuditEvents(fixture.context.db, noFilter, 500, null);
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain('to.be.erased@example.org');
    expect(serialized).not.toContain(user.actor.displayName);
    expect(events.some((event) => event.actorUserId === user.id && event.action === 'account.sign_in')).toBe(true);
  });
});
