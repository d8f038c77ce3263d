/**
 * The pages load KaTeX's stylesheet from the top-level `katex` package, so the
 * markup must come from the same version: rehype-katex once rendered with its
 * own nested katex 0.16 against the 0.19 stylesheet, and every sub- and
 * superscript came out at full size. Exactly one katex may be installed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  overrides?: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

/** Every folder named `katex` that holds an installed package, anywhere under node_modules. */
function installedKatex(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    // Type declarations (@types/katex) render nothing.
    if (name.startsWith('.') || name === '@types') continue;
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name.startsWith('@')) {
      installedKatex(path, found);
      continue;
    }
    if (name === 'katex') found.push(path);
    const nested = join(path, 'node_modules');
    try {
      if (statSync(nested).isDirectory()) installedKatex(nested, found);
    } catch {
      // no nested node_modules
    }
  }
  return found;
}

describe('one KaTeX', () => {
  it('is pinned exactly, and every dependency is made to use it (npm overrides)', () => {
    expect(pkg.dependencies.katex).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.overrides?.katex).toBe('$katex');
  });

  it('appears once in the lock file, at the pinned version', () => {
    const entries = Object.entries(lock.packages).filter(([path]) => /(^|\/)node_modules\/katex$/.test(path));
    expect(entries.map(([path, p]) => `${path}@${p.version}`)).toEqual([`node_modules/katex@${pkg.dependencies.katex}`]);
  });

  it('is installed once: no package carries its own copy', () => {
    const copies = installedKatex(join(root, 'node_modules')).map((dir) => {
      const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
      return `${relative(root, dir)}@${version}`;
    });
    expect(copies).toEqual([`node_modules/katex@${pkg.dependencies.katex}`]);
  });
});
