/** The API description passes the shared OpenAPI validator, and a broken one does not. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateWith } from '../testing/standards.js';
import { useTestApp } from '../testing/world.js';

const context = useTestApp();
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'better-openapi-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

it('serves an OpenAPI 3.1 description that the validator accepts', async () => {
  const response = await context.app.inject({ method: 'GET', url: '/openapi.json' });
  const file = path.join(directory, 'openapi.json');
  await writeFile(file, response.body);
  const verdict = validateWith('validate-openapi.mjs', file);
  expect(verdict.conforms, verdict.report).toBe(true);
});

it('is checked for real: a reference to a schema that does not exist is refused', async () => {
  const document = (await context.app.inject({ method: 'GET', url: '/openapi.json' })).json<{ components: { schemas: Record<string, unknown> } }>();
  delete document.components.schemas.Practice;
  const file = path.join(directory, 'broken.json');
  await writeFile(file, JSON.stringify(document));
  expect(validateWith('validate-openapi.mjs', file).conforms).toBe(false);
});
