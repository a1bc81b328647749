/**
 * How long `better serve --demo` takes to answer /readyz with 200, from the built tree (as `npm start` runs it once
 * dist/ is current): the first start, which creates the database and loads the demo into it, then restarts on the
 * loaded folder. PGlite only: that is what `npm start` uses. See docs/performance/start.md.
 */
import { freshDatabase, percentile, startServer, type BenchDatabase } from './support.js';

export interface StartBenchOptions {
  restarts: number;
}

const goals = { first: 15, restart: 2 } as const;

export async function benchStart(database: BenchDatabase, port: number, options: StartBenchOptions): Promise<boolean> {
  if (database !== 'pglite') {
    console.log(`${database}: not measured (npm start runs on PGlite)\n`);
    return true;
  }
  const fresh = await freshDatabase(database, 'start');
  try {
    const first = await startServer(fresh.env, port, { demo: true });
    await first.stop();
    const restarts: number[] = [];
    for (let round = 0; round < options.restarts; round += 1) {
      const server = await startServer(fresh.env, port, { demo: true });
      await server.stop();
      restarts.push(server.readySeconds);
    }
    restarts.sort((a, b) => a - b);
    const restart = percentile(restarts, 0.5);
    const rows = [
      { start: 'first (creates the database, loads the demo)', 'ready s': Number(first.readySeconds.toFixed(2)), goal: goal(first.readySeconds, goals.first) },
      {
        start: `restart (median of ${restarts.length}; slowest ${(restarts.at(-1) ?? 0).toFixed(2)} s)`,
        'ready s': Number(restart.toFixed(2)),
        goal: goal(restart, goals.restart),
      },
    ];
    console.table(rows);
    const missed = rows.filter((row) => row.goal.endsWith('MISSED')).map((row) => row.start.split(' ')[0]);
    console.log(missed.length ? `${database}: GOALS MISSED for ${missed.join(', ')}\n` : `${database}: every goal met\n`);
    return missed.length === 0;
  } finally {
    await fresh.drop();
  }
}

function goal(seconds: number, limit: number): string {
  return `≤ ${limit} s${seconds <= limit ? '' : ' MISSED'}`;
}
