/**
 * /healthz, the liveness check load balancers poll every few seconds on every node: "the process answers". It is
 * answered where the HTTP server receives the request, before Fastify's hooks (security headers, cookies, sessions,
 * language, kept work, ETags, compression), which cost more than half of what it took and tell a balancer nothing.
 * Fastify's own route stays for fastify.inject and for any request this door passes on: one with a query, another
 * method, or any request once the node is closing (Fastify then answers 503, so balancers stop sending).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';

export const livenessPath = '/healthz';
export const livenessBody = JSON.stringify({ status: 'ok' });
const livenessHeaders = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(livenessBody), 'cache-control': 'no-store' };

/** The server settings Fastify applies to a server it creates itself (lib/server.js), applied here too. */
interface ServerTimeouts {
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
  maxRequestsPerSocket?: number;
}

export interface LivenessDoor {
  serverFactory: (handler: RequestListener, options: ServerTimeouts) => Server;
  /** From now on every request goes to Fastify (called when the app starts closing). */
  close: () => void;
}

export function livenessDoor(): LivenessDoor {
  let open = true;
  return {
    serverFactory(handler, options) {
      const server = createServer((request: IncomingMessage, response: ServerResponse) => {
        if (open && request.method === 'GET' && request.url === livenessPath) {
          response.writeHead(200, livenessHeaders).end(livenessBody);
          return;
        }
        handler(request, response);
      });
      if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
      if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
      if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
      if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
      return server;
    },
    close() {
      open = false;
    },
  };
}
