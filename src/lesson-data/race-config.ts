/** The training race's settings and the networks it pits against each other; shared by the island and its worker. */
import type { DatasetName } from '../../engine/datasets.ts';
import type { EpochReport } from '../../engine/train.ts';
import type { MlpConfig, InitScheme } from '../../engine/mlp.ts';

/** The optional third network: a fix for the sigmoid network's vanishing gradient. */
export type RaceFix = 'none' | 'he' | 'batchnorm' | 'residual';
export const RACE_FIXES: readonly RaceFix[] = ['none', 'he', 'batchnorm', 'residual'];

export interface RaceSettings {
  dataset: DatasetName;
  /** Points in the dataset. */
  points: number;
  /** Hidden layers, all of the same width. */
  depth: number;
  width: number;
  learningRate: number;
  epochs: number;
  /** Seeds the dataset, the weights and the batch order. */
  seed: number;
  fix: RaceFix;
  /** The initialisation shared by the sigmoid and ReLU networks (same shape, same init); the He fix overrides it. */
  init: InitScheme;
}

/** The race's defaults, which the training lesson's static figures also use (src/lesson-data/training.ts). */
export const DEFAULT_RACE: RaceSettings = {
  dataset: 'moons',
  points: 200,
  depth: 5,
  width: 8,
  learningRate: 0.1,
  epochs: 300,
  seed: 1,
  fix: 'none',
  init: { kind: 'xavier-normal' },
};

/** One contestant: a name for the legend and its network. */
export interface Runner {
  key: string;
  label: string;
  network: MlpConfig;
}

/** The contestants for these settings: sigmoid and ReLU with identical shape and init, plus the chosen fix. */
export function raceRunners(s: RaceSettings): Runner[] {
  const net = (activation: 'sigmoid' | 'relu', extra: Partial<MlpConfig> = {}): MlpConfig => ({
    inputSize: 2,
    hidden: Array.from({ length: s.depth }, () => ({ width: s.width, activation })),
    init: s.init,
    seed: s.seed,
    ...extra,
  });
  const runners: Runner[] = [
    { key: 'sigmoid', label: 'sigmoid', network: net('sigmoid') },
    { key: 'relu', label: 'ReLU', network: net('relu') },
  ];
  if (s.fix === 'he') runners.push({ key: 'relu-he', label: 'ReLU + He init', network: net('relu', { init: { kind: 'he' } }) });
  if (s.fix === 'batchnorm') runners.push({ key: 'sigmoid-bn', label: 'sigmoid + batch norm', network: net('sigmoid', { batchNorm: true }) });
  if (s.fix === 'residual') runners.push({ key: 'sigmoid-res', label: 'sigmoid + residual', network: net('sigmoid', { residual: true }) });
  return runners;
}

/** Cells per side of the decision-boundary grid. */
export const GRID = 32;

/** The points the boundary plots draw, as plain data (built into the page, or sent by the worker). */
export interface RaceData {
  /** n × 2, row-major. */
  X: number[];
  y: number[];
  bounds: [number, number];
}

/** What the island shows before any training: epoch 0 of every runner, and the data. */
export interface StartingLine {
  history: EpochReport[][];
  data: RaceData;
}

/** Messages to the worker. */
export type ToWorker =
  | { type: 'init'; gen: number; settings: RaceSettings }
  | { type: 'play'; epochsPerSecond: number }
  | { type: 'pause' }
  | { type: 'step' };

/** Messages from the worker; `gen` lets the island drop messages from a race it has reset. */
export type FromWorker =
  | {
      type: 'epochs';
      gen: number;
      /** New reports per runner since the last message (same epochs for every runner). */
      reports: EpochReport[][];
      /** P(class 1) on the GRID × GRID grid per runner, when refreshed. */
      grids?: Float32Array[];
      done: boolean;
      /** Milliseconds of training per epoch (all runners together), averaged over this message's epochs. */
      msPerEpoch: number;
      /** The dataset and grid bounds, sent with the first message of each race. */
      data?: RaceData;
    }
  | { type: 'error'; gen: number; message: string };
