/**
 * The route handlers still running. Fastify's close waits for open connections, but a client that gives up (a
 * load balancer's timeout, the end of a benchmark) closes its connection while its handler still runs; the
 * database those handlers use must stay open until they finish too.
 */
import type { FastifyInstance } from 'fastify';

export class HandlersInFlight {
  private running = 0;
  private idle: (() => void)[] = [];

  get count(): number {
    return this.running;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running += 1;
    return work.finally(() => {
      this.running -= 1;
      if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
  }

  /** Resolves once no handler is running. */
  settled(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}

/** Wraps every route added after this call; handlers that answer synchronously are left as they are. */
export function trackHandlers(app: FastifyInstance, handlers: HandlersInFlight): void {
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function trackedHandler(this: FastifyInstance, request, reply) {
      const result: unknown = handler.call(this, request, reply);
      return result instanceof Promise ? handlers.track(result) : result;
    };
  });
}
