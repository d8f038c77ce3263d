/** Where the built site lives for the browser tests: dist/ after `npm run build`, or E2E_DIST. */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
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

/** Every page the build wrote in `dir`, as a path under the site's root ("/", "/lessons/basics/", …), sorted; 404.html is not one. */
export function builtPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => basename(file) === 'index.html' && !file.startsWith(`_astro${sep}`) && !file.startsWith(`pagefind${sep}`))
    .map((file) => (dirname(file) === '.' ? '/' : `/${dirname(file).split(sep).join('/')}/`))
    .sort();
}
