/**
 * The follow button on the pages of the records people can follow — a partner, a published practice, an event and a
 * published instrument (an endorsed plan's is tested with the plans) — shown to signed-in people only, and a record
 * followed from its page says so there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { valueOf } from '../../core/testing/factories.js';
import { TestBrowser } from '../../core/testing/http.js';
import { aPractice, anEvent, anInstrumentInput } from '../../core/testing/records.js';
import { useWorld } from '../../core/testing/world.js';
import { createInstrument } from '../instruments/service.js';

const fixture = useWorld();
const pages: Record<string, string> = {};

beforeAll(async () => {
  const { db } = fixture.context;
  const { partnerA, users } = fixture.world;
  pages.partner = `/partners/${partnerA.id}`;
  pages.practice = `/practices/${await aPractice(db, partnerA.id, 'Community energy', { status: 'published' })}`;
  pages.event = `/events/${await anEvent(db, partnerA.id)}`;
  pages.instrument = `/instruments/${valueOf(await createInstrument(db, users.editorA.actor, anInstrumentInput(partnerA.id, 'Open permits'))).id}`;
});

describe('follow buttons', () => {
  it('are offered to signed-in people on each followable page, and not to visitors', async () => {
    const signedIn = await fixture.browserFor('plainUser');
    const visitor = new TestBrowser(fixture.context.app);
    for (const [type, path] of Object.entries(pages)) {
      const page = await signedIn.page(path);
      const form = page.document.querySelector('form[action="/follows"]');
      expect(form, type).not.toBeNull();
      expect(form?.querySelector('input[name="type"]')?.getAttribute('value'), type).toBe(type);
      expect((await visitor.page(path)).document.querySelector('form[action="/follows"]'), type).toBeNull();
    }
  });

  it('says on the page that the person follows the record once they do', async () => {
    const browser = await fixture.browserFor('editorB');
    const response = await browser.post('/follows', { type: 'practice', id: pages.practice?.split('/').pop() ?? '', returnTo: pages.practice ?? '/' });
    expect(response.statusCode).toBe(303);
    const page = await browser.page(pages.practice ?? '/');
    expect(page.document.querySelector('form[action="/follows/delete"]')?.textContent).toContain('Following — stop following');
  });

  it('is not offered on a practice that is not published', async () => {
    const draft = await aPractice(fixture.context.db, fixture.world.partnerA.id, 'Draft idea');
    const page = await (await fixture.browserFor('editorA')).page(`/practices/${draft}`);
    expect(page.document.querySelector('form[action="/follows"]')).toBeNull();
  });
});
