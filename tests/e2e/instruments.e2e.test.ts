/**
 * eGovernment instruments in Chromium: Tartu's editor records an instrument (first with a problem), moves it to
 * pilot, adds a supplier and an impact measurement. The public catalogue, a demo instrument with its charts and the
 * programme view are checked by axe too, and the catalogue's search works without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, useBrowserSession, visit } from './support.js';

const session = useBrowserSession();

describe('an eGovernment instrument from idea to measured pilot', () => {
  it('records an instrument, moves it to pilot, adds a supplier and a measurement', async () => {
    const editor = await session.openPage();
    await signIn(editor, 'editor.tartu@better.example');
    await editor.getByRole('link', { name: 'English' }).click();
    await editor.waitForFunction(() => document.documentElement.lang === 'en');

    await visit(editor, '/instruments');
    await editor.getByRole('link', { name: 'Record an instrument' }).click();
    await expectAccessible(editor);
    await editor.getByLabel('Partner (competent authority)').selectOption({ label: 'Tartu City Government' });
    await editor.getByLabel('Name', { exact: true }).fill('Parking permits online');
    await editor.getByLabel('Description', { exact: true }).fill('Residents apply for and renew parking permits online.');
    await editor.getByLabel('Kind of instrument').selectOption({ label: 'Online service' });
    await editor.getByRole('group', { name: 'Channels' }).getByRole('checkbox', { name: 'Web' }).check();
    await editor.getByRole('group', { name: 'Is it free for its users?' }).getByRole('radio', { name: 'Yes, free' }).check();
    await editor.getByLabel('Stage today').selectOption({ label: 'Design' });
    await editor.getByLabel('Since').fill('2023-01-10');
    await editor.getByRole('button', { name: 'Record the instrument' }).click();
    expect(await editor.getByRole('alert').textContent()).toContain('Enter at least one public service the instrument delivers');
    await expectAccessible(editor);
    await editor.getByLabel('Service 1: name').fill('Applying for a parking permit');
    await editor.getByLabel('Publish in the public catalogue').check();
    await editor.getByRole('button', { name: 'Record the instrument' }).click();
    expect(await editor.getByRole('status').first().textContent()).toContain('The instrument has been recorded.');
    await expectAccessible(editor);
    const instrumentUrl = new URL(editor.url()).pathname;

    await editor.getByRole('link', { name: 'Change the stage' }).click();
    await expectAccessible(editor);
    await editor.getByRole('group', { name: 'New stage' }).getByRole('radio', { name: 'Pilot' }).check();
    await editor.getByLabel('Date').fill('2023-03-01');
    await editor.getByLabel('Evidence').fill('Pilot in the Annelinn district, decision 3/2023.');
    await editor.getByRole('button', { name: 'Record the stage' }).click();
    expect(await editor.getByRole('status').first().textContent()).toContain('The stage has been recorded.');

    await editor.getByRole('link', { name: 'Add an organisation' }).click();
    await editor.getByLabel('Organisation').selectOption({ label: 'Tartu Mobility Lab' });
    await editor.getByRole('group', { name: 'Role' }).getByRole('radio', { name: 'Supplier' }).check();
    await editor.getByRole('group', { name: 'Based in the region?' }).getByRole('radio', { name: 'Yes' }).check();
    await editor.getByLabel('Contract value (EUR)').fill('45 000');
    await editor.getByRole('group', { name: 'How it was procured' }).getByRole('radio', { name: 'Open challenge' }).check();
    await expectAccessible(editor);
    await editor.getByRole('button', { name: 'Add the organisation' }).click();
    expect(await editor.getByRole('status').first().textContent()).toContain('The organisation has been added to the chain.');

    await editor.getByRole('link', { name: 'Add a measurement' }).click();
    await editor.getByLabel('Period from').fill('2023-03-01');
    await editor.getByLabel('Period to').fill('2023-02-01');
    await editor.getByLabel('Transactions').fill('-4');
    await editor.getByRole('button', { name: 'Add the measurement' }).click();
    const errors = (await editor.getByRole('alert').textContent()) ?? '';
    expect(errors).toContain('The period must not end before it starts');
    expect(errors).toContain('Enter a whole number that is not negative');
    await expectAccessible(editor);
    await editor.getByLabel('Period to').fill('2023-05-31');
    await editor.getByLabel('Transactions').fill('900');
    await editor.getByLabel('Average processing time, digital (minutes)').fill('4');
    await editor.getByLabel('Average processing time, former channel (minutes)').fill('20');
    await editor.getByRole('button', { name: 'Add the measurement' }).click();
    expect(await editor.getByRole('status').first().textContent()).toContain('The measurement has been added.');
    const page = (await editor.getByRole('main').textContent()) ?? '';
    expect(page).toContain('Tartu Mobility Lab');
    expect(page).toContain('240 hours'); // 900 × 16 minutes
    await expectAccessible(editor);
    // The import forms, and one refusing a file that is not CSV or JSON.
    await visit(editor, `${instrumentUrl}/impact/import`);
    await visit(editor, '/instruments/import');
    await editor.getByLabel('File', { exact: true }).setInputFiles({ name: 'instruments.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await editor.getByRole('button', { name: 'Check and import' }).click();
    expect(await editor.getByRole('alert').count()).toBeGreaterThan(0);
    await expectAccessible(editor);
    await editor.context().close();

    // The public: the new instrument found without JavaScript, a demo instrument with charts, the programme view.
    const reader = await session.openPage({ javaScriptEnabled: false });
    await reader.goto('/instruments');
    await reader.getByLabel('Words in the name or description').fill('parking');
    await reader.getByRole('button', { name: 'Filter' }).click();
    await reader.getByRole('link', { name: 'Parking permits online' }).click();
    expect(new URL(reader.url()).pathname).toBe(instrumentUrl);
    expect((await reader.getByRole('main').textContent()) ?? '').not.toContain('EUR 45,000');
    await reader.context().close();
    const visitor = await session.openPage();
    await visit(visitor, '/instruments?kind=payment_system');
    await visitor.getByRole('link', { name: /PagoGenova/ }).click();
    await expectAccessible(visitor);
    await visit(visitor, '/instruments/programme');
    await visitor.context().close();
  });
});
