/**
 * `node bench/grader.ts`: the grader's two budgets (DESIGN.md), printed and
 * never asserted, since a slow or busy machine must not fail anything.
 *
 * - Throughput: 12,000 generated answer files (correct, wrong, malformed;
 *   YAML and JSON; some with learners and variants on) graded in one process
 *   with gradeText, after a warm-up; the median of 3 passes. Budget: ≥ 10,000 files/s.
 * - The CLI on one file, whole process (Node start-up, imports, grading,
 *   printing), as `npm run grade` starts it (`node grader/cli.js`), with
 *   Node's compile cache warm: the median of 9 runs. Budget: ≤ 300 ms. A
 *   first run (cache off) and `node grader/cli.ts` are printed beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXERCISES } from '../exercises/index.ts';
import { createGrader } from '../grader/grade/grader.ts';
import { createRng, type Rng } from '../engine/prng.ts';
import { gradeCommand } from './grade-command.ts';

const { gradeText } = createGrader();

const FILES = 12_000;
const CLI_RUNS = 9;

/** A number written in one of the accepted forms. */
function written(rng: Rng, x: number): string | number {
  const [mantissa, exponent] = x.toExponential(3).split('e');
  switch (rng.int(5)) {
    case 0:
      return x;
    case 1:
      return x.toExponential(2);
    case 2:
      return `${mantissa} × 10^${Number(exponent)}`;
    case 3:
      return `${mantissa}*10**${Number(exponent)}`;
    default:
      return String(x);
  }
}

/** One answers document: each part right, wrong or missing at random. */
function answers(rng: Rng): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const exercise of EXERCISES) {
    const reference = exercise.answers(exercise.canonical);
    const parts: Record<string, unknown> = {};
    for (const part of exercise.parts) {
      const roll = rng.next();
      if (roll < 0.05) continue;
      const value = reference[part.id]!;
      if (typeof value === 'number') parts[part.id] = written(rng, roll < 0.7 ? value : value * (0.5 + rng.next()));
      else if (part.kind === 'choice') parts[part.id] = roll < 0.7 ? value : part.choices[rng.int(part.choices.length)];
      else parts[part.id] = roll < 0.7 ? value : 's*(1-s)';
    }
    out[exercise.id] = parts;
  }
  return out;
}

function yamlOf(doc: Record<string, unknown>): string {
  const lines = ['course: vanishing-gradients'];
  if (doc.learner) lines.push(`learner: ${JSON.stringify(doc.learner)}`);
  lines.push('answers:');
  for (const [exercise, parts] of Object.entries(doc.answers as Record<string, Record<string, unknown>>)) {
    lines.push(`  ${exercise}:`, ...Object.entries(parts).map(([id, v]) => `    ${id}: ${JSON.stringify(v)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** The generated corpus: [path, content, variants]. */
function corpus(): [string, string | Uint8Array, boolean][] {
  const rng = createRng(2024);
  const files: [string, string | Uint8Array, boolean][] = [];
  for (let i = 0; i < FILES; i++) {
    const doc: Record<string, unknown> = { answers: answers(rng) };
    const variants = rng.next() < 0.2;
    if (variants) doc.learner = `learner-${i}@example.edu`;
    const kind = rng.int(10);
    if (kind < 5) files.push([`s/${i}.yaml`, yamlOf(doc), variants]);
    else if (kind < 8) files.push([`s/${i}.json`, JSON.stringify(doc, null, 2), variants]);
    else if (kind === 8)
      files.push([
        `s/${i}.yaml`,
        yamlOf(doc)
          .replace('answers:', 'answers: [')
          .replace(/ratio:/, 'ratio: &a'),
        false,
      ]);
    else files.push([`s/${i}.yaml`, new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, ...new TextEncoder().encode(yamlOf(doc))]), false]);
  }
  return files;
}

// Wall-clock figures on a shared machine depend on what else runs: say how busy it was.
console.log(
  `machine: ${availableParallelism()} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const files = corpus();
const bytes = files.reduce((sum, [, content]) => sum + (typeof content === 'string' ? content.length : content.byteLength), 0);
for (const [path, content, variants] of files.slice(0, 2000)) gradeText(content, { path, variants }); // warm-up
// Three passes over the corpus; the median pass is the figure (a busy machine makes single runs noisy).
let graded = 0;
const passes = [0, 1, 2]
  .map(() => {
    const start = performance.now();
    graded = 0;
    for (const [path, content, variants] of files) if (gradeText(content, { path, variants }).status === 'graded') graded++;
    return (performance.now() - start) / 1000;
  })
  .sort((a, b) => a - b);
const seconds = passes[1]!;
const rate = FILES / seconds;
const byKind = (ext: string) => files.filter(([path]) => path.endsWith(ext));
console.log(
  `grader throughput: ${FILES} files (${(bytes / FILES).toFixed(0)} bytes on average; ${byKind('.yaml').length} YAML, ${byKind('.json').length} JSON; ${graded} graded, ${FILES - graded} unreadable)`,
);
console.log(
  `  ${Math.round(rate).toLocaleString('en-US')} files/s wall clock, median of 3 passes of ${seconds.toFixed(2)} s (budget ≥ 10,000 files/s) ${rate >= 10_000 ? 'within budget' : 'OVER BUDGET'}`,
);
for (const ext of ['.yaml', '.json']) {
  const subset = byKind(ext);
  const t = performance.now();
  for (const [path, content, variants] of subset) gradeText(content, { path, variants });
  console.log(
    `  ${ext.slice(1).toUpperCase()} files alone (malformed ones included): ${Math.round(subset.length / ((performance.now() - t) / 1000)).toLocaleString('en-US')} files/s wall clock`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'grader-bench-'));
const one = join(dir, 'answers.yaml');
writeFileSync(one, files.find(([path]) => path.endsWith('.yaml'))![1]);

/** Median, min and max milliseconds of `runs` whole-process runs of `entry` on one file. */
function timeEntry(entry: string, env: NodeJS.ProcessEnv, runs = CLI_RUNS): { median: number; min: number; max: number } {
  // npm run grade's command (its Node flags too), with `entry` as the script.
  const [node, ...args] = gradeCommand(`grader/${entry}`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(node, [...args, one], { stdio: 'ignore', env: { ...process.env, GITHUB_ACTIONS: '', ...env } });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, min: times[0]!, max: times.at(-1)! };
}

// The CLI turns on Node's compile cache, so a run after the first skips compiling and type stripping.
// Warm: the cache where the CLI keeps it (Node's default folder, not NODE_COMPILE_CACHE, which would
// turn it on before the entry script is read), filled by one run first. Cold: the cache off, as on a first run.
const cache = { NODE_COMPILE_CACHE: '' };
timeEntry('cli.js', cache, 1);
timeEntry('cli.ts', cache, 1);
const shown = (t: ReturnType<typeof timeEntry>) =>
  `median ${t.median.toFixed(0)} ms of ${CLI_RUNS} runs (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`;
const warm = timeEntry('cli.js', cache);
console.log(
  `CLI on one file, whole process, \`node grader/cli.js\` (what \`npm run grade\` runs), compile cache warm: ${shown(warm)} (budget ≤ 300 ms) ${warm.median <= 300 ? 'within budget' : 'OVER BUDGET'}`,
);
console.log(`  the same, compile cache off (a first run): ${shown(timeEntry('cli.js', { NODE_DISABLE_COMPILE_CACHE: '1' }))}`);
console.log(
  `  \`node grader/cli.ts\`, compile cache warm (Node strips the entry's types before the cache is on): ${shown(timeEntry('cli.ts', cache))}`,
);
