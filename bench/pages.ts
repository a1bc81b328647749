/**
 * The foundation's pages under load: /healthz, the home page and a partner page on the demo data. Target: the
 * partner page reaches at least a tenth of /healthz's requests/s, with p99 under 50 ms.
 */
import { freshDatabase, load, startServer, type BenchDatabase, type LoadOptions } from './support.js';

async function partnerPath(baseUrl: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/partners`)).text();
  const id = /href="\/partners\/(\d+)">Tartu City Government</.exec(html)?.[1];
  if (!id) throw new Error('The demo partner Tartu was not found');
  return `/partners/${id}`;
}

/** Runs the page benchmark on one database; prints a table and returns whether the target was met. */
export async function benchPages(database: BenchDatabase, port: number, options: LoadOptions): Promise<boolean> {
  const fresh = await freshDatabase(database, 'pages');
  const server = await startServer(fresh.env, port, { demo: true });
  try {
    const paths = ['/healthz', '/', await partnerPath(server.baseUrl)];
    const results = [];
    for (const target of paths) results.push({ path: target, ...(await load(server.baseUrl, [target], options)) });
    console.table(
      results.map((result) => ({
        database,
        path: result.path,
        'requests/s': Math.round(result.requestsPerSecond),
        'p99 ms': result.p99,
        errors: result.errors,
      })),
    );
    const [health, , partner] = results as [(typeof results)[number], unknown, (typeof results)[number]];
    const ratio = partner.requestsPerSecond / health.requestsPerSecond;
    const met = ratio >= 0.1 && partner.p99 < 50 && partner.errors === 0;
    console.log(
      `${database}: partner page at ${(ratio * 100).toFixed(1)}% of /healthz (target ≥ 10%), p99 ${partner.p99} ms (target < 50 ms): ${met ? 'target met' : 'TARGET MISSED'}\n`,
    );
    return met;
  } finally {
    await server.stop();
    await fresh.drop();
  }
}
