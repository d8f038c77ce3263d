import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileCycles, importGraph, importsOf, layeringViolations, layerOf } from './imports.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const edges = importGraph(root);

describe('the import graph', () => {
  it('is read from the real tree (the engine, the grader and the site all have edges)', () => {
    const layers = new Set(edges.map((e) => layerOf(e.from)?.name));
    for (const name of ['engine', 'exercises', 'grader', 'cli', 'lesson-data', 'islands', 'site', 'content'])
      expect(layers).toContain(name);
  });

  it('has no edge against the layering', () => {
    expect(layeringViolations(edges)).toEqual([]);
  });

  it('has no file cycle', () => {
    expect(fileCycles(edges)).toEqual([]);
  });
});

describe('the checker itself can fail', () => {
  it('flags the engine importing the site, a package, or Node', () => {
    const planted = [
      ...importsOf('engine/chain.ts', "import { x } from '../src/lesson-data/anchor.ts';"),
      ...importsOf('engine/prng.ts', "import * as z from 'zod/mini';"),
      ...importsOf('grader/read/answers-file.ts', "import { readFile } from 'node:fs/promises';"),
      ...importsOf('src/lesson-data/training.ts', "import { DEFAULT } from '../islands/race.ts';"),
    ];
    expect(layeringViolations(planted)).toHaveLength(4);
  });

  it('allows the CLI to use Node and the course config', () => {
    const edges = [
      ...importsOf('grader/cli.ts', "import { readFile } from 'node:fs/promises';\nconst c = await import('../course.config.ts');"),
    ];
    expect(edges.map((e) => e.to)).toEqual(['node:fs/promises', 'course.config.ts']);
    expect(layeringViolations(edges)).toEqual([]);
  });

  it('finds a two-file cycle, type-only imports included', () => {
    const edges = [
      ...importsOf('engine/a.ts', "import type { B } from './b.ts';"),
      ...importsOf('engine/b.ts', "export { a } from './a.ts';"),
    ];
    expect(edges[0]!.typeOnly).toBe(true);
    expect(fileCycles(edges)).toEqual([['engine/a.ts', 'engine/b.ts', 'engine/a.ts']]);
  });

  it('ignores specifiers in comments', () => {
    expect(importsOf('engine/a.ts', "// import x from '../src/x.ts'\n/* import y from 'zod' */")).toEqual([]);
  });
});
