/**
 * `node bench/size.ts [dist]`: the gzip size of the JavaScript each built page
 * loads, against DESIGN.md's budgets. A page's JS is its module scripts and
 * island components (with their renderer), plus every chunk they import
 * statically; dynamic imports (the YAML code behind Download/Load answers,
 * Pagefind's search UI) and the race's Web Worker are listed apart.
 * "Ours" is what our entries (islands, our components' scripts, Astro's
 * island runtime) add beyond Starlight's own entries on the same page.
 * Then the layout shift per page on a phone (from the e2e run) and, from
 * bench/lighthouse.ts (`npm run size` runs it next), Lighthouse's scores.
 * Figures are printed, never asserted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = resolve(root, process.argv[2] ?? 'dist');
const KB = 1024;
const BUDGET = { plainLesson: 0, islandLesson: 40 * KB, exercise: 60 * KB };

/** Scripts Starlight and Astro add to every page: Starlight's component scripts, Astro's prefetch, Expressive Code. */
const starlightComponents = new Set(
  readdirSync(resolve(root, 'node_modules/@astrojs/starlight/dist/components')).map((f) => f.replace(/\.astro$/, '')),
);
const isStarlightEntry = (file: string): boolean => {
  const name = file.split('/').pop()!;
  const component = /^(.+?)\.astro_astro_type_script/.exec(name)?.[1];
  if (component) return starlightComponents.has(component);
  return /^(page|ec|starlight-toc)\.[\w-]+\.js$/.test(name);
};

const gz = new Map<string, number>();
const gzipOf = (file: string): number => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gz.get(file)!;
};
const gzipText = (text: string): number => gzipSync(Buffer.from(text), { level: 9 }).length;

/** The file in dist a URL points at (any base path), or undefined. */
function fileOf(url: string, from: string): string | undefined {
  const path = url.split(/[?#]/)[0]!;
  const astro = path.indexOf('_astro/');
  const candidate = astro >= 0 ? join(dist, path.slice(astro)) : resolve(from, '..', path);
  return existsSync(candidate) ? candidate : undefined;
}

interface Graph {
  eager: Set<string>;
  lazy: Set<string>;
  workers: Set<string>;
}

/** Static imports (eager), dynamic imports (lazy) and workers reachable from the entries. */
function graphOf(entries: readonly string[]): Graph {
  const g: Graph = { eager: new Set(), lazy: new Set(), workers: new Set() };
  const visit = (file: string, kind: 'eager' | 'lazy') => {
    if (g.eager.has(file) || (kind === 'lazy' && g.lazy.has(file))) return;
    g[kind].add(file);
    if (kind === 'eager') g.lazy.delete(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      const dep = fileOf(m[1]!, file);
      if (dep) visit(dep, kind);
    }
    for (const m of code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) {
      const dep = fileOf(m[1]!, file);
      if (dep) visit(dep, 'lazy');
    }
    for (const m of code.matchAll(/new Worker\(\s*new URL\(\s*["'`]([^"'`]+)["'`]/g)) {
      const dep = fileOf(m[1]!, file);
      if (dep) g.workers.add(dep);
    }
  };
  for (const e of entries) visit(e, 'eager');
  for (const f of g.eager) g.lazy.delete(f);
  return g;
}

interface PageJs {
  page: string;
  kind: 'lesson with islands' | 'lesson without islands' | 'exercise' | 'other';
  ours: number;
  starlight: number;
  inlineOurs: number;
  lazyOurs: number;
  worker: number;
  oursFiles: string[];
}

const sum = (files: Iterable<string>) => [...files].reduce((s, f) => s + gzipOf(f), 0);

function measure(htmlFile: string): PageJs {
  const html = readFileSync(htmlFile, 'utf8');
  const page = `/${relative(dist, htmlFile).split(sep).join('/')}`.replace(/index\.html$/, '');
  const srcs = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)]
    .map((m) => fileOf(m[1]!, htmlFile))
    .filter((f): f is string => !!f);
  const islands = [...html.matchAll(/<astro-island\b[^>]*>/g)]
    .flatMap((m) =>
      [/component-url="([^"]+)"/, /renderer-url="([^"]+)"/]
        .map((re) => re.exec(m[0])?.[1])
        .filter((u): u is string => !!u)
        .map((u) => fileOf(u, htmlFile)),
    )
    .filter((f): f is string => !!f);
  const theirs = graphOf(srcs.filter(isStarlightEntry));
  const ours = graphOf([...srcs.filter((s) => !isStarlightEntry(s)), ...islands]);
  const oursEager = [...ours.eager].filter((f) => !theirs.eager.has(f));
  const oursLazy = [...ours.lazy].filter((f) => !theirs.eager.has(f) && !theirs.lazy.has(f) && !ours.eager.has(f));
  // Astro's inline island runtime is there only because a page has islands: count it as ours.
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="(application\/json|application\/ld\+json)"/.test(m[1]!))
    .map((m) => m[2]!);
  const inlineOurs = inline
    .filter((code) => /astro-island|\(self\.Astro\|\|\(self\.Astro=\{\}\)\)/.test(code))
    .reduce((s, c) => s + gzipText(c), 0);
  // Islands are Preact components (astro-island) or small custom elements: a lesson's checkpoints are <vg-checkpoint>.
  const hasIslands = islands.length > 0 || html.includes('<vg-checkpoint');
  const kind = /^\/(?:[^/]+\/)*lessons\/[^/]+\/$/.test(page)
    ? hasIslands
      ? 'lesson with islands'
      : 'lesson without islands'
    : /exercises\/[^/]+\/$/.test(page)
      ? 'exercise'
      : 'other';
  return {
    page,
    kind,
    ours: sum(oursEager),
    starlight: sum(theirs.eager),
    inlineOurs,
    lazyOurs: sum(oursLazy),
    worker: sum(ours.workers),
    oursFiles: oursEager.map((f) => relative(dist, f)),
  };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' || name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

if (!existsSync(join(dist, 'index.html'))) {
  console.log(`No built site in ${dist}: run \`npm run build\` first.`);
  process.exit(0);
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const rows = htmlFiles(dist)
  .map(measure)
  .sort((a, b) => a.kind.localeCompare(b.kind) || a.page.localeCompare(b.page));
console.log(`JavaScript per page, gzip -9, from ${relative(root, dist) || '.'}/ (eager = scripts + islands + their static imports)\n`);
console.log(
  [
    'page'.padEnd(34),
    'kind'.padEnd(24),
    'ours'.padStart(9),
    'Starlight'.padStart(10),
    'total'.padStart(9),
    'lazy (ours)'.padStart(12),
    'worker'.padStart(9),
    '  budget',
  ].join(''),
);
for (const r of rows) {
  const ours = r.ours + r.inlineOurs;
  const total = ours + r.starlight;
  const budget =
    r.kind === 'lesson without islands'
      ? `ours ${ours === BUDGET.plainLesson ? '= 0 ✓' : `${kb(ours)} ✗ (budget 0)`}`
      : r.kind === 'lesson with islands'
        ? `${kb(total)} of 40 KB ${total <= BUDGET.islandLesson ? '✓' : '✗'}`
        : r.kind === 'exercise'
          ? `${kb(total)} of 60 KB ${total <= BUDGET.exercise ? '✓' : '✗'}`
          : '';
  console.log(
    [
      r.page.padEnd(34),
      r.kind.padEnd(24),
      kb(ours).padStart(9),
      kb(r.starlight).padStart(10),
      kb(total).padStart(9),
      kb(r.lazyOurs).padStart(12),
      kb(r.worker).padStart(9),
      `  ${budget}`,
    ].join(''),
  );
}

const worst = (kind: PageJs['kind']) =>
  rows.filter((r) => r.kind === kind).sort((a, b) => b.ours + b.inlineOurs - (a.ours + a.inlineOurs))[0];
for (const kind of ['lesson with islands', 'exercise'] as const) {
  const w = worst(kind);
  if (w)
    console.log(
      `\nLargest ${kind} (${w.page}), our files: ${w.oursFiles.map((f) => `${f.replace(/^_astro\//, '')} ${kb(gzipOf(join(dist, f)))}`).join(', ')}${w.inlineOurs ? `, inline island runtime ${kb(w.inlineOurs)}` : ''}`,
    );
}

// The race's per-epoch cost is measured in a real browser by the e2e tests.
const race = resolve(root, 'test-results/race.json');
if (existsSync(race)) {
  const r = JSON.parse(readFileSync(race, 'utf8')) as {
    epochs: number;
    raceSeconds: number;
    msPerEpochInWorker: number;
    longTasksDuringRace: { duration: number }[];
  };
  const longest = Math.max(0, ...r.longTasksDuringRace.map((t) => t.duration));
  console.log(
    `\nTraining race (test-results/race.json, from npm run test:e2e): ${r.msPerEpochInWorker} ms per epoch in the worker (all networks), ${r.epochs} epochs in ${r.raceSeconds.toFixed(1)} s; longest main-thread task during the race: ${longest} ms (budget 50 ms)`,
  );
} else {
  console.log('\nTraining race: run `npm run test:e2e` to measure its per-epoch cost in Chromium (written to test-results/race.json).');
}

// Layout shift per page at 390×844 is measured in a real browser by test/e2e/layout-shift.test.ts.
const cls = resolve(root, 'test-results/cls.json');
if (existsSync(cls)) {
  const r = JSON.parse(readFileSync(cls, 'utf8')) as { path: string; cls: number }[];
  const worstCls = [...r].sort((a, b) => b.cls - a.cls)[0];
  console.log(
    `\nLayout shift at 390×844 while loading and hydrating (test-results/cls.json, budget < 0.1): ${r.map((p) => `${p.path} ${p.cls.toFixed(3)}`).join(', ')}`,
  );
  if (worstCls) console.log(`Largest: ${worstCls.path} ${worstCls.cls.toFixed(4)}`);
} else {
  console.log('\nLayout shift: run `npm run test:e2e` to measure CLS per page at 390×844 (written to test-results/cls.json).');
}
