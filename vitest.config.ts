import { defineConfig } from 'vitest/config';

/**
 * Two projects, run together by `npm test` (after the typecheck) and one at a time by `npm run test:unit` /
 * `npm run test:e2e`:
 * - `unit`: the tests beside the code (`src/**`, `suites/**`): one module at a time, in-process, no browser.
 * - `e2e`: `test/**`: the whole suite against the reference receivers and every mutant over real loopback HTTP,
 *   the CLI as a process, the package as installed, the report in a browser.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'suites/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/**/*.test.ts'] } },
    ],
  },
});
