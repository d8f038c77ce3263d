/** Where the built site lives for the browser tests: dist/ after `npm run build`, or E2E_DIST. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** The built site's folder; fails with a clear message when the site has not been built. */
export function distDir(): string {
  const dir = resolve(PROJECT_ROOT, process.env.E2E_DIST ?? 'dist');
  if (!existsSync(resolve(dir, 'index.html'))) {
    throw new Error(`No built site in ${dir}: run \`npm run build\` before \`npm run test:e2e\`.`);
  }
  return dir;
}
