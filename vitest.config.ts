import { defineConfig } from 'vitest/config';

/** Unit and property tests; the browser tests have their own config in test/e2e/. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
  },
});
