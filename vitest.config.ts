// npm test: domain and HTTP tests on PGlite, in process; no server and no browser needed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    exclude: ['**/*.pg.test.ts', '**/*.standards.test.ts', 'node_modules/**', 'dist/**'],
    globalSetup: ['src/core/testing/global-setup.ts'],
    setupFiles: ['src/core/testing/install-modules.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
