/**
 * `node bench/class.ts`: the class-level budgets (DESIGN.md), printed and
 * never asserted.
 *
 * - The CLI on a folder of 10,000 generated answer files writing the JSON
 *   report (--out), whole process, against the same on 1,000 files: the
 *   difference is the marginal rate, start-up excluded. Budget ≥ 5,000 files/s.
 *   On four cores or more the CLI grades a class this large on several
 *   threads (grader/cli/grade-files.ts; the line printed says how many), so
 *   the wall clock is the figure; CPU time, summed over threads, is printed
 *   beside it.
 * - `node grade.mjs` on one file, whole process, with the system's Node (the
 *   learner's CI or laptop, not the project's Node 24). Budget ≤ 200 ms. Runs
 *   alternate with `node -e 0`, printed beside it: on a busy machine Node's
 *   own start-up says how much of the figure is the machine.
 *
 * Each budget's line starts with BUDGET. Wall clock and CPU time (user +
 * system, from bash's `time`) are both printed: on a shared machine CPU time
 * is the steadier figure, since it leaves out waiting for a core.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../engine/prng.ts';
import { defaultThreads } from '../grader/cli/grade-files.ts';
import { gradeCommand } from './grade-command.ts';
import { bundleGrader } from '../src/integrations/grader-bundle.ts';
import { answersFile, referenceAnswers } from '../test/grader/class-fixtures.ts';

const SMALL = 1_000;
const LARGE = 10_000;
const RUNS = 3;
const MJS_RUNS = 9;

const root = mkdtempSync(join(tmpdir(), 'vg-bench-class-'));
const rng = createRng(13);
const reference = referenceAnswers(undefined, false);

/** A class of `count` files: most parts right, some wrong or missing, a few unreadable. */
function writeClass(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const answers = structuredClone(reference);
    for (const parts of Object.values(answers)) {
      for (const id of Object.keys(parts)) {
        const roll = rng.next();
        if (roll < 0.05) delete parts[id];
        else if (roll < 0.25 && typeof parts[id] === 'number') parts[id] = (parts[id] as number) * (0.5 + rng.next());
      }
    }
    const text = i % 50 === 49 ? 'answers: [\n' : answersFile(`learner-${i}@example.edu`, answers);
    writeFileSync(join(dir, `learner-${String(i).padStart(5, '0')}.json`), text);
  }
}

// What `npm run grade` runs, Node flags included.
const [node, ...cli] = gradeCommand();

/**
 * Runs a command and returns its wall-clock and CPU seconds (user + system), both from bash's
 * `time`, so they cover the command alone and not bash starting. On a shared machine the CPU
 * time is the steadier figure, since it leaves out waiting for a core. Bash runs without its
 * start-up files (--norc): a login's .bashrc can take longer than the command being timed.
 */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv): { wall: number; cpu: number; status: number | null } {
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', `TIMEFORMAT='%3R %3U %3S'; time ${quoted} >/dev/null 2>&1`], {
    encoding: 'utf8',
    env,
  });
  const [wall = 0, user = 0, system = 0] = run.stderr.trim().split(/\s+/).slice(-3).map(Number);
  return { wall, cpu: user + system, status: run.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall-clock and CPU seconds of the CLI grading `dir` into a JSON report. */
function timeCli(dir: string): { seconds: number; cpu: number; bytes: number } {
  const out = join(root, 'report.json');
  const runs = Array.from({ length: RUNS }, () =>
    timed(node, [...cli, dir, '--format', 'json', '--out', out, '--no-variants'], { ...process.env, GITHUB_ACTIONS: '' }),
  );
  if (runs.some((r) => r.status === 2)) throw new Error(`the CLI failed on ${dir}`);
  return { seconds: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), bytes: statSync(out).size };
}

console.log(
  `machine: ${availableParallelism()} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; the CLI grades a large class on ${defaultThreads()} thread(s) here`,
);
writeClass(join(root, 'small'), SMALL);
writeClass(join(root, 'large'), LARGE);
const small = timeCli(join(root, 'small'));
const large = timeCli(join(root, 'large'));
const marginal = (LARGE - SMALL) / (large.seconds - small.seconds);
const marginalCpu = (LARGE - SMALL) / (large.cpu - small.cpu);
const verdict = (wall: boolean, cpu: boolean): string =>
  wall ? 'within budget' : cpu ? 'over budget on the wall clock of this busy machine, within it in CPU time' : 'OVER BUDGET';
console.log(
  `CLI writing the JSON report: ${SMALL.toLocaleString('en-US')} files in ${small.seconds.toFixed(2)} s (CPU ${small.cpu.toFixed(2)} s), ${LARGE.toLocaleString('en-US')} files in ${large.seconds.toFixed(2)} s (CPU ${large.cpu.toFixed(2)} s); report ${(large.bytes / 1024 / 1024).toFixed(1)} MiB; median of ${RUNS} runs each`,
);
console.log(
  `  marginal = (${LARGE.toLocaleString('en-US')} − ${SMALL.toLocaleString('en-US')}) files ÷ (time on ${LARGE.toLocaleString('en-US')} − time on ${SMALL.toLocaleString('en-US')}): start-up (Node, imports, course config) cancels out`,
);
console.log(
  `BUDGET CLI on 10,000 files writing the JSON report, marginal: ${Math.round(marginal).toLocaleString('en-US')} files/s wall clock, ${Math.round(marginalCpu).toLocaleString('en-US')} files/s of CPU time (budget ≥ 5,000 files/s) ${verdict(marginal >= 5_000, marginalCpu >= 5_000)}`,
);

const mjs = join(root, 'grade.mjs');
await bundleGrader({ outFile: mjs });
const one = join(root, 'answers.json');
writeFileSync(one, answersFile('ada@example.edu', reference));
const systemNode = spawnSync('node', ['--version'], { encoding: 'utf8' }).stdout.trim();
const env = { PATH: process.env.PATH ?? '' };
// Runs alternate with Node doing nothing, so both see the same load: the difference is what grade.mjs adds.
const runs: ReturnType<typeof timed>[] = [];
const bare: ReturnType<typeof timed>[] = [];
for (let i = 0; i < MJS_RUNS; i++) {
  runs.push(timed('node', [mjs, one], env));
  bare.push(timed('node', ['-e', '0'], env));
}
if (runs.some((r) => r.status !== 0)) throw new Error('grade.mjs failed on the reference answers');
const ms = median(runs.map((r) => r.wall)) * 1000;
const cpuMs = median(runs.map((r) => r.cpu)) * 1000;
const bareMs = median(bare.map((r) => r.wall)) * 1000;
const bareCpuMs = median(bare.map((r) => r.cpu)) * 1000;
console.log(
  `node grade.mjs on one file, whole process (system Node ${systemNode}, bundle ${(statSync(mjs).size / 1024).toFixed(0)} KiB), median of ${MJS_RUNS} runs; Node alone (\`node -e 0\`) takes ${bareMs.toFixed(0)} ms wall clock, ${bareCpuMs.toFixed(0)} ms CPU here, so grade.mjs adds ${(ms - bareMs).toFixed(0)} ms wall clock, ${(cpuMs - bareCpuMs).toFixed(0)} ms CPU`,
);
console.log(
  `BUDGET node grade.mjs on one file: ${ms.toFixed(0)} ms wall clock, ${cpuMs.toFixed(0)} ms CPU (budget ≤ 200 ms) ${verdict(ms <= 200, cpuMs <= 200)}`,
);
rmSync(root, { recursive: true, force: true });
