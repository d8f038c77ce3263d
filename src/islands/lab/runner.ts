/** The lab's run, free of worker plumbing: one trainer per network on the shared data, stepped together, and their decision maps from the engine. */
import { makeDataset, type Dataset } from '../../../engine/datasets.ts';
import { predict } from '../../../engine/mlp.ts';
import { createTrainer, type EpochReport, type Trainer } from '../../../engine/train.ts';
import { GRID, networkConfig, type LabSettings } from '../../lesson-data/race-config.ts';
import { gridBounds, gridPoints } from './grid.ts';
import type { DecisionGrid, LabData, StartingLine } from './protocol.ts';

export interface LabRun {
  data: Dataset;
  trainers: Trainer[];
  /** Trains every network one epoch (the first call measures epoch 0) and returns one report per network. */
  step(): EpochReport[];
  done(): boolean;
  /** P(class 1) over the GRID × GRID grid per network, batch norm in inference mode. */
  grids(): DecisionGrid[];
  /** The dataset and bounds as plain arrays. */
  plainData(): LabData;
}

/** The dataset for these settings. */
export const labDataset = (s: LabSettings): Dataset => makeDataset({ name: s.dataset, n: s.points, noise: s.noise, seed: s.seed });

/** Sets up a run; nothing is trained until `step()`. */
export function createLabRun(s: LabSettings): LabRun {
  const data = labDataset(s);
  const trainers = s.networks.map((n) =>
    createTrainer({
      network: networkConfig(s, n),
      dataset: data,
      learningRate: s.learningRate,
      epochs: s.epochs,
      batchSize: s.batchSize,
      seed: s.seed,
    }),
  );
  const bounds = gridBounds(data);
  const G = gridPoints(bounds, GRID);
  return {
    data,
    trainers,
    step: () => trainers.map((t) => t.step()),
    done: () => trainers.every((t) => t.done),
    grids: () => trainers.map((t) => Float32Array.from(predict(t.network, G, GRID * GRID))),
    plainData: () => ({ X: Array.from(data.X, round4), y: Array.from(data.y), bounds }),
  };
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Epoch 0 of a fresh run, as plain data: what the page shows before (or without) JavaScript. */
export function startingLine(s: LabSettings): StartingLine {
  const run = createLabRun(s);
  return {
    history: run.step().map((r) => [r]),
    data: run.plainData(),
    grids: run.grids().map((g) => Array.from(g, (p) => Math.round(p * 1e4) / 1e4)),
  };
}
