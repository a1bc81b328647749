/** Shutting down waits for handlers whose client has already gone, so they never find the database closed. */
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { HandlersInFlight, trackHandlers } from './in-flight.js';

it('keeps a handler counted after its client gave up and the server closed, until it finishes', async () => {
  const app = Fastify();
  const handlers = new HandlersInFlight();
  trackHandlers(app, handlers);
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let started!: () => void;
  const handlerStarted = new Promise<void>((resolve) => (started = resolve));
  app.get('/slow', async () => {
    started();
    await finished;
    return { done: true };
  });
  app.get('/quick', (_request, reply) => reply.send({ quick: true }));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });

  expect((await fetch(`${address}/quick`)).status).toBe(200);
  expect(handlers.count).toBe(0);

  const client = new AbortController();
  const request = fetch(`${address}/slow`, { signal: client.signal }).catch((error: unknown) => error);
  await handlerStarted;
  client.abort();
  await request;
  await app.close();

  let settled = false;
  const waiting = handlers.settled().then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(handlers.count).toBe(1);
  expect(settled).toBe(false);
  finish();
  await waiting;
  expect(handlers.count).toBe(0);
});
