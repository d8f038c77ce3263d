/**
 * The project's import graph, read from the source files themselves, and the
 * layering it must follow (the table in README.md, "Layout"). Pure functions
 * over a file list, so the test and `npm run layers` share one reading.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** A layer: a name, the paths it owns, and the layers it may import. */
export interface Layer {
  name: string;
  /** Repository-relative path prefixes (a folder ends with '/'). */
  owns: readonly string[];
  /** Layer names this layer may import, itself excluded (a layer may always import itself). */
  mayImport: readonly string[];
  /** Bare package names it may import ('node:' counts as one package). */
  packages: readonly string[];
}

/** Bottom to top. The order is the architecture; the test checks every edge against it. */
export const LAYERS: readonly Layer[] = [
  // The course manifest (course/manifest.ts): plain data, the one list of lessons, guides and exercises.
  { name: 'manifest', owns: ['course/'], mayImport: [], packages: [] },
  { name: 'engine', owns: ['engine/'], mayImport: [], packages: [] },
  { name: 'exercises', owns: ['exercises/'], mayImport: ['manifest', 'engine'], packages: ['zod'] },
  { name: 'grader', owns: ['grader/'], mayImport: ['engine', 'exercises'], packages: ['zod', 'yaml'] },
  {
    name: 'cli',
    owns: ['grader/cli.ts', 'grader/cli.js', 'grader/cli/'],
    mayImport: ['engine', 'exercises', 'grader', 'course'],
    packages: ['node:', 'zod', 'yaml'],
  },
  { name: 'course', owns: ['course.config.ts', 'course.schema.ts'], mayImport: ['grader'], packages: [] },
  { name: 'lesson-data', owns: ['src/lesson-data/'], mayImport: ['manifest', 'engine', 'exercises'], packages: [] },
  // Scales, ticks and paths for every plot, drawn at build time (figures) or in the browser (islands).
  { name: 'charts', owns: ['src/charts/'], mayImport: ['engine'], packages: [] },
  {
    name: 'islands',
    owns: ['src/islands/'],
    mayImport: ['manifest', 'engine', 'exercises', 'grader', 'course', 'lesson-data', 'charts'],
    packages: ['preact', 'yaml'],
  },
  {
    name: 'site',
    owns: ['src/', 'astro.config.mjs'],
    mayImport: ['manifest', 'engine', 'exercises', 'grader', 'course', 'lesson-data', 'charts', 'islands'],
    packages: ['*'],
  },
  // Runnable examples for instructors and learners; a lesson may show one's source.
  { name: 'examples', owns: ['examples/'], mayImport: ['engine', 'exercises', 'grader'], packages: ['node:'] },
  {
    name: 'content',
    owns: ['content/'],
    mayImport: ['manifest', 'engine', 'exercises', 'lesson-data', 'islands', 'site', 'examples'],
    packages: ['@astrojs/starlight'],
  },
  // Tests, benchmarks and build-time scripts (the SCORM packager) run in Node and may read every layer.
  { name: 'tooling', owns: ['test/', 'bench/', 'scripts/', 'vitest.config.ts'], mayImport: ['*'], packages: ['*'] },
];

export interface Edge {
  from: string;
  to: string;
  /** The specifier as written. */
  spec: string;
  typeOnly: boolean;
}

const SOURCE = /\.(ts|tsx|mts|mjs|js|astro|mdx)$/;
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'coverage']);

/** Every source file under `root`, repository-relative, with '/' separators. */
export function sourceFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const entry of readdirSync(join(root, current), { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const path = current ? `${current}/${entry.name}` : entry.name;
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile() && SOURCE.test(entry.name)) out.push(path);
    }
  }
  return out.sort();
}

// `import x from '…'`, `export … from '…'`, `import '…'`, `import('…')`, `new URL('…', import.meta.url)`.
const SPECIFIER =
  /(?:^|[\s;{}])(?:(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?|import\s*\(\s*|new URL\(\s*)(['"])([^'"\n]+)\3/gm;

/** The import edges of one file's text. Specifiers inside comments are ignored. */
export function importsOf(file: string, text: string): Edge[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const edges: Edge[] = [];
  for (const m of code.matchAll(SPECIFIER)) {
    const spec = m[4]!;
    const relativeSpec = spec.startsWith('./') || spec.startsWith('../');
    const to = relativeSpec
      ? normalize(join(dirname(file), spec))
          .split('\\')
          .join('/')
      : spec;
    edges.push({ from: file, to, spec, typeOnly: Boolean(m[2]) });
  }
  return edges;
}

/** The layer that owns a repository-relative path: the longest matching prefix wins. */
export function layerOf(path: string): Layer | undefined {
  let best: Layer | undefined;
  let bestLength = -1;
  for (const layer of LAYERS) {
    for (const prefix of layer.owns) {
      const hit = prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix;
      if (hit && prefix.length > bestLength) {
        best = layer;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

function packageName(spec: string): string {
  if (spec.startsWith('node:')) return 'node:';
  const parts = spec.split('/');
  return spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Every edge that breaks the layering, worded for a person. */
export function layeringViolations(edges: readonly Edge[]): string[] {
  const problems: string[] = [];
  for (const edge of edges) {
    const from = layerOf(edge.from);
    if (!from) continue;
    const local = !/^[@\w]/.test(edge.spec) || edge.spec.startsWith('.');
    if (local) {
      const to = layerOf(edge.to);
      if (!to || to === from) continue;
      if (!from.mayImport.includes('*') && !from.mayImport.includes(to.name)) {
        problems.push(
          `${edge.from} (${from.name}) imports ${edge.to} (${to.name}); ${from.name} may import ${from.mayImport.join(', ') || 'nothing of the project'}`,
        );
      }
    } else if (!from.packages.includes('*')) {
      const name = packageName(edge.spec);
      const allowed = from.packages.includes(name);
      if (!allowed)
        problems.push(
          `${edge.from} (${from.name}) imports the package '${edge.spec}'; ${from.name} may use ${from.packages.join(', ') || 'no packages'}`,
        );
    }
  }
  return problems;
}

/** File-level cycles among the project's own files (type-only imports included): each as a → b → … → a. */
export function fileCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!e.spec.startsWith('.')) continue;
    const list = next.get(e.from) ?? [];
    list.push(e.to);
    next.set(e.from, list);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  // Iterative depth-first search: a deep chain of imports cannot overflow the stack.
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const frames: { node: string; i: number }[] = [{ node: start, i: 0 }];
    state.set(start, 'open');
    path.push(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const targets = next.get(frame.node) ?? [];
      if (frame.i < targets.length) {
        const to = targets[frame.i++]!;
        const seen = state.get(to);
        if (seen === 'open') cycles.push([...path.slice(path.indexOf(to)), to]);
        else if (seen === undefined) {
          state.set(to, 'open');
          path.push(to);
          frames.push({ node: to, i: 0 });
        }
      } else {
        state.set(frame.node, 'done');
        path.pop();
        frames.pop();
      }
    }
  }
  return cycles;
}

/** All edges of the repository at `root`. */
export function importGraph(root: string): Edge[] {
  return sourceFiles(root).flatMap((file) => importsOf(file, readFileSync(join(root, file), 'utf8')));
}

/** Layer-to-layer edge counts, for `npm run layers`. */
export function layerMatrix(edges: readonly Edge[]): Map<string, Map<string, number>> {
  const matrix = new Map<string, Map<string, number>>();
  for (const e of edges) {
    if (!e.spec.startsWith('.')) continue;
    const from = layerOf(e.from)?.name;
    const to = layerOf(e.to)?.name;
    if (!from || !to || from === to) continue;
    const row = matrix.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    matrix.set(from, row);
  }
  return matrix;
}
