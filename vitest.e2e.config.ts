// npm run test:e2e: journeys in Debian's Chromium (playwright-core) with axe-core on every page visited.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['src/core/testing/global-setup.ts'],
    setupFiles: ['src/core/testing/install-modules.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
