/** Builds the site into a temporary folder for a test, with extra environment (a base path, variants…). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from './site.ts';

/** Vitest's own variables (BASE_URL=/, MODE, DEV, SSR, NODE_ENV=test…) would override Vite's settings in the child build. */
const VITEST_VARS = /^(VITEST.*|TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/;

/** Runs `astro build` with the project's Node 24 into a fresh folder and returns it; throws with Astro's output on failure. */
export function buildSite(name: string, extraEnv: Record<string, string>): string {
  // Inside the project on purpose: Astro puts its prerender chunks in <outDir>/.prerender only when
  // outDir is under the working directory, and otherwise in the shared .astro/, where a concurrent
  // build would overwrite them.
  const cache = resolve(PROJECT_ROOT, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, `vg-${name}-`));
  const node = resolve(PROJECT_ROOT, 'node_modules/.bin/node');
  const astro = resolve(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_VARS.test(k)));
  const build = spawnSync(node, [astro, 'build', '--outDir', outDir], {
    cwd: PROJECT_ROOT,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`astro build (${name}) failed:\n${build.stdout}\n${build.stderr}`);
  return outDir;
}
