import { defineConfig } from 'vitest/config';

/**
 * Unit and property tests; the browser tests have their own config in test/e2e/.
 *
 * The timeout is 60 s, not vitest's 5 s: CI and developers run these on two
 * cores, often beside a build or a browser, where a property test that takes
 * 0.5 s alone took 5.9 s (measured with the machine ten times oversubscribed).
 * No test is meant to come near it: a slow test is a defect to size down, and
 * speed is measured by `npm run bench`, never asserted (docs/decisions.md).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
