/**
 * Journeys through the real pages in Chromium: reading the public portal, switching language, signing in,
 * correcting a form with errors (with and without JavaScript), and an administrator inviting a new user who
 * then sets up their account. axe-core checks every page visited.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, useBrowserSession, visit } from './support.js';

const session = useBrowserSession();

describe('a citizen reading the public portal', () => {
  it('finds the programme, the partners and a stakeholder group, with every page accessible', async () => {
    const page = await session.openPage();
    await visit(page, '/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('BETTER');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Tartu City Government' }).click();
    await expectAccessible(page);
    expect(await page.getByRole('table', { name: 'Stakeholder organisations of Tartu' }).textContent()).toContain('University of Tartu');
    await visit(page, '/accessibility');
    await visit(page, '/privacy');
    await visit(page, '/programmes');
    await visit(page, '/no-such-page');
    await page.context().close();
  });

  it('can skip to the main content with the keyboard, and sees where the focus is', async () => {
    const page = await session.openPage();
    await visit(page, '/partners');
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    await expect.poll(() => skipLink.evaluate((element) => element === document.activeElement)).toBe(true);
    const outline = await skipLink.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(outline).not.toBe('rgba(0, 0, 0, 0)');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('reads every page on a 320-pixel-wide screen without scrolling sideways', async () => {
    const page = await session.openPage({ viewport: { width: 320, height: 640 } });
    for (const path of ['/', '/partners', '/sign-in']) {
      await visit(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });
});

describe('switching language', () => {
  it('switches the whole interface to Italian and back, staying on the same page', async () => {
    const page = await session.openPage();
    await visit(page, '/partners');
    await page.getByRole('link', { name: 'Italiano' }).click();
    await page.waitForURL('**/partners');
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Partner');
    await expectAccessible(page);
    for (const [name, lang] of [
      ['Eesti', 'et'],
      ['Magyar', 'hu'],
      ['Svenska', 'sv'],
    ] as const) {
      await page.getByRole('link', { name }).click();
      await page.waitForFunction((expected) => document.documentElement.lang === expected, lang);
      await expectAccessible(page);
    }
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.context().close();
  });
});

describe('an editor correcting a form', () => {
  it('sees every error summarised and next to its field, fixes them and saves', async () => {
    const page = await session.openPage();
    await signIn(page, 'editor.tartu@better.example');
    // Eero's account is in Estonian: signing in on a browser with no language chosen yet switches to it.
    expect(await page.locator('html').getAttribute('lang')).toBe('et');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
    await page.getByRole('link', { name: 'Tartu City Government' }).click();
    await page.getByRole('link', { name: 'Add a new organisation' }).click();
    await expectAccessible(page);

    await page.getByLabel('Name').fill('Tartu Open Data Cooperative');
    await page.getByLabel('Business').check();
    await page.getByRole('button', { name: 'Add organisation' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Choose the size of the business',
      "Say whether the organisation is located in the partner's region",
    ]);
    await expectAccessible(page);
    expect(await page.getByLabel('Name').inputValue()).toBe('Tartu Open Data Cooperative');

    await summary.getByRole('link', { name: 'Choose the size of the business' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('sizeClass');
    await page.getByLabel('Micro enterprise (fewer than 10 people)').check();
    await page
      .getByRole('group', { name: /located in/ })
      .getByLabel('Yes')
      .check();
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await page.waitForURL('**/partners/*');
    expect(await page.getByRole('status').textContent()).toContain('Tartu Open Data Cooperative is now in the stakeholder group.');
    await expectAccessible(page);
    await page.context().close();
  });

  // axe-core runs as a script, so it cannot check these pages; they are the same server-rendered HTML checked above.
  it('works the same with JavaScript turned off', async () => {
    const page = await session.openPage({ javaScriptEnabled: false });
    await page.goto('/language/en?next=%2Fsign-in');
    await signIn(page, 'editor.gavle@better.example', { checkAccessibility: false });
    await page.goto('/account');
    await page.getByLabel('Name').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Enter your name');
    await page.getByLabel('Name').fill('Greta Gävle');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Your account has been saved.');
    await page.context().close();
  });
});

describe('an administrator inviting a new user', () => {
  it('invites an editor, who opens the emailed link, chooses a password and is signed in', async () => {
    const admin = await session.openPage();
    await signIn(admin, 'admin@better.example');
    await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' }).click();
    await expectAccessible(admin);
    await admin.getByRole('link', { name: 'Invite a user' }).click();
    await expectAccessible(admin);

    await admin.getByRole('button', { name: 'Send invitation' }).click();
    expect(await admin.getByRole('alert').getByRole('link').allTextContents()).toEqual([
      "Enter the person's email address",
      "Enter the person's name",
      'Choose a role',
    ]);
    await expectAccessible(admin);

    await admin.getByLabel('Email address').fill('new.editor@example.org');
    await admin.getByLabel('Name', { exact: true }).fill('Nils Newcomer');
    await admin.getByRole('combobox', { name: 'Language' }).selectOption('sv');
    await admin.getByLabel(/^Editor/).check();
    await admin.getByLabel('Partner (for an editor)').selectOption({ label: 'Gävle Municipality' });
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    expect(await admin.getByRole('status').textContent()).toContain('An invitation has been sent to new.editor@example.org.');
    await expectAccessible(admin);

    await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Email outbox' }).click();
    await expectAccessible(admin);
    const body = await admin.locator('.audit-entry').filter({ hasText: 'new.editor@example.org' }).first().locator('pre').textContent();
    const link = /http:\/\/better\.test(\/invitations\/[A-Za-z0-9_-]{43})/.exec(body ?? '')?.[1];
    expect(link).toBeDefined();
    await visit(admin, '/admin/audit');
    await admin.context().close();

    const invitee = await session.openPage();
    await visit(invitee, link as string);
    await invitee.getByLabel('New password', { exact: true }).fill('a long and private passphrase');
    await invitee.getByLabel('Type the new password again').fill('a long and private passphrase');
    await invitee.getByRole('button', { name: 'Create account' }).click();
    await invitee.waitForURL((url) => url.pathname === '/');
    expect(await invitee.getByRole('link', { name: 'Nils Newcomer' }).count()).toBe(1);
    // Nils was invited in Swedish, so the interface follows his account's language until he picks another.
    expect(await invitee.locator('html').getAttribute('lang')).toBe('sv');
    await expectAccessible(invitee);
    await invitee.getByRole('link', { name: 'English' }).click();
    await visit(invitee, '/account');
    expect(await invitee.getByText('Editor for Gävle Municipality (BETTER)').count()).toBe(1);
    await invitee.getByRole('button', { name: 'Sign out' }).click();
    expect(await invitee.getByRole('status').textContent()).toContain('You have signed out.');
    await invitee.context().close();
  });
});
