/** The static files under /assets/: served from public/ only, and malformed paths refused without an error report. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { testConfig } from '../testing/app.js';
import { useTestDatabase } from '../testing/world.js';

const database = useTestDatabase();
let app: FastifyInstance;
const logLines: string[] = [];

beforeAll(async () => {
  app = await buildApp({ config: testConfig(), database, logger: { level: 'info', stream: { write: (line: string) => logLines.push(line) } } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe('static files', () => {
  it('serves the stylesheet', async () => {
    const response = await app.inject({ url: '/assets/styles.css' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/css');
  });

  it.each([
    '/assets/%5C',
    '/assets/%00',
    '/assets/styles.css%00.png',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/%2e%2e%5c%2e%2e%5cpackage.json',
    '/assets/a%5C..%5C..%5Cpackage.json',
    '/assets/%C0%AE%C0%AE/package.json',
    '/assets/%E0%A4%A',
    '/assets/%',
  ])('refuses %s with a 4xx page, never a file outside public/, and logs no error', async (url) => {
    logLines.length = 0;
    const response = await app.inject({ url });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.body).not.toContain('better-platform');
    const errors = logLines
      .map((line) => JSON.parse(line) as { level: number; err?: { stack?: string } })
      .filter((entry) => entry.level >= 50 || entry.err?.stack);
    expect(errors).toEqual([]);
  });
});
