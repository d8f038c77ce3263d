/** The messages between the training lab and its Web Worker, and the plain data they carry. */
import type { EpochReport } from '../../../engine/train.ts';
import type { LabSettings } from '../../lesson-data/race-config.ts';

/** The points the decision maps draw, as plain data (built into the page, or sent by the worker). */
export interface LabData {
  /** n × 2, row-major. */
  X: number[];
  y: number[];
  /** The square [lo, hi]² the maps cover. */
  bounds: [number, number];
}

/** One network's decision map: P(class 1) on the GRID × GRID grid, row 0 at the top. */
export type DecisionGrid = Float32Array;

/** What the lab shows before any training: epoch 0 of every network, the data and the maps. */
export interface StartingLine {
  history: EpochReport[][];
  data: LabData;
  grids: number[][];
}

/** How the worker runs: `paced` spreads the run over about PACED_SECONDS, `full` trains as fast as it can. */
export type Speed = 'paced' | 'full';

/** Messages to the worker. */
export type ToWorker =
  | { type: 'init'; gen: number; settings: LabSettings }
  | { type: 'play'; speed: Speed }
  | { type: 'pause' }
  | { type: 'step' };

/** Messages from the worker; `gen` lets the island drop messages from a run it has replaced. */
export type FromWorker =
  | {
      type: 'epochs';
      gen: number;
      /** New reports per network since the last message (the same epochs for every network). */
      reports: EpochReport[][];
      /** Decision maps per network, when refreshed. */
      grids?: DecisionGrid[];
      done: boolean;
      /** Milliseconds of training per epoch (all networks together) over this message's epochs. */
      msPerEpoch: number;
      /** The dataset and map bounds, with the first message of each run. */
      data?: LabData;
    }
  | { type: 'error'; gen: number; message: string };
