/**
 * A deterministic training loop: plain SGD on the mean BCE, full-batch or
 * mini-batch (rows reshuffled each epoch with the config's seed), with
 * optional classical momentum v ← μv − η∇L, θ ← θ + v. It steps one epoch at
 * a time so a Web Worker can stream the reports.
 */
import type { Dataset } from './datasets.ts';
import { updateToWeightRatio } from './diagnostics.ts';
import {
  createMlp,
  lossAndGradients,
  parameterArrays,
  predict,
  recordBatchStats,
  type GradNorms,
  type Mlp,
  type MlpConfig,
} from './mlp.ts';
import { createRng, shuffleInPlace } from './prng.ts';

export interface TrainConfig {
  network: MlpConfig;
  dataset: Dataset;
  /** η */
  learningRate: number;
  /** Number of training epochs; `train` returns epochs + 1 reports (0 … epochs). */
  epochs: number;
  /** Examples per update; default the whole dataset (full-batch gradient descent). */
  batchSize?: number;
  /** μ for classical momentum; default 0 (plain SGD). */
  momentum?: number;
  /** Seed for the mini-batch order (the weights use `network.seed`). */
  seed: number;
}

/** The network measured on the whole dataset after `epoch` epochs of training. */
export interface EpochReport {
  epoch: number;
  /** Mean binary cross-entropy. */
  loss: number;
  /** Fraction classified correctly at threshold 0.5. */
  accuracy: number;
  /** ‖∂L/∂W_l‖_F and ‖∂L/∂b_l‖; index 0 = first hidden layer, last = output layer. */
  gradNorms: GradNorms;
  /** Per hidden layer: the share of (example, unit) pairs whose slope is saturated (engine/diagnostics.ts). */
  saturation: number[];
  /**
   * Per layer (hidden layers, then the output): ‖ΔW_l‖ / ‖W_l‖ averaged over
   * the epoch's updates (one update with full batches); all 0 at epoch 0.
   */
  updateRatio: number[];
}

export interface Trainer {
  /**
   * The first call measures the untouched network and returns epoch 0. Each
   * later call trains one epoch (⌈n / batchSize⌉ updates) and returns the
   * report for the network after it: epoch 1, 2, … It does not stop at
   * `config.epochs`; check `done`.
   */
  step(): EpochReport;
  /** The number of the last report (−1 before the first step). */
  readonly epoch: number;
  /** True once the report for `config.epochs` exists. */
  readonly done: boolean;
  /** Every report so far, in order. */
  readonly history: EpochReport[];
  /** The network being trained (its arrays change in place). */
  readonly network: Mlp;
  /** The current network's probability of class 1 for n rows of X (batch norm in inference mode). */
  predict(X: Float64Array, n: number): Float64Array;
}

/** Sets up a network and optimiser; nothing is computed until `step()`. */
export function createTrainer(config: TrainConfig): Trainer {
  const { dataset, learningRate, momentum = 0 } = config;
  const n = dataset.n;
  const batchSize = Math.min(config.batchSize ?? n, n);
  if (!(batchSize >= 1)) throw new RangeError(`batchSize must be at least 1, got ${config.batchSize}`);
  const dims = dataset.dims;
  const network = createMlp(config.network);
  const params = parameterArrays(network.layers);
  const velocity = params.map((p) => new Float64Array(p.length));
  const rng = createRng(config.seed);
  const order = Array.from({ length: n }, (_, i) => i);
  const batchX = new Float64Array(batchSize * dims);
  const batchY = new Float64Array(batchSize);
  const history: EpochReport[] = [];
  // The last full-dataset measurement; with full batches its gradient is the next update's.
  let measured = lossAndGradients(network, dataset.X, dataset.y, n);

  const layers = network.layers.length;
  // Where each layer's W sits in `params`, and the sum of its update ratios over the current epoch.
  const weightIndex = network.layers.map((layer) => params.indexOf(layer.W));
  const ratioSum = new Float64Array(layers);
  let updates = 0;

  const update = (measurement: ReturnType<typeof lossAndGradients>, m: number) => {
    const g = parameterArrays(measurement.grads);
    for (let l = 0; l < layers; l++) {
      // The velocity is the update itself (θ ← θ + v); the ratio is taken against W before the step.
      const a = weightIndex[l]!;
      const p = params[a]!;
      const before = p.slice();
      step(a, g[a]!);
      ratioSum[l] = ratioSum[l]! + updateToWeightRatio(velocity[a]!, before);
    }
    params.forEach((_, a) => {
      if (!weightIndex.includes(a)) step(a, g[a]!);
    });
    recordBatchStats(network, measurement.batchStats, m);
    updates++;
  };
  const step = (a: number, ga: Float64Array) => {
    const p = params[a]!;
    const v = velocity[a]!;
    for (let i = 0; i < p.length; i++) {
      v[i] = momentum * v[i]! - learningRate * ga[i]!;
      p[i] = p[i]! + v[i]!;
    }
  };

  const trainEpoch = () => {
    ratioSum.fill(0);
    updates = 0;
    if (batchSize === n) {
      update(measured, n);
      return;
    }
    shuffleInPlace(rng, order);
    for (let start = 0; start < n; start += batchSize) {
      const m = Math.min(batchSize, n - start);
      for (let r = 0; r < m; r++) {
        const i = order[start + r]!;
        for (let d = 0; d < dims; d++) batchX[r * dims + d] = dataset.X[i * dims + d]!;
        batchY[r] = dataset.y[i]!;
      }
      update(lossAndGradients(network, batchX.subarray(0, m * dims), batchY.subarray(0, m), m), m);
    }
  };

  return {
    step() {
      if (history.length > 0) {
        trainEpoch();
        measured = lossAndGradients(network, dataset.X, dataset.y, n);
      }
      const report: EpochReport = {
        epoch: history.length,
        loss: measured.loss,
        accuracy: measured.accuracy,
        gradNorms: { weight: measured.gradNorms.weight.slice(), bias: measured.gradNorms.bias.slice() },
        saturation: measured.saturation,
        updateRatio: Array.from(ratioSum, (r) => (updates ? r / updates : 0)),
      };
      history.push(report);
      return report;
    },
    get epoch() {
      return history.length - 1;
    },
    get done() {
      return history.length > config.epochs;
    },
    history,
    network,
    predict: (X, m) => predict(network, X, m),
  };
}

/** Runs epochs 0 … config.epochs and returns every report. */
export function train(config: TrainConfig): EpochReport[] {
  const trainer = createTrainer(config);
  while (!trainer.done) trainer.step();
  return trainer.history;
}
