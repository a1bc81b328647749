/**
 * The background worker every app node runs: a loop that calls each periodic task in turn. Tasks keep their
 * state in the database and claim work with row locks, so nodes never share memory and never do a job twice.
 */
import type { FastifyBaseLogger } from 'fastify';
import { describeConnectionError, isConnectionError } from '../db/errors.js';

export interface PeriodicTask {
  name: string;
  run(): Promise<unknown>;
}

export interface Worker {
  /** Runs every task once now (used by tests and at shutdown). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startWorker(tasks: PeriodicTask[], intervalMs: number, log: FastifyBaseLogger): Worker {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  async function runOnce(): Promise<void> {
    for (const task of tasks) {
      try {
        const result = await task.run();
        log.debug({ task: task.name, result }, 'task ran');
      } catch (error) {
        // A database outage fails every task at every poll until it ends: one line each, and the next poll retries.
        if (isConnectionError(error)) log.warn({ task: task.name, cause: describeConnectionError(error) }, 'task failed: database unavailable');
        else log.error({ task: task.name, err: error }, 'task failed');
      }
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  schedule();
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
