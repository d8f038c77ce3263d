/**
 * The lab's run as a Preact hook: it owns the Web Worker, appends what the
 * worker sends to a history kept outside Preact's state, and renders at most
 * once per animation frame (every half second under reduced motion), however
 * many messages arrived in between.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EpochReport } from '../../../engine/train.ts';
import type { LabSettings } from '../../lesson-data/race-config.ts';
import type { DecisionGrid, FromWorker, LabData, Speed, StartingLine, ToWorker } from './protocol.ts';

export interface LabRunState {
  /** Every report so far, per network (mutated in place; `version` says when it changed). */
  history: EpochReport[][];
  version: number;
  grids: DecisionGrid[];
  data: LabData | undefined;
  playing: boolean;
  speed: Speed;
  error: string | undefined;
  /** Mean training cost per epoch (all networks) in the worker, ms. */
  msPerEpoch: number | undefined;
  /** Whether the worker is up. */
  ready: boolean;
  /** The smallest and largest positive gradient norm of the run so far, for scales that do not rescale every frame. */
  gradRange: [number, number] | undefined;
}

export interface LabRunControls {
  /** Starts a new run at epoch 0 (paused). */
  reset(settings: LabSettings, keepStart?: boolean): void;
  play(speed: Speed): void;
  pause(): void;
  step(): void;
}

/**
 * The least time between two renders: every render redraws every chart, and
 * ten a second is smooth enough for curves while leaving the main thread
 * idle most of the time; under reduced motion, two a second.
 */
const RENDER_EVERY_MS = 100;
const REDUCED_MOTION_MS = 500;
/**
 * Fast-forwarding, five a second: on a two-core machine each render takes
 * time from the worker, and a run going by at full speed needs fewer frames.
 */
const FULL_SPEED_MS = 200;

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: one hook whose refs, state and worker callbacks close over each other; split, each part would take a dozen refs as arguments.
export function useLabRun(
  settings: LabSettings,
  start: StartingLine | undefined,
  onDone: (history: EpochReport[][]) => void,
): [LabRunState, LabRunControls] {
  const history = useRef<EpochReport[][]>(start?.history.map((h) => h.slice()) ?? settings.networks.map(() => []));
  const [version, setVersion] = useState(0);
  const [grids, setGrids] = useState<DecisionGrid[]>(() => start?.grids.map((g) => Float32Array.from(g)) ?? []);
  const [data, setData] = useState<LabData | undefined>(start?.data);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>('paced');
  const speedNow = useRef<Speed>('paced');
  const [error, setError] = useState<string>();
  // Kept out of Preact's state: a setState per worker message would render the whole lab per message.
  const msPerEpoch = useRef<number>();
  const [ready, setReady] = useState(false);
  const worker = useRef<Worker>();
  const gen = useRef(0);
  const pending = useRef<{ reports: EpochReport[][]; grids?: DecisionGrid[]; data?: LabData; done: boolean }>();
  const costs = useRef({ ms: 0, epochs: 0 });
  const scheduled = useRef(false);
  const reduced = useRef(false);
  const replaceNext = useRef(false);
  const lastRender = useRef(0);
  const gradRange = useRef<[number, number] | undefined>(rangeOf(start?.history ?? []));
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  const send = (msg: ToWorker) => worker.current?.postMessage(msg);

  // Everything since the last frame goes into one render.
  const flush = () => {
    scheduled.current = false;
    const p = pending.current;
    pending.current = undefined;
    if (!p) return;
    if (replaceNext.current) {
      history.current = p.reports.map(() => []);
      gradRange.current = undefined;
      replaceNext.current = false;
    }
    p.reports.forEach((r, i) => {
      const h = history.current[i];
      if (h && r.length) for (const report of r) h.push(report);
    });
    gradRange.current = rangeOf(p.reports, gradRange.current);
    lastRender.current = performance.now();
    if (p.grids) setGrids(p.grids);
    if (p.data) setData(p.data);
    setVersion((v) => v + 1);
    if (p.done) {
      setPlaying(false);
      doneRef.current(history.current);
    }
  };
  const schedule = () => {
    if (scheduled.current) return;
    scheduled.current = true;
    const every = reduced.current ? REDUCED_MOTION_MS : speedNow.current === 'full' ? FULL_SPEED_MS : RENDER_EVERY_MS;
    const wait = Math.max(0, lastRender.current + every - performance.now());
    setTimeout(() => requestAnimationFrame(flush), wait);
  };

  useEffect(() => {
    reduced.current = matchMedia('(prefers-reduced-motion: reduce)').matches;
    let w: Worker;
    try {
      w = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      setError('This browser cannot train in the background (no Web Workers), so the lab shows epoch 0 only.');
      return;
    }
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.gen !== gen.current) return;
      if (msg.type === 'error') {
        setError(`The run stopped: ${msg.message}`);
        setPlaying(false);
        return;
      }
      if (!pending.current) pending.current = { reports: msg.reports.map(() => []), done: false };
      const p = pending.current;
      msg.reports.forEach((r, i) => p.reports[i]!.push(...r));
      if (msg.grids) p.grids = msg.grids;
      if (msg.data) p.data = msg.data;
      p.done = msg.done;
      const epochs = msg.reports[0]?.length ?? 0;
      if (msg.msPerEpoch > 0 && epochs > 0) {
        costs.current.ms += msg.msPerEpoch * epochs;
        costs.current.epochs += epochs;
        msPerEpoch.current = costs.current.ms / costs.current.epochs;
      }
      schedule();
    };
    w.onerror = () => {
      setError('The lab could not start its worker in this browser, so it shows epoch 0 only.');
      setPlaying(false);
    };
    setReady(true);
    controls.reset(settings, true);
    return () => w.terminate();
  }, []);

  const controls: LabRunControls = {
    reset(s, keepStart = false) {
      gen.current += 1;
      pending.current = undefined;
      costs.current = { ms: 0, epochs: 0 };
      msPerEpoch.current = undefined;
      // The same settings give the same epoch 0: keep it on screen until the worker's copy replaces it.
      replaceNext.current = keepStart;
      if (!keepStart) {
        history.current = s.networks.map(() => []);
        gradRange.current = undefined;
        setData(undefined);
        setGrids([]);
      }
      setVersion((v) => v + 1);
      setPlaying(false);
      send({ type: 'init', gen: gen.current, settings: s });
    },
    play(next) {
      setSpeed(next);
      speedNow.current = next;
      setPlaying(true);
      send({ type: 'play', speed: next });
    },
    pause() {
      setPlaying(false);
      send({ type: 'pause' });
    },
    step() {
      setPlaying(false);
      send({ type: 'step' });
    },
  };

  return [
    {
      history: history.current,
      version,
      grids,
      data,
      playing,
      speed,
      error,
      msPerEpoch: msPerEpoch.current,
      ready,
      gradRange: gradRange.current,
    },
    controls,
  ];
}

/** Widens [lo, hi] to the positive weight-gradient norms in these reports. */
function rangeOf(reports: readonly (readonly EpochReport[])[], range?: [number, number]): [number, number] | undefined {
  let [lo, hi] = range ?? [Infinity, 0];
  for (const runs of reports) {
    for (const r of runs) {
      for (const v of r.gradNorms.weight) {
        if (!(v > 0) || !Number.isFinite(v)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  return hi > 0 ? [lo, hi] : undefined;
}
