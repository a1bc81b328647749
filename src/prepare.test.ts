/** Once a node serves, each module reads what it keeps in memory (its `prepare`); a failure is logged and leaves the work to the first request. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareModules } from './app.js';
import { createTestApp, type TestApp } from './core/testing/app.js';

let testApp: TestApp | undefined;
afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

/** The modules named by the log calls with this message. */
function modulesLogged(calls: unknown[][], message: string): string[] {
  return calls
    .filter(([, msg]) => msg === message)
    .map(([fields]) => (fields as { module: string }).module)
    .sort();
}

describe('preparing the modules', () => {
  it('prepares the library and the platform search, logging each with its time', async () => {
    testApp = await createTestApp();
    const info = vi.spyOn(testApp.app.log, 'info');
    await prepareModules(testApp.app);
    expect(modulesLogged(info.mock.calls, 'module prepared')).toEqual(['practices', 'search']);
    expect((await testApp.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready', prepared: true });
    const times = info.mock.calls.filter(([, msg]) => msg === 'module prepared').map(([fields]) => (fields as { ms: number }).ms);
    expect(times.every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
  });

  it('logs each module that could not prepare, and fails nothing', async () => {
    testApp = await createTestApp();
    const warn = vi.spyOn(testApp.app.log, 'warn');
    // The database is gone: every module's reading fails.
    await testApp.database.close();
    await expect(prepareModules(testApp.app)).resolves.toBeUndefined();
    expect(modulesLogged(warn.mock.calls, 'module not prepared: its first request does the work')).toEqual(['practices', 'search']);
    expect(testApp.app.modulesPrepared).toBe(false);
    await testApp.app.close();
    testApp = undefined;
  });
});
