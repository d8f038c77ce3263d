/** The race itself, free of worker plumbing: trainers for every runner, stepped together, and their decision-boundary grids. */
import { makeDataset, type Dataset } from '../../engine/datasets.ts';
import { createTrainer, type EpochReport, type Trainer } from '../../engine/train.ts';
import { GRID, raceRunners, type RaceData, type RaceSettings, type StartingLine } from '../lesson-data/race-config.ts';
import { gridBounds, gridPoints, predictGrid } from './race-grid.ts';

export interface Race {
  data: Dataset;
  trainers: Trainer[];
  /** Trains every runner one epoch (the first call measures epoch 0) and returns one report per runner. */
  step(): EpochReport[];
  done(): boolean;
  /** P(class 1) over the GRID × GRID grid, per runner. */
  grids(): Float32Array[];
  bounds: [number, number];
  /** The dataset and bounds as plain arrays. */
  plainData(): RaceData;
}

/** The dataset for these settings. */
export const raceDataset = (s: RaceSettings): Dataset => makeDataset({ name: s.dataset, n: s.points, seed: s.seed });

/** Sets up a race; nothing is trained until `step()`. */
export function createRace(s: RaceSettings): Race {
  const data = raceDataset(s);
  const trainers = raceRunners(s).map((r) =>
    createTrainer({ network: r.network, dataset: data, learningRate: s.learningRate, epochs: s.epochs, seed: s.seed }),
  );
  const bounds = gridBounds(data);
  const G = gridPoints(bounds, GRID);
  return {
    data,
    trainers,
    bounds,
    step: () => trainers.map((t) => t.step()),
    done: () => trainers.every((t) => t.done),
    grids: () => trainers.map((t) => predictGrid(t.network, data, G, GRID * GRID)),
    plainData: () => ({ X: Array.from(data.X, round4), y: Array.from(data.y), bounds }),
  };
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Epoch 0 of a fresh race, as plain data: what the page shows before (or without) JavaScript. */
export function startingLine(s: RaceSettings): StartingLine {
  const race = createRace(s);
  return { history: race.step().map((r) => [r]), data: race.plainData() };
}
