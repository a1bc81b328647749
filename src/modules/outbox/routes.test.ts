/** The admin outbox: where emails wait when no mail server is configured. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../core/testing/app.js';
import { aWorld } from '../../core/testing/factories.js';
import { TestBrowser } from '../../core/testing/http.js';

let context: TestApp;
let world: Awaited<ReturnType<typeof aWorld>>;

beforeAll(async () => {
  context = await createTestApp();
  world = await aWorld(context.db);
});
afterAll(async () => context.close());

describe('the outbox', () => {
  it('shows an administrator the emails not sent for lack of a mail server, with their text', async () => {
    await new TestBrowser(context.app).post('/password-reset', { email: world.users.editorA.email });
    const admin = new TestBrowser(context.app);
    await admin.signIn(world.users.admin.email, world.users.admin.password);
    const page = await admin.page('/admin/outbox');
    expect(page.mainText).toContain('No mail server is configured');
    const entry = page.screen.getByRole('heading', { name: 'Reset your BETTER password' }).closest('li') as HTMLElement;
    expect(entry.textContent).toContain(world.users.editorA.email);
    expect(entry.textContent).toContain('Not sent yet');
    expect(entry.querySelector('pre')?.textContent).toMatch(/http:\/\/better\.test\/password-reset\/[A-Za-z0-9_-]{43}/);
  });

  it('is closed to everyone else, since emails carry reset links', async () => {
    const browser = new TestBrowser(context.app);
    await browser.signIn(world.users.coordinator.email, world.users.coordinator.password);
    expect((await browser.get('/admin/outbox')).statusCode).toBe(403);
  });
});
