/**
 * The platform's pages under load on the demo data, each as a share of bare Fastify measured in the same run
 * (absolute figures on shared machines move by 2× from one run to the next). Goals (issue #13):
 *   - every public page, for a visitor who is not signed in: ≥ 20 % of bare Fastify on PostgreSQL, ≥ 10 % on PGlite,
 *     p99 under 50 ms at 10 connections;
 *   - pages for signed-in people: ≥ 5 %;
 *   - /healthz: ≥ 60 %;
 *   - on PGlite, 50 connections on the public pages: no error or timeout and p99 under 500 ms.
 * Requests carry what a browser sends (Accept: text/html, Accept-Encoding: br, gzip), so compression is paid for.
 */
import { freshDatabase, load, loadRow, signIn, startBareFastify, startServer, type BenchDatabase, type LoadOptions, type LoadResult } from './support.js';

const browserHeaders = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'br, gzip', 'accept-language': 'en' };

interface Page {
  path: string;
  kind: 'health' | 'public' | 'signed-in';
}

/** The address of the first link on a listing page that matches the pattern, e.g. a practice's own page. */
async function firstLink(baseUrl: string, listing: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${baseUrl}${listing}`)).text();
  const found = pattern.exec(html)?.[0];
  if (!found) throw new Error(`${listing} links to nothing like ${pattern}`);
  return found;
}

async function pagesOf(baseUrl: string): Promise<Page[]> {
  const publicPaths = [
    '/',
    '/partners',
    await firstLink(baseUrl, '/partners', /\/partners\/\d+(?=")/),
    '/practices',
    '/practices?q=digital%20services',
    await firstLink(baseUrl, '/practices', /\/practices\/\d+(?=")/),
    '/events',
    await firstLink(baseUrl, '/events', /\/events\/\d+(?=")/),
    '/plans',
    '/plans/overview',
    '/instruments',
    '/results',
  ];
  return [
    { path: '/healthz', kind: 'health' },
    ...publicPaths.map((path): Page => ({ path, kind: 'public' })),
    ...['/me', '/practices', '/plans', '/notifications'].map((path): Page => ({ path, kind: 'signed-in' })),
  ];
}

/** The smallest share of bare Fastify each kind of page must reach on each database. */
function goalOf(page: Page, database: BenchDatabase): number {
  if (page.kind === 'health') return 0.6;
  if (page.kind === 'signed-in') return 0.05;
  return database === 'postgres' ? 0.2 : 0.1;
}

/** Runs the page benchmark on one database; prints a table and returns whether every goal was met. */
export async function benchPages(database: BenchDatabase, port: number, options: LoadOptions): Promise<boolean> {
  const measured: LoadOptions = { duration: options.duration, connections: 10 };
  const bareServer = await startBareFastify(port + 1);
  const bare = await load(bareServer.baseUrl, ['/'], measured).finally(() => bareServer.stop());
  const fresh = await freshDatabase(database, 'pages');
  const server = await startServer(fresh.env, port, { demo: true });
  const rows = [];
  const missed: string[] = [];
  try {
    const cookie = await signIn(server.baseUrl, 'editor.tartu@better.example');
    const pages = await pagesOf(server.baseUrl);
    rows.push({ ...loadRow(database, bare, { path: 'bare Fastify', ...bare }), goal: '' });
    for (const page of pages) {
      const headers = page.kind === 'signed-in' ? { ...browserHeaders, cookie } : browserHeaders;
      const result = await load(server.baseUrl, [page.path], measured, headers);
      const goal = goalOf(page, database);
      const share = result.requestsPerSecond / bare.requestsPerSecond;
      const met = share >= goal && result.errors === 0 && (page.kind !== 'public' || result.p99 < 50);
      if (!met) missed.push(`${page.kind === 'signed-in' ? 'signed in: ' : ''}${page.path}`);
      rows.push({
        ...loadRow(database, bare, { path: `${page.kind === 'signed-in' ? '(signed in) ' : ''}${page.path}`, ...result }),
        goal: `${goal * 100} %${met ? '' : ' MISSED'}`,
      });
    }
    if (database === 'pglite') {
      const publicPaths = pages.filter((page) => page.kind === 'public').map((page) => page.path);
      const crowded: LoadResult = await load(server.baseUrl, publicPaths, { duration: options.duration, connections: 50 }, browserHeaders);
      const met = crowded.errors === 0 && crowded.p99 < 500;
      if (!met) missed.push('50 connections');
      rows.push({ ...loadRow(database, bare, { path: 'public pages in turn, 50 connections', ...crowded }), goal: `p99 < 500 ms${met ? '' : ' MISSED'}` });
    }
  } finally {
    await server.stop();
    await fresh.drop();
  }
  console.table(rows);
  console.log(missed.length ? `${database}: GOALS MISSED for ${missed.join(', ')}\n` : `${database}: every goal met\n`);
  return missed.length === 0;
}
