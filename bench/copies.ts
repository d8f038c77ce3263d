/**
 * `node bench/copies.ts [sizes…]`: the copy finder's budget (DESIGN.md: 10,000
 * crafted files in under 5 s of CPU, memory linear in the class), printed and
 * never asserted. Each size runs in a child process of its own, so its CPU
 * time and peak memory (resident set, from `process.resourceUsage()`) are the
 * copy finder's alone, not a neighbour's garbage. Three crafted classes, the
 * ones that broke the first version (docs/decisions.md: hostile classes):
 * - `groups`: groups of a tenth of the class sharing one odd value on each
 *   of 15 parts (every pair in a group shares 15 parts: quadratic pairs);
 * - `chain`: each file shares three odd values with the next (one group as
 *   long as the class: a recursive union-find overflowed the stack);
 * - `variants`: every file names its own learner, variants on, and answers
 *   with the next learner's numbers (the other-variant search).
 * The longest step of copySteps (the work between two pauses, wall clock) is
 * the longest task the browser's class report runs for the copy finder.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { copySteps, findCopies } from '../grader/class/copies.ts';
import { CRAFTED_KINDS as KINDS, craftedClass as crafted, type CraftedKind as Kind } from '../test/grader/copy-fixtures.ts';

const SIZES = [1_000, 4_000, 10_000];

const [kindArg, countArg] = process.argv.slice(2);
if (KINDS.includes(kindArg as Kind) && countArg) {
  // The child: build the class, then time findCopies alone.
  const reports = crafted(kindArg as Kind, Number(countArg));
  const before = process.resourceUsage();
  const groups = findCopies(reports);
  const after = process.resourceUsage();
  const cpu = (after.userCPUTime + after.systemCPUTime - before.userCPUTime - before.systemCPUTime) / 1e6;
  // The browser runs the same work in steps, yielding to the page between them: the longest step is its longest task.
  const steps = copySteps(reports);
  // Wall clock is what the page feels; CPU time tells a long step from a busy machine's preemption.
  let longest = 0;
  let longestCpu = 0;
  for (let done = false; !done; ) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    done = steps.next().done === true;
    const used = process.cpuUsage(cpuStart);
    longest = Math.max(longest, performance.now() - start);
    longestCpu = Math.max(longestCpu, (used.user + used.system) / 1000);
  }
  console.log(
    JSON.stringify({ cpu, maxRssMiB: after.maxRSS / 1024, groups: groups.length, longestStepMs: longest, longestStepCpuMs: longestCpu }),
  );
} else {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.log('copy finder on crafted classes (BUDGET: 10,000 files < 5 s CPU, memory linear)');
  for (const kind of KINDS) {
    for (const count of sizes.length ? sizes : SIZES) {
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), kind, String(count)], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      const line = run.stdout.trim().split('\n').at(-1) ?? '';
      if (run.status !== 0 || !line.startsWith('{')) {
        console.log(
          `  ${kind.padEnd(8)} ${String(count).padStart(6)} files: failed (exit ${run.status}) ${run.stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? ''}`,
        );
        continue;
      }
      const r = JSON.parse(line) as { cpu: number; maxRssMiB: number; groups: number; longestStepMs: number; longestStepCpuMs: number };
      console.log(
        `  ${kind.padEnd(8)} ${String(count).padStart(6)} files: ${r.cpu.toFixed(2)} s CPU, peak RSS ${r.maxRssMiB.toFixed(0)} MiB, ${r.groups} groups, longest step ${r.longestStepMs.toFixed(0)} ms (${r.longestStepCpuMs.toFixed(0)} ms CPU)${count === 10_000 ? ` (budget < 200 ms per browser task: ${stepVerdict(r.longestStepMs, r.longestStepCpuMs)})` : ''}${count === 10_000 ? ` (budget < 5 s CPU: ${r.cpu < 5 ? 'met' : 'MISSED'})` : ''}`,
      );
    }
  }
}

/** Met on the wall clock; or met on CPU time when other processes stretched the step (the machine's load says so). */
function stepVerdict(wallMs: number, cpuMs: number): string {
  if (wallMs < 200) return 'met';
  if (cpuMs < 200) return `met on CPU time, ${wallMs.toFixed(0)} ms of wall clock on a busy machine (load ${loadavg()[0]!.toFixed(1)})`;
  return 'MISSED';
}
