/**
 * `node bench/engine.ts`: times the engine's two interactive workloads against
 * their budgets and prints the figures (never asserts; a slow machine must not
 * fail anything). Each figure is the median of several runs after a warm-up.
 *
 * - The training race: two networks (sigmoid and ReLU), 5 hidden layers of
 *   width 8, 200 moons points, full batch, 300 epochs. Budget: the whole race
 *   under 250 ms in Node.
 * - gradientFlow at depth 50, width 32: recomputed on every slider move, so it
 *   must fit well inside one 16 ms frame.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { ActivationName } from '../engine/activations.ts';
import { makeDataset } from '../engine/datasets.ts';
import { gradientFlow, type FlowOptions } from '../engine/flow.ts';
import { train } from '../engine/train.ts';

const WARMUP = 3;
const RUNS = 9;

interface Timing {
  /** Median wall-clock time, ms: what a user waits. */
  wall: number;
  /** Median CPU time of this process, ms: close to the wall time on an idle machine, steadier on a busy one. */
  cpu: number;
}

/** Median times of `runs` calls of f, after `warmup` untimed calls. */
function median(f: (run: number) => void, runs = RUNS, warmup = WARMUP): Timing {
  for (let i = 0; i < warmup; i++) f(-1 - i);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    f(i);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}

const line = (label: string, t: Timing, budget: number) =>
  console.log(
    `${label.padEnd(46)} wall ${t.wall.toFixed(2).padStart(7)} ms  cpu ${t.cpu.toFixed(2).padStart(7)} ms   budget ${budget} ms   ${t.wall <= budget ? 'ok' : t.cpu <= budget ? 'ok on CPU time (machine busy)' : 'OVER'}`,
  );

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores (figures are noisier when it exceeds the core count)\n`,
);

const EPOCHS = 300;
const dataset = makeDataset({ name: 'moons', n: 200, seed: 1 });
const racer = (activation: ActivationName) => () =>
  train({
    network: {
      inputSize: 2,
      hidden: Array.from({ length: 5 }, () => ({ width: 8, activation })),
      init: { kind: 'xavier-normal' },
      seed: 1,
    },
    dataset,
    learningRate: 0.1,
    epochs: EPOCHS,
    seed: 1,
  });
const sigmoidRace = racer('sigmoid');
const reluRace = racer('relu');

console.log('training race: moons n=200, 5 × 8 hidden, full batch, η = 0.1, 300 epochs (+ epoch 0)');
const race = median(() => {
  sigmoidRace();
  reluRace();
});
line('  whole race (sigmoid + ReLU)', race, 250);
const epochs = 2 * (EPOCHS + 1);
console.log(
  `  per epoch (one forward + backward on 200 points): wall ${(race.wall / epochs).toFixed(3)} ms, cpu ${(race.cpu / epochs).toFixed(3)} ms`,
);
const [sig, relu] = [sigmoidRace(), reluRace()];
console.log(
  `  final loss: sigmoid ${sig.at(-1)!.loss.toFixed(4)} (start ${sig[0]!.loss.toFixed(4)}), ReLU ${relu.at(-1)!.loss.toFixed(4)} (start ${relu[0]!.loss.toFixed(4)})`,
);

console.log('\ngradientFlow: depth 50, width 32 (one frame = 16 ms)');
const deep: FlowOptions = {
  depth: 50,
  w: 0.1,
  activation: 'sigmoid',
  init: 'xavier',
  width: 32,
  residual: false,
  batchNorm: false,
  seed: 1,
};
const variants: [string, Partial<FlowOptions>][] = [
  ['sigmoid, Xavier', {}],
  ['tanh, Xavier', { activation: 'tanh' }],
  ['ReLU, He', { activation: 'relu', init: 'he' }],
  ['sigmoid, Xavier, residual', { residual: true }],
  ['sigmoid, Xavier, batch norm', { batchNorm: true }],
  ['sigmoid, constant w, width 1 (anchor chain)', { init: 'constant', width: 1 }],
];
for (const [label, change] of variants) {
  // A new seed per run, as a slider move would rebuild the network.
  line(
    `  ${label}`,
    median((run) => gradientFlow({ ...deep, ...change, seed: 100 + run }), 21, 5),
    16,
  );
}

// The training lab's figures (Chromium from the e2e test, Node measured here).
await import('./lab.ts');
