/** The admin outbox: where emails wait when no mail server is configured. */
import { describe, expect, it } from 'vitest';
import { TestBrowser } from '../../core/testing/http.js';
import { useWorld } from '../../core/testing/world.js';

const fixture = useWorld();

describe('the outbox', () => {
  it('shows an administrator the emails not sent for lack of a mail server, with their text', async () => {
    await new TestBrowser(fixture.context.app).post('/password-reset', { email: fixture.world.users.editorA.email });
    const admin = await fixture.browserFor('admin');
    const page = await admin.page('/admin/outbox');
    expect(page.mainText).toContain('No mail server is configured');
    const entry = page.screen.getByRole('heading', { name: 'Reset your BETTER password' }).closest('li') as HTMLElement;
    expect(entry.textContent).toContain(fixture.world.users.editorA.email);
    expect(entry.textContent).toContain('Not sent yet');
    expect(entry.querySelector('pre')?.textContent).toMatch(/http:\/\/better\.test\/password-reset\/[A-Za-z0-9_-]{43}/);
  });

  it('is closed to everyone else, since emails carry reset links', async () => {
    const browser = await fixture.browserFor('coordinator');
    expect((await browser.get('/admin/outbox')).statusCode).toBe(403);
  });
});
