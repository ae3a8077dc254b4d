import { defineConfig } from 'vitest/config';

// Own config (vite.config.ts sets root: 'src/web' for the web build).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/faults/**', 'test/scale-out/**', 'test/citus/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One retry in CI for a browser race on a busy machine; scripts/summarize-tests.mjs lists every test
          // that needed it, so a flaky test is seen, not hidden. A real failure fails twice.
          retry: process.env.CI === 'true' ? 1 : 0,
          // The page updates after a request; expect.poll waits for it up to 10 s (1 s is short on a busy CI machine).
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // Fault tests: kill -9 a real server process, restart PostgreSQL, broken data folders (npm run faults).
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // Two app instances, PgBouncer, a primary and a streaming replica, all local processes (npm run test:scale-out).
        test: {
          name: 'scale-out',
          include: ['test/scale-out/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        // OpenKPI on a Citus cluster (docs/scaling.md, section 5); runs when CITUS_URL is set (npm run test:citus).
        test: {
          name: 'citus',
          include: ['test/citus/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
