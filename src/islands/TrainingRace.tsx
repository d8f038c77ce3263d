/**
 * Sigmoid vs ReLU (plus an optional fix) racing on a seeded 2-D dataset. The
 * training runs in a Web Worker that streams each epoch; the island batches
 * what arrives into one render per animation frame, so the page never stalls.
 * The build-time frame is the real epoch-0 state, computed by the engine.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../../engine/format.ts';
import type { EpochReport } from '../../engine/train.ts';
import {
  DEFAULT_RACE, RACE_FIXES, raceRunners,
  type FromWorker, type RaceData, type RaceFix, type RaceSettings, type StartingLine, type ToWorker,
} from '../lesson-data/race-config.ts';
import { startingLine } from './race-runner.ts';
import { GradChart, LossChart, type Series } from './RaceCharts.tsx';
import { Boundary } from './Boundary.tsx';
import './islands.css';

export interface TrainingRaceProps extends Partial<RaceSettings> {
  /** A distinct id when a page holds more than one race. */
  id?: string;
  /** Pace of the race when playing. */
  epochsPerSecond?: number;
}

const FIX_LABEL: Record<RaceFix, string> = {
  none: 'none (two networks)',
  he: 'ReLU + He init',
  batchnorm: 'sigmoid + batch norm',
  residual: 'sigmoid + residual',
};
/** Small counts as words, so the caption does not open with a digit. */
const COUNT_WORDS: Record<number, string> = { 2: 'Two', 3: 'Three', 4: 'Four' };
const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The epoch-0 state. The build computes it and leaves it in the page as JSON;
 * the browser reads it back instead of training on the main thread (the
 * engine's training code then stays out of the island's bundle: it is only
 * reachable when import.meta.env.SSR is true, and the worker has its own copy).
 */
function initialLine(id: string, s: RaceSettings): { line?: StartingLine; json: string } {
  if (import.meta.env.SSR) {
    const line = startingLine(s);
    return { line, json: JSON.stringify(line).replace(/</g, '\\u003c') };
  }
  const json = document.getElementById(`${id}-start`)?.textContent ?? '';
  try {
    const line = JSON.parse(json) as StartingLine;
    const ok = Array.isArray(line.history) && line.history.every((h) => Array.isArray(h) && h.every((r) => Array.isArray(r?.gradNorms?.weight)))
      && Array.isArray(line.data?.X) && Array.isArray(line.data?.y) && Array.isArray(line.data?.bounds);
    return ok ? { line, json } : { json };
  } catch {
    return { json };
  }
}

export default function TrainingRace({ id = 'race', epochsPerSecond = 60, ...props }: TrainingRaceProps) {
  const [settings, setSettings] = useState<RaceSettings>(() => ({ ...DEFAULT_RACE, ...props }));
  const [start] = useState(() => initialLine(id, settings));
  const runners = useMemo(() => raceRunners(settings), [settings]);
  const [history, setHistory] = useState<EpochReport[][]>(() => start.line?.history ?? runners.map(() => []));
  const [data, setData] = useState<RaceData | undefined>(start.line?.data);
  const [grids, setGrids] = useState<Float32Array[]>([]);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const [cost, setCost] = useState<number>();
  const worker = useRef<Worker>();
  const gen = useRef(0);
  const pending = useRef<{ reports: EpochReport[][]; grids?: Float32Array[]; data?: RaceData; done: boolean }>();
  const costs = useRef<number[]>([]);
  const reduced = useRef(false);

  const send = (msg: ToWorker) => worker.current?.postMessage(msg);
  const epoch = history[0]?.[history[0].length - 1]?.epoch ?? 0;
  const done = epoch >= settings.epochs;

  const summary = (h: EpochReport[][], ep: number) =>
    `Epoch ${ep} of ${settings.epochs}. ` +
    runners.map((r, i) => { const last = h[i]?.at(-1); return last ? `${r.label}: loss ${formatNumber(last.loss)}, accuracy ${pct(last.accuracy)}` : ''; }).join('; ') + '.';

  // Apply everything the worker sent since the last frame in one render.
  const flush = () => {
    const p = pending.current;
    pending.current = undefined;
    if (!p) return;
    setHistory((h) => {
      const next = h.map((runs, i) => (p.reports[i]?.length ? runs.concat(p.reports[i]!) : runs));
      if (p.done) {
        setPlaying(false);
        setAnnouncement(`Race finished. ${summary(next, next[0]?.at(-1)?.epoch ?? 0)}`);
      }
      return next;
    });
    if (p.grids) setGrids(p.grids);
    if (p.data) setData(p.data);
  };
  const scheduled = useRef(false);
  const schedule = () => {
    if (scheduled.current) return;
    scheduled.current = true;
    const run = () => { scheduled.current = false; flush(); };
    // At most ~12 renders a second (2 with reduced motion), each in an animation frame: every render
    // repaints the charts, and painting more often than that only adds main-thread and compositor work.
    setTimeout(() => requestAnimationFrame(run), reduced.current ? 500 : 80);
  };

  const begin = (s: RaceSettings, autoplay: boolean, sameRace: boolean) => {
    gen.current += 1;
    pending.current = undefined;
    costs.current = [];
    // The same settings give the same epoch 0; otherwise the worker's first message brings it.
    setHistory((h) => (sameRace ? h.map((runs) => runs.slice(0, 1)) : raceRunners(s).map(() => [])));
    if (!sameRace) {
      setData(undefined);
      setGrids([]);
    }
    send({ type: 'init', gen: gen.current, settings: s });
    if (autoplay) {
      send({ type: 'play', epochsPerSecond });
      setPlaying(true);
    } else setPlaying(false);
  };

  useEffect(() => {
    reduced.current = matchMedia('(prefers-reduced-motion: reduce)').matches;
    let w: Worker;
    try {
      w = new Worker(new URL('./race.worker.ts', import.meta.url), { type: 'module' });
    } catch (err) {
      setError('This browser cannot run the race in the background (no Web Workers), so the figure shows the starting line only.');
      return;
    }
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.gen !== gen.current) return;
      if (msg.type === 'error') {
        setError(`The race stopped: ${msg.message}`);
        setPlaying(false);
        return;
      }
      const p = (pending.current ??= { reports: msg.reports.map(() => []), done: false });
      msg.reports.forEach((r, i) => p.reports[i]!.push(...r));
      if (msg.grids) p.grids = msg.grids;
      if (msg.data) p.data = msg.data;
      p.done = msg.done;
      if (msg.msPerEpoch > 0) {
        costs.current.push(msg.msPerEpoch);
        setCost(costs.current.reduce((a, b) => a + b, 0) / costs.current.length);
      }
      schedule();
    };
    w.onerror = () => {
      setError('The race could not start in this browser, so the figure shows the starting line only.');
      setPlaying(false);
    };
    begin(settings, !reduced.current, true);
    return () => w.terminate();
  }, []);

  const restart = (patch: Partial<RaceSettings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    begin(next, false, false);
    setAnnouncement(`New race at epoch 0 with seed ${next.seed}; press Play to start.`);
  };
  const togglePlay = () => {
    if (playing) {
      send({ type: 'pause' });
      setPlaying(false);
      setAnnouncement(`Paused. ${summary(history, epoch)}`);
    } else if (!done) {
      send({ type: 'play', epochsPerSecond });
      setPlaying(true);
    }
  };
  const step = () => {
    setPlaying(false);
    send({ type: 'step' });
    setAnnouncement(`Stepped to epoch ${Math.min(epoch + 1, settings.epochs)}.`);
  };

  const series: Series[] = runners.map((r, i) => ({ key: r.key, label: r.label, history: history[i] ?? [] }));
  const ready = worker.current !== undefined && !error;
  const cid = (name: string) => `${id}-${name}`;

  return (
    <figure class="vg-island vg-race" data-island="training-race" id={id} data-epoch={epoch} data-done={String(done)}
      data-playing={String(playing)} data-ms-per-epoch={cost === undefined ? undefined : cost.toFixed(3)}>
      <figcaption>
        {COUNT_WORDS[runners.length] ?? runners.length} networks of the same shape ({settings.depth} hidden layers of {settings.width} units, the same
        initial weights) learn to separate the {settings.dataset} dataset ({settings.points} points) by full-batch
        gradient descent, learning rate {settings.learningRate}, for {settings.epochs} epochs.
      </figcaption>
      <div class="vg-controls not-content" role="group" aria-label="Race controls">
        <button type="button" onClick={togglePlay} disabled={!ready || (done && !playing)}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" onClick={step} disabled={!ready || done}>Step one epoch</button>
        <button type="button" onClick={() => begin(settings, false, true)} disabled={!ready}>Reset</button>
        <button type="button" onClick={() => restart({ seed: (settings.seed % 9999) + 1 })} disabled={!ready}>New seed</button>
        <label for={cid('seed')}>
          Seed
          <input id={cid('seed')} type="number" min={1} max={9999} step={1} value={settings.seed} disabled={!ready}
            onChange={(e) => {
              const v = Math.round(Number(e.currentTarget.value));
              if (Number.isFinite(v) && v >= 1 && v <= 9999) restart({ seed: v });
            }} />
        </label>
        <label for={cid('fix')}>
          Third network
          <select id={cid('fix')} value={settings.fix} disabled={!ready}
            onChange={(e) => restart({ fix: e.currentTarget.value as RaceFix })}>
            {RACE_FIXES.map((f) => <option value={f}>{FIX_LABEL[f]}</option>)}
          </select>
        </label>
      </div>
      {!ready && !error && (
        <p class="vg-caption" data-before-hydration>
          The race trains in your browser and needs JavaScript; until it starts, this shows epoch 0. The figures
          above, computed when the site was built, show how the same race ends.
        </p>
      )}
      <p class="vg-race-status" data-readout="epoch">Epoch {epoch} of {settings.epochs}{done ? ' (finished)' : ''}</p>
      {error && <p class="vg-error" role="alert">{error}</p>}
      <ul class="vg-legend">
        {series.map((s, i) => <li class={`vg-runner-${i}`}><svg viewBox="0 0 24 8" aria-hidden="true"><path class="vg-curve" d="M0,4L24,4" /></svg>{s.label}</li>)}
      </ul>
      <LossChart series={series} epochs={settings.epochs} label={`Loss curves. ${summary(history, epoch)}`} />
      <GradChart series={series} label={`Gradient norm per layer at epoch ${epoch}, log scale.`} />
      <div class="vg-boundaries">
        {series.map((s, i) => (
          <Boundary key={s.key} label={s.label} index={i} grid={grids[i]} data={data}
            accuracy={s.history.at(-1)?.accuracy ?? 0} epoch={epoch} />
        ))}
      </div>
      {/* Focusable so a keyboard can scroll the table sideways on a narrow screen (WCAG 2.1.1). */}
      <div class="vg-scroll-x" tabIndex={0} role="region" aria-label="Each network's loss, accuracy and gradient norms">
        <table class="vg-table">
          <caption class="sr-only">The networks at epoch {epoch}</caption>
          <thead>
            <tr><th scope="col">Network</th><th scope="col">Loss</th><th scope="col">Accuracy</th><th scope="col">‖∂L/∂W‖ layer 1</th><th scope="col">‖∂L/∂W‖ output</th></tr>
          </thead>
          <tbody>
            {series.map((s) => {
              const last = s.history.at(-1);
              return (
                <tr data-runner={s.key}>
                  <th scope="row">{s.label}</th>
                  <td>{last ? formatNumber(last.loss) : '–'}</td>
                  <td>{last ? pct(last.accuracy) : '–'}</td>
                  <td>{last ? formatNumber(last.gradNorms.weight[0] ?? NaN) : '–'}</td>
                  <td>{last ? formatNumber(last.gradNorms.weight.at(-1) ?? NaN) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {cost !== undefined && <p class="vg-caption">Training cost in this browser: {formatNumber(cost, { sig: 2 })} ms per epoch for all networks together.</p>}
      <p class="sr-only" aria-live="polite">{announcement}</p>
      <script type="application/json" id={`${id}-start`} dangerouslySetInnerHTML={{ __html: start.json }} />
    </figure>
  );
}
