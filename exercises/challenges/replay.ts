/**
 * Replays a lab setup on the reference engine, as the lab's runner does
 * (src/islands/lab/runner.ts: one data set from the setup's seed, every
 * network from the same seed, the same trainer), and measures what the
 * challenges judge: each epoch's loss, the final report, and the ReLU units
 * that are dead at the end. A run whose loss stops being a number stops
 * there. Imports the engine only.
 */
import { makeDataset } from '../../engine/datasets.ts';
import { forward } from '../../engine/mlp.ts';
import type { MlpConfig } from '../../engine/network.ts';
import { createTrainer, type EpochReport } from '../../engine/train.ts';
import { initScheme } from '../race.ts';
import type { LabSetup, SetupNetwork } from './setup.ts';

/** A loss this many times the starting loss (or not finite) counts as diverged. */
export const DIVERGED_FACTOR = 3;

export interface NetworkRun {
  /** The epoch-0 report and the last one (the run's end, or where it diverged). */
  first: EpochReport;
  last: EpochReport;
  /**
   * Where the run diverged: the first epoch whose loss was not finite (the run stops there), or the first
   * whose loss rose over DIVERGED_FACTOR × the starting loss in a run that ended above its start (a
   * spike the run recovers from is not divergence); undefined if neither.
   */
  divergedAt?: number;
  /** Hidden ReLU units that output 0 for every training point at the end (0 for other activations), and all hidden units. */
  dead: number;
  units: number;
}

/** The engine's network for one of the lab's networks (race-config.ts's networkConfig). */
export function setupNetworkConfig(s: LabSetup, n: SetupNetwork): MlpConfig {
  return {
    inputSize: 2,
    hidden: Array.from({ length: s.depth }, () => ({ width: s.width, activation: n.activation })),
    init: initScheme(n.init, s.constantW),
    batchNorm: n.batchNorm,
    residual: n.residual,
    seed: s.seed,
  };
}

/** Multiply-adds of one replay, roughly: forward and backward (×3) over every point, layer and epoch, per network. */
export function replayWork(s: LabSetup, networks: number): number {
  const perPoint = 2 * s.width + Math.max(0, s.depth - 1) * s.width * s.width + s.width;
  return 3 * networks * s.points * perPoint * (s.epochs + 1);
}

/** Trains the first `count` networks of the setup and measures each. */
export function replay(s: LabSetup, count: number): NetworkRun[] {
  const data = makeDataset({ name: s.dataset, n: s.points, noise: s.noise, seed: s.seed });
  return s.networks.slice(0, count).map((n) => {
    const trainer = createTrainer({
      network: setupNetworkConfig(s, n),
      dataset: data,
      learningRate: s.learningRate,
      epochs: s.epochs,
      batchSize: s.batchSize,
      seed: s.seed,
    });
    const first = trainer.step();
    let last = first;
    let blowUp: number | undefined;
    while (!trainer.done) {
      last = trainer.step();
      if (blowUp === undefined && !(last.loss <= DIVERGED_FACTOR * first.loss)) blowUp = last.epoch;
      // Not a number in, not a number out: nothing after this epoch can change the verdict.
      if (!Number.isFinite(last.loss)) break;
    }
    const divergedAt = blowUp !== undefined && !(last.loss <= first.loss) ? blowUp : undefined;
    const { dead, units } = deadUnits(n, trainer.network, data.X, data.n);
    return { first, last, ...(divergedAt === undefined ? {} : { divergedAt }), dead, units };
  });
}

/** ReLU units whose input is ≤ 0 for every point (batch statistics as in training), after the run. */
function deadUnits(
  n: SetupNetwork,
  network: ReturnType<typeof createTrainer>['network'],
  X: Float64Array,
  points: number,
): { dead: number; units: number } {
  const hidden = network.layers.slice(0, -1);
  const units = hidden.reduce((sum, l) => sum + l.outSize, 0);
  if (n.activation !== 'relu') return { dead: 0, units };
  const ws = forward(network, X, points, 'train');
  let dead = 0;
  hidden.forEach((layer, l) => {
    const df = ws.layers[l]!.df;
    for (let j = 0; j < layer.outSize; j++) {
      let alive = false;
      for (let i = 0; i < points && !alive; i++) alive = df[i * layer.outSize + j]! > 0;
      if (!alive) dead++;
    }
  });
  return { dead, units };
}
