/**
 * The training figures, computed by the engine at build time: a sigmoid and a
 * ReLU network of identical shape and initialisation trained on the same
 * seeded data (the loss curve the post describes but does not show), and
 * sigmoid networks of several depths for the honest-limits lesson.
 */
import type { ActivationName } from '../../engine/activations.ts';
import { makeDataset } from '../../engine/datasets.ts';
import { train, type EpochReport } from '../../engine/train.ts';
import { DEFAULT_LAB, networkConfig, type LabActivation } from './race-config.ts';

/**
 * The race the engine's tests pin down (moons, 200 points, 5 hidden layers of width 8, Xavier,
 * full batch, η = 0.1, 300 epochs): the lab's defaults, so the lab replays this figure.
 */
export const RACE = DEFAULT_LAB;

/**
 * The one gradient measure of the course's training figures and of the lab:
 * the Frobenius norm of each layer's weight gradient. (The bias gradient,
 * Nielsen's choice, is exactly zero under batch norm, whose batch mean absorbs
 * any bias, so it could not compare a batch-norm network with the others.)
 */
export const GRADIENT_MEASURE = {
  key: 'weight',
  text: '‖∂L/∂W_l‖',
  tex: String.raw`\lVert \partial L / \partial W_l \rVert`,
  name: "the norm of the layer's weight gradient",
} as const;

const dataset = makeDataset({ name: RACE.dataset, n: RACE.points, noise: RACE.noise, seed: RACE.seed });

/** Trains one network of the race's shape with this activation and depth; every report, epochs 0 … RACE.epochs. */
export function run(activation: ActivationName, depth: number = RACE.depth): EpochReport[] {
  const network = { activation: activation as LabActivation, init: 'xavier', batchNorm: false, residual: false } as const;
  return train({
    network: networkConfig({ ...RACE, depth }, network),
    dataset,
    learningRate: RACE.learningRate,
    epochs: RACE.epochs,
    seed: RACE.seed,
  });
}

export const sigmoidRun = run('sigmoid');
export const reluRun = run('relu');

/** The epochs listed in the data tables: every 25th. */
export const TABLE_EPOCHS = Array.from({ length: RACE.epochs / 25 + 1 }, (_, i) => i * 25);

/** The epoch from which the prose measures the sigmoid network's plateau. */
export const PLATEAU_FROM = 25;

const last = <T>(xs: readonly T[]): T => xs[xs.length - 1]!;

/** Headline figures for the prose. */
export const race = {
  sigmoidStart: sigmoidRun[0]!.loss,
  sigmoidEnd: last(sigmoidRun).loss,
  sigmoidAccuracy: last(sigmoidRun).accuracy,
  reluStart: reluRun[0]!.loss,
  reluEnd: last(reluRun).loss,
  reluAccuracy: last(reluRun).accuracy,
  /** The loss of always predicting one half: ln 2. */
  chance: Math.log(2),
  /** Largest distance of the sigmoid loss from ln 2 from epoch PLATEAU_FROM on. */
  sigmoidMaxOffChance: Math.max(...sigmoidRun.slice(PLATEAU_FROM).map((r) => Math.abs(r.loss - Math.log(2)))),
  /** First epoch at which ReLU's loss is below half its start. */
  reluHalfEpoch: reluRun.find((r) => r.loss < reluRun[0]!.loss / 2)?.epoch ?? NaN,
};

/** Each layer's gradient norm over training: one series per layer (hidden layers, then the output). */
export function layerSeries(history: readonly EpochReport[], kind: 'weight' | 'bias' = GRADIENT_MEASURE.key) {
  const layers = history[0]!.gradNorms[kind].length;
  return Array.from({ length: layers }, (_, l) => ({
    label: l === layers - 1 ? 'output layer' : `layer ${l + 1}`,
    points: history.map((r) => [r.epoch, r.gradNorms[kind][l]!] as const),
  }));
}

/** At epoch 0: layer 1's gradient norm over the last hidden layer's (GRADIENT_MEASURE). */
export const firstOverLastAtStart = (history: readonly EpochReport[]) => {
  const g = history[0]!.gradNorms[GRADIENT_MEASURE.key];
  return g[0]! / g[g.length - 2]!;
};

/** Sigmoid networks of 1, 2, 3 and 5 hidden layers, same data, width and training. */
export const SHALLOW_DEPTHS = [1, 2, 3, 5] as const;
export const depthRuns = SHALLOW_DEPTHS.map((depth) => {
  const history = depth === RACE.depth ? sigmoidRun : run('sigmoid', depth);
  return { depth, start: history[0]!.loss, end: last(history).loss, accuracy: last(history).accuracy, history };
});
