/**
 * The usual set-up of an HTTP test file: the application on a fresh database with `aWorld` in it (a programme, two
 * partners, one account per role), and a way to get a browser signed in as any of those roles.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../config/config.js';
import { createTestApp, type TestApp } from './app.js';
import { aWorld } from './factories.js';
import { signedInBrowser, type TestBrowser } from './http.js';

export type World = Awaited<ReturnType<typeof aWorld>>;
export type Role = keyof World['users'];

export interface WorldFixture {
  context: TestApp;
  world: World;
  browserFor(role: Role): Promise<TestBrowser>;
}

export function useWorld(config: Partial<Config> = {}): WorldFixture {
  const fixture = {
    browserFor: (role: Role) => signedInBrowser(fixture.context.app, fixture.world.users[role]),
  } as WorldFixture;
  beforeAll(async () => {
    fixture.context = await createTestApp(config);
    fixture.world = await aWorld(fixture.context.db);
  });
  afterAll(async () => fixture.context.close());
  return fixture;
}
