/**
 * `node bench/lab.ts` (also run at the end of `node bench/engine.ts`): the
 * training lab's speed against its budgets (DESIGN.md: 2 networks of 5 × 8 on
 * 200 points, 300 epochs ≤ 1 s and 5,000 epochs ≤ 10 s in Chromium, no
 * main-thread task over 50 ms while it runs). Prints, never asserts.
 * - In Chromium: the figures test/e2e/lab.test.ts wrote to test-results/lab.json.
 * - In Node: the same workload (the lab's two default networks, sigmoid and
 *   ReLU, with the per-epoch measurements the lab reports), wall and CPU time,
 *   so a busy machine's figures can be told from a slow engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { makeDataset } from '../engine/datasets.ts';
import { createTrainer } from '../engine/train.ts';

const BUDGET_S: Record<number, number> = { 300: 1, 5000: 10 };
const LONG_TASK_MS = 50;

interface Run {
  epochs: number;
  seconds: number;
  msPerEpochInWorker: number;
  longTasksDuringRun: { start: number; duration: number }[];
  /** 1, 5 and 15 minute load averages when the run ended (absent in older files). */
  loadAverage?: number[];
}

function chromium(): void {
  const file = fileURLToPath(new URL('../test-results/lab.json', import.meta.url));
  if (!existsSync(file)) {
    console.log(
      '  Chromium: no figures yet; `npx vitest run --config test/e2e/vitest.config.ts test/e2e/lab.test.ts` writes test-results/lab.json',
    );
    return;
  }
  const { measuredAt, runs } = JSON.parse(readFileSync(file, 'utf8')) as { measuredAt: string; runs: Run[] };
  console.log(`  Chromium (test-results/lab.json, ${measuredAt}):`);
  for (const r of runs) {
    const longest = Math.max(0, ...r.longTasksDuringRun.map((t) => t.duration));
    const budget = BUDGET_S[r.epochs];
    const verdict = budget === undefined ? '' : `budget ${budget} s ${r.seconds <= budget ? 'ok' : 'OVER'}`;
    const load = r.loadAverage ? `  [load ${r.loadAverage.join(' ')}]` : '';
    console.log(
      `    ${String(r.epochs).padStart(5)} epochs: ${r.seconds.toFixed(2).padStart(6)} s  (${r.msPerEpochInWorker.toFixed(2)} ms per epoch in the worker)  ${verdict.padEnd(16)}  longest main-thread task ${Math.round(longest)} ms (budget ${LONG_TASK_MS}: ${longest <= LONG_TASK_MS ? 'ok' : 'OVER'}), ${r.longTasksDuringRun.length} tasks over ${LONG_TASK_MS} ms${load}`,
    );
  }
}

function node(): void {
  const data = makeDataset({ name: 'moons', n: 200, noise: 0.1, seed: 1 });
  console.log('  Node, the same two networks (engine only, one thread):');
  for (const epochs of [300, 5000]) {
    const trainers = (['sigmoid', 'relu'] as const).map((activation) =>
      createTrainer({
        network: {
          inputSize: 2,
          hidden: Array.from({ length: 5 }, () => ({ width: 8, activation })),
          init: { kind: 'xavier-normal' },
          seed: 1,
        },
        dataset: data,
        learningRate: 0.1,
        epochs,
        seed: 1,
      }),
    );
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    while (!trainers.every((t) => t.done)) for (const t of trainers) t.step();
    const wall = (performance.now() - t0) / 1000;
    const used = process.cpuUsage(cpu0);
    const cpu = (used.user + used.system) / 1e6;
    const budget = BUDGET_S[epochs]!;
    console.log(
      `    ${String(epochs).padStart(5)} epochs: wall ${wall.toFixed(2).padStart(6)} s, cpu ${cpu.toFixed(2).padStart(6)} s  budget ${budget} s  ${wall <= budget ? 'ok' : cpu <= budget ? 'ok on CPU time (machine busy)' : 'OVER'}`,
    );
  }
}

console.log(
  `\ntraining lab: 2 networks of 5 × 8, 200 moons points, full batch (load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores)`,
);
chromium();
node();
