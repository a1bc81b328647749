/**
 * The composition root: builds the Fastify application from the shared plumbing in core/ and the capability
 * modules, in the order a request meets them (security → session → language → guard → routes → errors).
 */
import compress, { type FastifyCompressOptions } from '@fastify/compress';
import etag from '@fastify/etag';
import staticFiles from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import pino from 'pino';
import { randomUUID } from 'node:crypto';
import type { Config } from './core/config/config.js';
import type { DatabaseHandle } from './core/db/database.js';
import { findCookieSecret } from './core/db/settings.js';
import { pageCachePlugin } from './core/cache/page-cache.js';
import { errorHandlerPlugin } from './core/http/error-handler.js';
import { guardPlugin } from './core/http/guard.js';
import { healthPlugin } from './core/http/health.js';
import { livenessDoor } from './core/http/liveness.js';
import { keptWorkTasks } from './core/http/kept-tasks.js';
import { flashCookie, pagesPlugin } from './core/http/pages.js';
import { csrfCookie, securityPlugin } from './core/http/security.js';
import { showCookie as keptShowCookie } from './core/http/kept.js';
import type { RouteEntry } from './core/http/types.js';
import { getTranslator } from './core/i18n/i18n.js';
import { i18nPlugin } from './core/i18n/plugin.js';
import type { PeriodicTask } from './core/jobs/worker.js';
import { HandlersInFlight, trackHandlers } from './core/http/in-flight.js';
import { openApiPlugin } from './core/http/openapi.js';
import { lazySchemaCompilers } from './core/http/schema-compilers.js';
import { installModules } from './core/module.js';
import { fromProjectRoot, platformVersion } from './core/paths.js';
import { sessionCookie, sessionPlugin } from './modules/accounts/index.js';
import { modules } from './modules/index.js';

/** Forms and API bodies are small; anything over 1 MiB is refused with 413 before it is parsed. */
export const bodyLimitBytes = 1024 * 1024;

/**
 * Fastify's trustProxy from the configuration. Fastify 5.12 ignores a bare number (it cannot check the nearest peer),
 * so a hop count becomes proxy-addr's own rule for it: trust the nearest N hops, whatever their address. The
 * operator chooses it only where the nodes are reachable through the proxies alone (see operations.md).
 */
function trustedProxies(trust: Config['trustProxy']): FastifyServerOptions['trustProxy'] {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/**
 * Responses compressed with brotli or gzip when the client accepts it: pages, JSON, CSV, XML and feeds, SVG, scripts
 * and styles of 1 KiB or more. Files already compressed (DOCX, PDF, images, backups) are sent as they are, request
 * bodies are never inflated (a small compressed body must not become a large one past the body limit), and a
 * quality of 4 keeps brotli about as cheap as gzip on a 2-core node.
 */
const compressibleType = /^(?:text\/(?!event-stream)|image\/svg\+xml|application\/(?:[\w.-]+\+)?(?:json|xml|javascript)(?:;|$))/;
const compressionOptions = {
  encodings: ['br', 'gzip'],
  threshold: 1024,
  customTypes: (type: string) => compressibleType.test(type),
  globalDecompression: false,
} satisfies FastifyCompressOptions;

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
}

async function cookieSecretOf(config: Config, database: DatabaseHandle): Promise<string> {
  if (config.cookieSecret) return config.cookieSecret;
  const secret = await findCookieSecret(database.db);
  if (secret === undefined) throw new Error('The database has no cookie secret: run the migrations first (better migrate)');
  return secret;
}

/**
 * Log lines go to standard output without blocking the request that writes them: pino buffers and writes when the
 * stream is ready, and the buffer is written out synchronously when the app closes (also after an uncaught error,
 * which server.ts logs and then closes on).
 */
function nonBlockingLogger(level: string) {
  const stream = pino.destination({ dest: 1, sync: false });
  return { options: { level, stream }, flush: () => stream.flushSync() };
}

export async function buildApp({ config, database, logger }: BuildOptions): Promise<FastifyInstance> {
  installModules(modules);
  const standardOutput = logger === undefined ? nonBlockingLogger(config.logLevel) : undefined;
  const liveness = livenessDoor();
  const app = Fastify({
    serverFactory: liveness.serverFactory,
    logger: logger ?? standardOutput?.options,
    // One line per request, when it is answered (Fastify's own logging writes two: received, then answered).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: bodyLimitBytes,
    trustProxy: trustedProxies(config.trustProxy),
    // A load balancer's request id is kept so logs line up across hops, but only in a plain form: it also goes
    // into error pages and the audit log.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    schemaController: { compilersFactory: lazySchemaCompilers },
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime) }, 'request');
  });
  if (standardOutput) app.addHook('onClose', async () => standardOutput.flush());
  app.addHook('preClose', async () => liveness.close());

  app.decorate('db', database.db);
  app.decorate('databaseKind', database.kind);
  app.decorate('config', config);
  app.decorate('translator', await getTranslator());
  app.decorate(
    'navigation',
    modules.flatMap((module) => module.navigation ?? []),
  );
  const handlersInFlight = new HandlersInFlight();
  app.decorate('handlersInFlight', handlersInFlight);
  app.decorate('modulesPrepared', false);
  trackHandlers(app, handlersInFlight);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read the config when asked: hooks registered later (e.g. the static files' one) may still change it.
    for (const method of methods) {
      routeTable.push({
        method,
        url: route.url,
        get config() {
          return route.config ?? {};
        },
      });
    }
  });

  await app.register(securityPlugin, { cookieSecret: await cookieSecretOf(config, database) });
  await app.register(compress, compressionOptions);
  // Weak: one tag for a page however it is encoded. Computed before the compression, on the text itself.
  await app.register(etag, { weak: true });
  await app.register(pagesPlugin);
  // Routes keep the error handler of the moment they are added, so it comes before any route.
  await app.register(errorHandlerPlugin);
  await app.register(i18nPlugin);
  await app.register(sessionPlugin);
  if (config.pageCache.enabled) {
    await app.register(pageCachePlugin, {
      oneTimeCookies: [flashCookie, keptShowCookie],
      sessionCookie,
      csrfCookie,
      maxBytes: config.pageCache.maxMegabytes * 1024 * 1024,
    });
  }
  await app.register(guardPlugin);
  await app.register(healthPlugin);

  await app.register(async (assets) => {
    assets.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), public: true, notAPage: true };
    });
    await assets.register(staticFiles, { root: fromProjectRoot('public'), prefix: '/assets/', maxAge: '1h', index: false });
  });

  for (const module of modules) await app.register(module.routes);
  await app.register(
    openApiPlugin(
      modules.flatMap((module) => module.api ?? []),
      platformVersion,
    ),
  );
  return app;
}

/**
 * Each module's `prepare`, side by side, each logged with its time once done, or with its error (the first request
 * then does its work); `app.modulesPrepared` turns true once all have succeeded.
 */
export async function prepareModules(app: FastifyInstance): Promise<void> {
  const done = await Promise.all(
    modules.map(async ({ name, prepare }) => {
      if (!prepare) return true;
      const started = performance.now();
      try {
        await prepare(app.db);
        app.log.info({ module: name, ms: Math.round(performance.now() - started) }, 'module prepared');
        return true;
      } catch (err) {
        app.log.warn({ module: name, err }, 'module not prepared: its first request does the work');
        return false;
      }
    }),
  );
  app.modulesPrepared = done.every(Boolean);
}

/** The background tasks every node runs (mail delivery when SMTP is set, housekeeping): the core's, then the modules'. */
export function backgroundTasks(app: FastifyInstance): PeriodicTask[] {
  return [...keptWorkTasks(app), ...modules.flatMap((module) => module.tasks?.(app) ?? [])];
}
