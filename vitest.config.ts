import { defineConfig } from 'vitest/config';

// Tests read each workspace package's TypeScript source through the `source` export condition,
// so no build is needed for unit tests; the CLI end-to-end tests run the built `dist`.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each test file's temporary folders are removed after its tests.
    setupFiles: ['./vitest.setup.ts'],
    // CI asks for a machine-readable summary as well (.ci/run prints the closing "N passed, N failed" line).
    ...(process.env.PQREADY_TEST_REPORT
      ? { reporters: ['default', 'json'], outputFile: { json: process.env.PQREADY_TEST_REPORT } }
      : {}),
  },
});
