/** /healthz answered by the HTTP server itself, the same answer as Fastify's route, and handed to Fastify once closing. */
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/world.js';
import { livenessDoor } from './liveness.js';

const context = useTestApp();
let baseUrl = '';

describe('the liveness check', () => {
  it('answers GET /healthz before the hooks, as Fastify’s own route does', async () => {
    await context.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(context.app.server.address() as AddressInfo).port}`;
    const door = await fetch(`${baseUrl}/healthz`);
    const route = await context.app.inject({ url: '/healthz' });
    expect(door.status).toBe(200);
    expect(await door.text()).toBe(route.body);
    expect(door.headers.get('content-type')).toBe(route.headers['content-type']);
    expect(door.headers.get('content-security-policy')).toBeNull();
    // Anything else goes through Fastify with its hooks.
    const withQuery = await fetch(`${baseUrl}/healthz?probe=1`);
    expect(withQuery.status).toBe(200);
    expect(withQuery.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${baseUrl}/healthz`, { method: 'POST' })).status).toBe(404);
  });

  it('hands every request to Fastify once the node is closing', async () => {
    const door = livenessDoor();
    const server = door.serverFactory((_request, response) => response.writeHead(503).end('closing'), {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    expect((await fetch(url)).status).toBe(200);
    door.close();
    const answer = await fetch(url);
    expect(answer.status).toBe(503);
    expect(await answer.text()).toBe('closing');
    await new Promise((resolve) => server.close(resolve));
  });
});
