/**
 * Figures the training and limits lessons need beyond the race itself (read
 * from training.ts, which the lab owns): when the sigmoid network's per-layer
 * ordering inverts, and when a 3-layer sigmoid network leaves the plateau if it
 * trains for longer than the race's epochs.
 */
import { makeDataset } from '../../engine/datasets.ts';
import { train } from '../../engine/train.ts';
import { networkConfig } from './race-config.ts';
import { GRADIENT_MEASURE, RACE, sigmoidRun } from './training.ts';

/** The race's gradient measure, named once in training.ts: each layer's weight-gradient norm ‖∂L/∂W_l‖. */
export const MEASURE = GRADIENT_MEASURE.key;

const top = RACE.depth - 1;
/**
 * First epoch at which the sigmoid race's start-of-training order breaks: at the start each
 * hidden layer's gradient is larger than the one beneath it; from this epoch some layer's
 * falls below that of a layer beneath it.
 */
export const inversionEpoch =
  sigmoidRun.find((r) => r.gradNorms[MEASURE].slice(0, RACE.depth).some((g, k, all) => k > 0 && g < all[k - 1]!))?.epoch ?? NaN;
/** At the end of the race: layer 1's gradient over the last hidden layer's (near one: the layers are level). */
export const endFirstOverLast = (() => {
  const g = sigmoidRun[sigmoidRun.length - 1]!.gradNorms[MEASURE];
  return g[0]! / g[top]!;
})();
/** At the end of the race: the largest hidden layer's gradient over the smallest. */
export const endSpread = (() => {
  const g = sigmoidRun[sigmoidRun.length - 1]!.gradNorms[MEASURE].slice(0, RACE.depth);
  return Math.max(...g) / Math.min(...g);
})();

/** How far a 3-layer sigmoid network is trained to see it escape. */
export const LONG_EPOCHS = 2000;
export const ESCAPE_DEPTH = 3;
/** The loss counts as having left the plateau once it is this far below ln 2. */
export const ESCAPE_MARGIN = 0.05;

const longRun = train({
  network: networkConfig({ ...RACE, depth: ESCAPE_DEPTH }, { activation: 'sigmoid', init: 'xavier', batchNorm: false, residual: false }),
  dataset: makeDataset({ name: RACE.dataset, n: RACE.points, noise: RACE.noise, seed: RACE.seed }),
  learningRate: RACE.learningRate,
  epochs: LONG_EPOCHS,
  seed: RACE.seed,
});

export const threeLayers = {
  /** First epoch with loss below ln 2 − margin; NaN if it never leaves within LONG_EPOCHS. */
  escapeEpoch: longRun.find((r) => r.loss < Math.log(2) - ESCAPE_MARGIN)?.epoch ?? NaN,
  endLoss: longRun[longRun.length - 1]!.loss,
  endAccuracy: longRun[longRun.length - 1]!.accuracy,
};
