// npm run test:standards: what leaves the platform, checked by the shared conformance validators (OpenAPI 3.1 now;
// iCalendar, CPSV-AP and DCAT-AP as those exports arrive). Needs ../shared/standards and the npm registry once.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.standards.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**'],
    globalSetup: ['src/core/testing/standards-setup.ts', 'src/core/testing/global-setup.ts'],
    setupFiles: ['src/core/testing/install-modules.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
