/**
 * The training lesson's race, in one place: two networks of the same shape,
 * sigmoid against ReLU, on the same seeded two-moons data. The lesson's
 * checkpoints (checkpoints/training.ts) train it here; the lab opens with it
 * and the lesson's figures are computed from it (src/lesson-data/race-config.ts
 * builds its DEFAULT_LAB from these settings). Imports the engine only.
 */
import type { DatasetName } from '../engine/datasets.ts';
import type { InitScheme } from '../engine/mlp.ts';

/** How a network's starting weights are drawn: every weight one constant, or Xavier's or He's random scale. */
export type InitChoice = 'constant' | 'xavier' | 'he';

/** The hidden activations the race compares. */
export type RaceActivation = 'sigmoid' | 'relu';

export interface RaceSetup {
  dataset: DatasetName;
  /** Standard deviation of the jitter on each coordinate. */
  noise: number;
  points: number;
  /** Hidden layers, all of the same width. */
  depth: number;
  width: number;
  learningRate: number;
  epochs: number;
  /** Examples per update; equal to `points` for full-batch gradient descent, as in the race. */
  batchSize: number;
  /** Seeds the data, the weights and the batch order. */
  seed: number;
  init: InitChoice;
  /** The weight every connection gets under constant initialisation (the post's anchor uses 0.1). */
  constantW: number;
  /** One network per activation, in this order. */
  activations: readonly RaceActivation[];
}

/** Moons, 200 points, 5 hidden layers of 8, Xavier, full batch, η = 0.1, 300 epochs, sigmoid against ReLU. */
export const RACE_SETUP: Readonly<RaceSetup> = {
  dataset: 'moons',
  noise: 0.1,
  points: 200,
  depth: 5,
  width: 8,
  learningRate: 0.1,
  epochs: 300,
  batchSize: 200,
  seed: 1,
  init: 'xavier',
  constantW: 0.1,
  activations: ['sigmoid', 'relu'],
};

/** The engine's weight scheme for an initialisation choice. */
export function initScheme(init: InitChoice, constantW: number): InitScheme {
  if (init === 'constant') return { kind: 'constant', value: constantW };
  return init === 'xavier' ? { kind: 'xavier-normal' } : { kind: 'he' };
}
