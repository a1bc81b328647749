/** Signing in and out, throttling, password reset by email, invitations and the account page, through HTTP. */
import { describe, expect, it } from 'vitest';
import { listOutbox } from '../../../core/mail/outbox.js';
import { loadConfig } from '../../../core/config/config.js';
import { aProgramme, aUser, testPassword } from '../../../core/testing/factories.js';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { useTestApp } from '../../../core/testing/world.js';

const context = useTestApp();

async function latestEmailTo(address: string) {
  const { emails } = await listOutbox(context.db, 1);
  const email = emails.find((candidate) => candidate.to === address);
  if (!email) throw new Error(`No email to ${address}`);
  return email;
}

describe('signing in', () => {
  it('signs a user in, shows their name in the header and sends them where they were going', async () => {
    const user = await aUser(context.db, { role: 'admin' });
    const browser = new TestBrowser(context.app);
    const response = await browser.post('/sign-in', { email: user.email, password: user.password, next: '/admin/users' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/users');
    const cookie = (response.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[]).find((candidate) => candidate.name === 'better_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const page = await browser.page('/');
    expect(page.screen.getByRole('link', { name: user.actor.displayName })).toBeTruthy();
  });

  it('accepts the email address in any letter case', async () => {
    const user = await aUser(context.db, { role: 'admin', email: 'Mixed.Case@Example.org' });
    expect((await new TestBrowser(context.app).post('/sign-in', { email: 'mixed.case@example.ORG', password: user.password })).statusCode).toBe(303);
  });

  it('refuses a wrong password with one message that does not reveal whether the account exists', async () => {
    const user = await aUser(context.db, { role: 'admin' });
    const wrongPassword = readPage(await new TestBrowser(context.app).post('/sign-in', { email: user.email, password: 'not the password' }));
    const noAccount = readPage(await new TestBrowser(context.app).post('/sign-in', { email: 'nobody@example.org', password: 'whatever it is' }));
    for (const page of [wrongPassword, noAccount]) {
      expect(page.status).toBe(400);
      expect(page.title).toBe('Error: Sign in – BETTER');
      expect(page.screen.getByRole('link', { name: 'Enter a correct email address and password' }).getAttribute('href')).toBe('#field-email');
      expect(page.screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
    }
    expect(wrongPassword.screen.getByLabelText<HTMLInputElement>('Email address').value).toBe(user.email);
  });

  it('lists every missing field', async () => {
    const page = readPage(await new TestBrowser(context.app).post('/sign-in', { email: '', password: '' }));
    expect(page.status).toBe(400);
    expect(page.screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(
      expect.arrayContaining(['Enter your email address', 'Enter your password']),
    );
  });

  it('makes a browser wait after five wrong passwords, saying when to try again and keeping the email typed', async () => {
    const user = await aUser(context.db, { role: 'admin' });
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await new TestBrowser(context.app).post('/sign-in', { email: user.email, password: `wrong ${attempt}` })).statusCode).toBe(400);
    const page = readPage(await new TestBrowser(context.app).post('/sign-in', { email: user.email, password: user.password }));
    expect(page.status).toBe(429);
    expect(Number(page.response.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(page.response.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(
      page.screen.getByRole('link', { name: 'Too many unsuccessful attempts from here. Try again in 1 minute, or reset your password' }).getAttribute('href'),
    ).toBe('#field-email');
    expect(page.screen.getByLabelText<HTMLInputElement>('Email address').value).toBe(user.email);
  });

  describe('behind one trusted proxy (TRUST_PROXY=1)', () => {
    const proxied = useTestApp({ trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy });
    // The proxy appends the address it saw to whatever X-Forwarded-For the client sent.
    const through = (client: string, forged = '') => new TestBrowser(proxied.app, { 'x-forwarded-for': forged ? `${forged}, ${client}` : client });

    it('counts a guesser at its real address however it rotates X-Forwarded-For', async () => {
      const user = await aUser(proxied.db, { role: 'admin' });
      for (let attempt = 0; attempt < 30; attempt += 1) {
        await through('203.0.113.9', `10.9.${attempt}.1`).post('/sign-in', { email: `guess${attempt}@example.org`, password: 'guess guess' });
      }
      expect((await through('203.0.113.9', '10.9.99.1').post('/sign-in', { email: user.email, password: user.password })).statusCode).toBe(429);
      expect((await through('198.51.100.7').post('/sign-in', { email: user.email, password: user.password })).statusCode).toBe(303);
    });

    it('never keeps the owner’s own browser waiting, whatever is tried on the account from elsewhere', async () => {
      const user = await aUser(proxied.db, { role: 'admin' });
      const owners = through('198.51.100.8');
      await owners.signIn(user.email, user.password);
      expect(owners.cookies.has('better_device')).toBe(true);
      expect((await owners.post('/sign-out', {})).statusCode).toBe(303);
      for (let bot = 0; bot < 20; bot += 1) await through(`192.0.2.${bot + 1}`).post('/sign-in', { email: user.email, password: `bot guess ${bot}` });
      expect((await through('198.51.100.9').post('/sign-in', { email: user.email, password: user.password })).statusCode).toBe(429);
      const copied = through('198.51.100.9');
      copied.cookies.set('better_device', `${owners.cookies.get('better_device') ?? ''}x`);
      expect((await copied.post('/sign-in', { email: user.email, password: user.password })).statusCode).toBe(429);
      expect((await owners.post('/sign-in', { email: user.email, password: user.password })).statusCode).toBe(303);
    });
  });

  it('tells a deactivated person their account is deactivated, only once the password is right', async () => {
    const admin = await aUser(context.db, { role: 'admin' });
    const user = await aUser(context.db, { role: 'admin' });
    const adminBrowser = new TestBrowser(context.app);
    await adminBrowser.signIn(admin.email, admin.password);
    expect((await adminBrowser.post(`/admin/users/${user.id}/deactivate`, {})).statusCode).toBe(303);
    const page = readPage(await new TestBrowser(context.app).post('/sign-in', { email: user.email, password: user.password }));
    expect(page.status).toBe(400);
    expect(page.mainText).toContain('This account has been deactivated');
  });
});

describe('signing out', () => {
  it('ends the session on the server, so the old cookie no longer works', async () => {
    const user = await aUser(context.db, { role: 'admin' });
    const browser = new TestBrowser(context.app);
    await browser.signIn(user.email, user.password);
    const stolenCookie = browser.cookies.get('better_session') ?? '';
    const response = await browser.post('/sign-out', {});
    expect(response.statusCode).toBe(303);
    expect(browser.cookies.has('better_session')).toBe(false);
    const replay = await context.app.inject({ method: 'GET', url: '/account', headers: { cookie: `better_session=${stolenCookie}` } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe('/sign-in?next=%2Faccount');
  });
});

describe('resetting a forgotten password', () => {
  it('emails a link that sets a new password once, ends old sessions and keeps the old password out', async () => {
    const user = await aUser(context.db, { role: 'admin', locale: 'it' });
    const oldSession = new TestBrowser(context.app);
    await oldSession.signIn(user.email, user.password);

    const requested = readPage(await new TestBrowser(context.app).post('/password-reset', { email: user.email }));
    expect(requested.screen.getByRole('heading', { level: 1 }).textContent).toBe('Check your email');

    const email = await latestEmailTo(user.email);
    expect(email.subject).toBe('Reimposta la password di BETTER');
    const link = /http:\/\/better\.test(\/password-reset\/[A-Za-z0-9_-]{43})/.exec(email.bodyText)?.[1];
    expect(link).toBeDefined();

    const browser = new TestBrowser(context.app);
    const form = await browser.page(link as string);
    expect(form.screen.getByRole('heading', { level: 1 }).textContent).toBe('Choose a new password');
    const mismatch = readPage(await browser.post(link as string, { password: 'a brand new passphrase', confirmation: 'something else entirely' }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.screen.getByRole('link', { name: 'The two passwords are not the same' })).toBeTruthy();

    const done = await browser.post(link as string, { password: 'a brand new passphrase', confirmation: 'a brand new passphrase' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/sign-in');
    expect(browser.cookies.has('better_device')).toBe(true);

    expect((await browser.get(link as string)).statusCode).toBe(410);
    expect((await oldSession.get('/account')).statusCode).toBe(303);
    expect((await new TestBrowser(context.app).post('/sign-in', { email: user.email, password: testPassword })).statusCode).toBe(400);
    expect((await new TestBrowser(context.app).post('/sign-in', { email: user.email, password: 'a brand new passphrase' })).statusCode).toBe(303);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = (await listOutbox(context.db, 1)).total;
    const page = readPage(await new TestBrowser(context.app).post('/password-reset', { email: 'nobody-here@example.org' }));
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('Check your email');
    expect((await listOutbox(context.db, 1)).total).toBe(before);
  });

  it('refuses a password shorter than 12 characters', async () => {
    const user = await aUser(context.db, { role: 'admin' });
    await new TestBrowser(context.app).post('/password-reset', { email: user.email });
    const link = /(\/password-reset\/[A-Za-z0-9_-]{43})/.exec((await latestEmailTo(user.email)).bodyText)?.[1] as string;
    const page = readPage(await new TestBrowser(context.app).post(link, { password: 'short', confirmation: 'short' }));
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('link', { name: 'Enter a password of at least 12 characters' })).toBeTruthy();
  });

  it('shows an expired-link page for a link that never existed', async () => {
    const page = await new TestBrowser(context.app).page(`/password-reset/${'x'.repeat(43)}`);
    expect(page.status).toBe(410);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('This link has expired or was already used');
  });
});

describe('accepting an invitation', () => {
  it('lets the invited person choose a password and signs them in', async () => {
    const admin = await aUser(context.db, { role: 'admin' });
    const programme = await aProgramme(context.db);
    const adminBrowser = new TestBrowser(context.app);
    await adminBrowser.signIn(admin.email, admin.password);
    const invited = await adminBrowser.post('/admin/users', {
      email: 'new.coordinator@example.org',
      displayName: 'Nora New',
      locale: 'en',
      role: 'coordinator',
      programmeId: String(programme.id),
    });
    expect(invited.statusCode).toBe(303);

    const email = await latestEmailTo('new.coordinator@example.org');
    expect(email.subject).toBe('You are invited to BETTER');
    const link = /(\/invitations\/[A-Za-z0-9_-]{43})/.exec(email.bodyText)?.[1] as string;

    const browser = new TestBrowser(context.app);
    const form = await browser.page(link);
    expect(form.mainText).toContain('Welcome, Nora New');
    const accepted = await browser.post(link, { password: 'my own long passphrase', confirmation: 'my own long passphrase' });
    expect(accepted.statusCode).toBe(303);
    const account = await browser.page('/account');
    expect(account.mainText).toContain(`Coordinator of ${programme.acronym}`);
    expect((await new TestBrowser(context.app).get(link)).statusCode).toBe(410);
  });
});

describe('the account page', () => {
  it('changes the name and the language of emails, and refuses an empty name', async () => {
    const user = await aUser(context.db, { role: 'admin' });
    const browser = new TestBrowser(context.app);
    await browser.signIn(user.email, user.password);
    const refused = readPage(await browser.post('/account', { displayName: '  ', locale: 'hu' }));
    expect(refused.status).toBe(400);
    expect(refused.screen.getByRole('link', { name: 'Enter your name' })).toBeTruthy();
    expect((await browser.post('/account', { displayName: 'Renamed Person', locale: 'hu' })).statusCode).toBe(303);
    const page = await browser.page('/account');
    expect(page.screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Renamed Person');
    expect(page.screen.getByLabelText<HTMLSelectElement>('Language of emails').value).toBe('hu');
  });

  it('changes the password only with the current one, keeping this session and ending the others', async () => {
    const user = await aUser(context.db, { role: 'admin' });
    const here = new TestBrowser(context.app);
    const elsewhere = new TestBrowser(context.app);
    await here.signIn(user.email, user.password);
    await elsewhere.signIn(user.email, user.password);
    const wrong = readPage(
      await here.post('/account/password', {
        currentPassword: 'not my password',
        password: 'another long passphrase',
        confirmation: 'another long passphrase',
      }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.screen.getByRole('link', { name: 'Your current password is not correct' })).toBeTruthy();
    expect(
      (await here.post('/account/password', { currentPassword: user.password, password: 'another long passphrase', confirmation: 'another long passphrase' }))
        .statusCode,
    ).toBe(303);
    expect((await here.get('/account')).statusCode).toBe(200);
    expect((await elsewhere.get('/account')).statusCode).toBe(303);
  });

  it('downloads everything held about the person as JSON, the emails sent to them included, without the password', async () => {
    const user = await aUser(context.db, { role: 'admin', locale: 'it' });
    const browser = new TestBrowser(context.app);
    await browser.post('/password-reset', { email: user.email });
    await browser.signIn(user.email, user.password);
    const response = await browser.get('/account/data.json');
    expect(response.headers['content-disposition']).toContain('attachment');
    const data = response.json<{
      account: { email: string };
      activity: { action: string }[];
      emails: { kind: string; subject: string; body: string; status: string; queuedAt: string; sentAt: string | null }[];
    }>();
    expect(data.account.email).toBe(user.email);
    expect(data.activity.map((entry) => entry.action)).toContain('account.sign_in');
    expect(data.emails.map((email) => [email.kind, email.subject, email.status, email.sentAt])).toEqual([
      ['password_reset', 'Reimposta la password di BETTER', 'queued', null],
    ]);
    // The download is a file people keep and pass on: the reset link is there, its secret is not.
    expect(data.emails[0]?.body).toContain('/password-reset/[private]');
    expect(data.emails[0]?.body).not.toMatch(/\/password-reset\/[A-Za-z0-9_-]{43}/);
    expect(response.body).not.toContain('$argon2');
  });

  it('sends anonymous visitors to sign in first, and back afterwards', async () => {
    const response = await new TestBrowser(context.app).get('/account');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Faccount');
  });
});
