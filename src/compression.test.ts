/** Compressed responses: pages, data and assets travel compressed to clients that accept it; downloads stay intact. */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TestBrowser } from './core/testing/http.js';
import { anEndorsedPlan } from './core/testing/records.js';
import { useWorld } from './core/testing/world.js';

const fixture = useWorld();
const accepting = { 'accept-encoding': 'br, gzip' };

describe('compressed responses', () => {
  it('sends a page with brotli to a browser that accepts it, and the page reads the same once decoded', async () => {
    const browser = new TestBrowser(fixture.context.app);
    const plain = await browser.get('/accessibility');
    const compressed = await browser.get('/accessibility', accepting);
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers.vary).toMatch(/accept-encoding/i);
    const decoded = brotliDecompressSync(compressed.rawPayload).toString('utf8');
    expect(decoded).toContain('<title>Accessibility statement – BETTER</title>');
    expect(decoded.length).toBe(plain.body.length);
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('falls back to gzip, and sends JSON compressed too', async () => {
    const response = await new TestBrowser(fixture.context.app).get('/openapi.json', { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(response.rawPayload).toString('utf8'))).toHaveProperty('openapi');
  });

  it('compresses assets and still answers a repeated request for them with 304 Not Modified', async () => {
    const browser = new TestBrowser(fixture.context.app);
    const styles = await browser.get('/assets/styles.css', accepting);
    expect(styles.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(styles.rawPayload).toString('utf8')).toContain('.cycle__list');
    const etag = styles.headers.etag;
    expect(etag).toBeTruthy();
    expect(styles.headers['cache-control']).toContain('max-age=3600');
    const again = await browser.get('/assets/styles.css', { ...accepting, 'if-none-match': String(etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('leaves small responses alone', async () => {
    const response = await new TestBrowser(fixture.context.app).get('/healthz', accepting);
    expect(response.rawPayload.length).toBeLessThan(1024);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('sends the Word document as it is (already compressed), and a CSV export compressed', async () => {
    const { planId } = await anEndorsedPlan(fixture);
    const browser = new TestBrowser(fixture.context.app);
    const docx = await browser.get(`/plans/${planId}.docx`, accepting);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-encoding']).toBeUndefined();
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');

    const csv = await (await fixture.browserFor('coordinator')).get('/instruments.csv', accepting);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(csv.rawPayload).toString('utf8')).toContain('name');
  });

  it.each([
    ['RDF (Turtle)', '/catalog.ttl', 'text/turtle', '@prefix'],
    ['RDF (JSON-LD)', '/catalog.jsonld', 'application/ld+json', '@context'],
    ['SVG', '/events/statistics/roles.svg', 'image/svg+xml', '<svg'],
    ['JSON', '/openapi.json', 'application/json', 'openapi'],
  ])('sends %s compressed, with an ETag', async (_kind, url, type, text) => {
    const response = await new TestBrowser(fixture.context.app).get(url, accepting);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain(type);
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.rawPayload).toString('utf8')).toContain(text);
    expect(String(response.headers.etag)).toMatch(/^W\/"/);
  });

  it.each([
    ['a page', '/accessibility', 'editorA'],
    ['JSON', '/openapi.json', 'editorA'],
    ['a signed-in person’s page', '/account', 'coordinator'],
  ] as const)('answers a repeated request for %s, unchanged, with 304 Not Modified', async (_kind, url, role) => {
    const browser = await fixture.browserFor(role);
    const response = await browser.get(url, accepting);
    const again = await browser.get(url, { ...accepting, 'if-none-match': String(response.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });
});
