/** My work (/me): what each role finds waiting, their drafts, the landing after sign-in and the empty states. */
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../core/testing/http.js';
import { aPlanActionForm, aPlanContextForm, aPractice, anEvent, aRegistrationForm } from '../../core/testing/records.js';
import { useWorld } from '../../core/testing/world.js';

const fixture = useWorld();

describe('My work', () => {
  it('sends an anonymous visitor to sign in, and lands a person there after signing in', async () => {
    const visitor = new TestBrowser(fixture.context.app);
    expect((await visitor.get('/me')).headers.location).toBe('/sign-in?next=%2Fme');
    expect((await visitor.page('/')).screen.queryByRole('link', { name: 'My work' })).toBeNull();
    const signedIn = await visitor.signIn(fixture.world.users.editorA.email, fixture.world.users.editorA.password);
    expect(signedIn.headers.location).toBe('/me');
    const page = await visitor.page('/me');
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('heading', { level: 1, name: /My work/ })).toBeTruthy();
    expect(page.screen.getByRole('link', { name: 'My work' }).getAttribute('aria-current')).toBe('page');
    // A page that asked for sign-in still gets the person back.
    const other = new TestBrowser(fixture.context.app);
    await other.get('/sign-in?next=%2Fplans');
    expect(
      (await other.post('/sign-in', { email: fixture.world.users.editorA.email, password: fixture.world.users.editorA.password, next: '/plans' })).headers
        .location,
    ).toBe('/plans');
  });

  it("lists the editor's proposals, returned practices, comments, check-ins and drafts, and nothing of another partner", async () => {
    const { db } = fixture.context;
    const { partnerA, partnerB } = fixture.world;
    await aPractice(db, partnerA.id, 'Draft of A <&> 🌍');
    await aPractice(db, partnerB.id, 'Draft of B');
    const proposed = await aPractice(db, partnerA.id, 'Proposal to A');
    const returned = await aPractice(db, partnerA.id, 'Returned to A');
    await aPractice(db, partnerB.id, 'Proposal to B').then((id) => db.updateTable('practices').set({ status: 'proposed' }).where('id', '=', id).execute());
    await db.updateTable('practices').set({ status: 'proposed' }).where('id', '=', proposed).execute();
    await db.updateTable('practices').set({ status: 'returned' }).where('id', '=', returned).execute();

    const editorA = await fixture.browserFor('editorA');
    const created = await editorA.post('/plans', { partnerId: String(partnerA.id) });
    const planId = Number(String(created.headers.location).split('/').pop());
    await editorA.post(`/plans/${planId}/context`, aPlanContextForm());
    await editorA.post(`/plans/${planId}/actions`, aPlanActionForm());
    expect(
      (await (await fixture.browserFor('editorB')).post(`/plans/${planId}/comments`, { target: 'part1', body: 'Name the managing authority.' })).statusCode,
    ).toBe(303);

    const eventId = await anEvent(db, partnerA.id, { title: 'Workshop at the door' });
    await new TestBrowser(fixture.context.app).post(`/events/${eventId}/registrations`, aRegistrationForm('door@example.org'));
    await db
      .updateTable('events')
      .set({ starts_at: new Date(Date.now() - 3_600_000), ends_at: new Date(Date.now() + 3_600_000), time_zone: 'UTC', registration_deadline: null })
      .where('id', '=', eventId)
      .execute();

    const page = await editorA.page('/me');
    const waiting = page.screen.getByRole('list', { name: /Waiting for me/ });
    expect(waiting.textContent).toContain('Proposal to decide');
    expect(waiting.querySelector(`a[href="/practices/${proposed}/proposal"]`)?.textContent).toBe('Proposal to A');
    expect(waiting.querySelector(`a[href="/practices/${returned}"]`)?.textContent).toBe('Returned to A');
    expect(waiting.textContent).toContain('Comments to answer');
    expect(waiting.textContent).toContain('1 new comment');
    expect(waiting.querySelector(`a[href="/events/${eventId}/attendance"]`)?.textContent).toBe('Workshop at the door');
    expect(waiting.textContent).toContain('1 person registered, 0 checked in');
    const drafts = page.screen.getByRole('list', { name: 'My drafts' });
    expect(drafts.textContent).toContain('Draft of A <&> 🌍');
    expect(drafts.querySelector(`a[href="/plans/${planId}"]`)).not.toBeNull();
    expect(page.mainText).not.toContain('Draft of B');
    expect(page.mainText).not.toContain('Proposal to B');
    expect(page.mainText).not.toContain('Practice to review');

    // Saving the plan answers the comments; the other partner's editor has none of this.
    await editorA.post(`/plans/${planId}/context`, aPlanContextForm({ instrumentBody: ['Managing authority'] }));
    expect((await editorA.page('/me')).mainText).not.toContain('Comments to answer');
    const editorB = await (await fixture.browserFor('editorB')).page('/me');
    expect(editorB.mainText).toContain('Proposal to B');
    expect(editorB.mainText).not.toContain('Proposal to A');
    expect(editorB.mainText).not.toContain('Workshop at the door');
  });

  it('lists practices and plans to review for the coordinator of the programme only', async () => {
    const { db } = fixture.context;
    const { partnerA, partnerB } = fixture.world;
    const submitted = await aPractice(db, partnerB.id, 'Submitted by B', { status: 'submitted' });
    await aPractice(db, partnerA.id, 'Published by A', { status: 'published' });
    const editorB = await fixture.browserFor('editorB');
    const created = await editorB.post('/plans', { partnerId: String(partnerB.id) });
    const planId = Number(String(created.headers.location).split('/').pop());
    await editorB.post(`/plans/${planId}/context`, aPlanContextForm());
    await editorB.post(`/plans/${planId}/actions`, aPlanActionForm());
    expect((await editorB.post(`/plans/${planId}/submission`, {})).statusCode).toBe(303);

    const page = await (await fixture.browserFor('coordinator')).page('/me');
    const waiting = page.screen.getByRole('list', { name: /Waiting for me/ });
    expect(waiting.querySelector(`a[href="/practices/${submitted}/review"]`)?.textContent).toBe('Submitted by B');
    expect(waiting.querySelector(`a[href="/plans/${planId}"]`)?.closest('li')?.textContent).toContain('Plan to review');
    // Published work waits for nobody (it may still show as recent activity).
    expect(waiting.textContent).not.toContain('Published by A');

    const other = await (await fixture.browserFor('otherCoordinator')).page('/me');
    expect(other.mainText).not.toContain('Submitted by B');
    expect(other.mainText).toContain('Nothing waits for you now');
  });

  it('shows a stakeholder an empty page that says where to start', async () => {
    const page = await (await fixture.browserFor('stakeholderA')).page('/me');
    expect(page.status).toBe(200);
    expect(page.mainText).toContain('Nothing waits for you. You can read');
    expect(page.screen.getByRole('link', { name: 'Good practice library' }).getAttribute('href')).toBe('/practices');
    expect(page.mainText).toContain('Drafts of practices, plans, instruments and events appear here for partner staff.');
  });

  it('speaks the reader’s language', async () => {
    const browser = await fixture.browserFor('editorA');
    await browser.get('/language/it?next=%2Fme');
    const page = readPage(await browser.get('/me'));
    expect(page.document.documentElement.lang).toBe('it');
    expect(page.screen.getByRole('heading', { level: 1, name: /Il mio lavoro/ })).toBeTruthy();
  });
});
