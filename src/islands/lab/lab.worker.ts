/**
 * The training lab's Web Worker. At full speed it trains in slices of about
 * SLICE_MS and posts each slice's reports in one message, yielding between
 * slices so a Pause gets through; paced, it spreads the run over about
 * PACED_SECONDS so it can be watched. Decision maps go out at most every MAP_MS.
 */
import { createLabRun, type LabRun } from './runner.ts';
import type { FromWorker, Speed, ToWorker } from './protocol.ts';

const SLICE_MS = 25;
const TICK_MS = 33;
/** A paced run of any length takes about this long, at no fewer than MIN_PACE epochs a second. */
const PACED_SECONDS = 12;
const MIN_PACE = 25;
const MAP_MS = 250;

let run: LabRun | undefined;
let gen = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let speed: Speed = 'paced';
let pace = MIN_PACE;
let owed = 0;
let lastMap = 0;

const post = (msg: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

/** Runs up to `count` epochs, or until `budgetMs` has passed, and posts them in one message. */
function advance(count: number, budgetMs = Infinity): void {
  if (!run) return;
  const msg: FromWorker & { type: 'epochs' } = { type: 'epochs', gen, reports: run.trainers.map(() => []), done: false, msPerEpoch: 0 };
  const t0 = performance.now();
  let ran = 0;
  while (ran < count && !run.done() && performance.now() - t0 < budgetMs) {
    run.step().forEach((r, i) => msg.reports[i]!.push(r));
    ran++;
  }
  const t1 = performance.now();
  msg.msPerEpoch = ran ? (t1 - t0) / ran : 0;
  msg.done = run.done();
  const first = run.trainers[0]!.epoch === 0;
  if (first) msg.data = run.plainData();
  if (msg.done || first || t1 - lastMap >= MAP_MS || (timer === undefined && !fullSpeed)) {
    msg.grids = run.grids();
    lastMap = t1;
  }
  post(msg, msg.grids?.map((g) => g.buffer) ?? []);
  if (msg.done) stop();
}

// Between full-speed slices the worker yields through a message to itself: unlike setTimeout(0), it is not clamped to 4 ms.
const channel = new MessageChannel();
let fullSpeed = false;
channel.port1.onmessage = () => {
  if (!fullSpeed || !run || run.done()) return;
  advance(Infinity, SLICE_MS);
  if (fullSpeed) channel.port2.postMessage(0);
};

function tick(): void {
  timer = undefined;
  if (!run || run.done()) return;
  if (speed === 'full') {
    fullSpeed = true;
    channel.port2.postMessage(0);
    return;
  }
  timer = setTimeout(tick, TICK_MS);
  owed += (pace * TICK_MS) / 1000;
  const count = Math.floor(owed);
  owed -= count;
  if (count > 0) advance(count);
}

function stop(): void {
  clearTimeout(timer);
  timer = undefined;
  fullSpeed = false;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    if (msg.type === 'init') {
      stop();
      gen = msg.gen;
      run = createLabRun(msg.settings);
      pace = Math.max(MIN_PACE, msg.settings.epochs / PACED_SECONDS);
      owed = 0;
      lastMap = 0;
      advance(1);
    } else if (msg.type === 'play') {
      speed = msg.speed;
      stop();
      if (run && !run.done()) timer = setTimeout(tick, 0);
    } else if (msg.type === 'pause') {
      stop();
      if (run) post({ type: 'epochs', gen, reports: run.trainers.map(() => []), grids: run.grids(), done: run.done(), msPerEpoch: 0 });
    } else if (msg.type === 'step') {
      stop();
      advance(1);
    }
  } catch (err) {
    stop();
    post({ type: 'error', gen, message: err instanceof Error ? err.message : String(err) });
  }
};
