import { defineConfig } from 'vitest/config';

/**
 * Browser tests against the built site (run `npm run build` first; they read dist/,
 * or the folder in E2E_DIST). One fork, one file at a time: a real Chromium
 * on a 2-core machine is slow, so timeouts are long and nothing runs in parallel.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
    // expect.poll waits for what a page does after a pause or a reload: a second (vitest's default) is too
    // little when two cores are shared with a build or another browser; a poll ends as soon as it matches.
    expect: { poll: { timeout: 10_000 } },
  },
});
