/**
 * Fastify's JSON Schema compilers, loaded at the first route that declares a schema: such a route validates its input
 * and serialises its output exactly as with Fastify's defaults.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazySchemaCompilers } from './schema-compilers.js';

describe('Fastify with its schema compilers loaded at first use', () => {
  it('validates a body and serialises a response by the route’s schemas', async () => {
    const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers } });
    app.post(
      '/echo',
      {
        schema: {
          body: { type: 'object', required: ['count'], properties: { count: { type: 'integer', minimum: 1 } } },
          response: { 200: { type: 'object', properties: { count: { type: 'integer' } } } },
        },
      },
      async (request) => ({ ...(request.body as { count: number }), secret: 'not in the response schema' }),
    );
    const refused = await app.inject({ method: 'POST', url: '/echo', payload: { count: 0 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'FST_ERR_VALIDATION', message: 'body/count must be >= 1' });
    const answered = await app.inject({ method: 'POST', url: '/echo', payload: { count: '3' } });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toEqual({ count: 3 });
    await app.close();
  });
});
