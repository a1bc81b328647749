/** The API description at /openapi.json: every documented path is a real public route answering JSON. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useWorld } from '../testing/world.js';
import { pageNumber } from '../validation/fields.js';
import { queryParametersFrom } from './openapi.js';

const fixture = useWorld();

describe('/openapi.json', () => {
  it('describes OpenAPI 3.1 paths that all exist as routes, with every referenced schema defined', async () => {
    const response = await fixture.context.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: 'http://better.test' }]);
    const routes = new Set(
      fixture.context.app.routeTable.map((route) => `${route.method} ${route.url.replace(/:(\w+)\([^)]*\)/g, '{$1}').replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.length).toBeGreaterThan(0);
    for (const operation of documented) expect(routes, operation).toContain(operation);
    const references = [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]);
    for (const name of references) expect(document.components.schemas, `schema ${name}`).toHaveProperty(name as string);
  });
});

describe('queryParametersFrom', () => {
  it('describes each field of a lenient query schema as the optional parameter its parser accepts, with its description', () => {
    const schema = z.object({
      kind: z.preprocess((value) => (value === 'a' ? value : null), z.enum(['a', 'b']).nullable()).meta({ description: 'The kind' }),
      ids: z.preprocess((value) => (Array.isArray(value) ? value.map(Number) : []), z.array(z.number().int().min(1))),
      page: pageNumber,
    });
    expect(queryParametersFrom(schema)).toEqual([
      { name: 'kind', in: 'query', description: 'The kind', schema: { type: 'string', enum: ['a', 'b'] } },
      { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'integer', minimum: 1 } }, style: 'form', explode: true },
      { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100_000 } },
    ]);
  });
});
