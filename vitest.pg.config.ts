// npm run test:pg: the same database-touching tests, plus PostgreSQL-only ones (*.pg.test.ts), against the server
// in DATABASE_URL. Every test file works in a fresh schema that is dropped afterwards.
import { defineConfig } from 'vitest/config';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('npm run test:pg needs DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test');
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    exclude: ['**/*.standards.test.ts', 'node_modules/**', 'dist/**'],
    env: { TEST_DATABASE_URL: url },
    setupFiles: ['src/core/testing/install-modules.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
