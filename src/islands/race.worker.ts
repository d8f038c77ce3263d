/**
 * The training race's Web Worker: trains every runner one epoch at a time and
 * streams the EpochReports to the island, paced to `epochsPerSecond` so the
 * race can be watched. Decision-boundary grids are sent every few epochs.
 */
import type { FromWorker, ToWorker } from '../lesson-data/race-config.ts';
import { createRace, type Race } from './race-runner.ts';

/** Send a fresh decision boundary at least this often (in epochs). */
const GRID_EVERY = 10;
const TICK_MS = 16;

let race: Race | undefined;
let gen = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let perSecond = 60;
let owed = 0;
let sinceGrid = 0;

const post = (msg: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

/** Runs `count` epochs (fewer if the race ends) and posts them in one message. */
function advance(count: number): void {
  if (!race) return;
  const reports: FromWorker & { type: 'epochs' } = { type: 'epochs', gen, reports: race.trainers.map(() => []), done: false, msPerEpoch: 0 };
  const t0 = performance.now();
  let ran = 0;
  while (ran < count && !race.done()) {
    race.step().forEach((r, i) => reports.reports[i]!.push(r));
    ran++;
  }
  reports.msPerEpoch = ran ? (performance.now() - t0) / ran : 0;
  reports.done = race.done();
  sinceGrid += ran;
  const first = race.trainers[0]!.epoch === 0;
  if (first) reports.data = race.plainData();
  if (reports.done || first || sinceGrid >= GRID_EVERY || timer === undefined) {
    reports.grids = race.grids();
    sinceGrid = 0;
  }
  post(reports, reports.grids?.map((g) => g.buffer) ?? []);
  if (reports.done) stop();
}

function tick(): void {
  owed += (perSecond * TICK_MS) / 1000;
  const count = Math.floor(owed);
  owed -= count;
  if (count > 0) advance(count);
  if (timer !== undefined) timer = setTimeout(tick, TICK_MS);
}

function stop(): void {
  clearTimeout(timer);
  timer = undefined;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      stop();
      gen = msg.gen;
      race = createRace(msg.settings);
      owed = 0;
      sinceGrid = 0;
      advance(1);
    } else if (msg.type === 'play') {
      perSecond = Math.max(1, msg.epochsPerSecond);
      if (timer === undefined && race && !race.done()) timer = setTimeout(tick, TICK_MS);
    } else if (msg.type === 'pause') {
      stop();
      if (race) post({ type: 'epochs', gen, reports: race.trainers.map(() => []), grids: race.grids(), done: race.done(), msPerEpoch: 0 });
    } else if (msg.type === 'step') {
      stop();
      advance(1);
    }
  } catch (err) {
    stop();
    post({ type: 'error', gen, message: err instanceof Error ? err.message : String(err) });
  }
};
