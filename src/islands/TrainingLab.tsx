/**
 * The training lab: two to four networks of the same shape race on the same
 * seeded data, each with its own activation, initialisation, batch norm and
 * residual choice. The learner predicts the winner, then presses Play; a Web
 * Worker trains (lab/useLabRun.ts) and the views show the loss, the accuracy
 * and every layer's gradient, saturation and update size. The settings live
 * in the URL hash, and the lessons link to presets (`#lab:preset=<name>`).
 * The build-time frame is the real epoch 0, computed by the engine.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../../engine/format.ts';
import type { EpochReport } from '../../engine/train.ts';
import {
  DEFAULT_LAB,
  LAB_PRESET_NAMES,
  LAB_RANGES,
  networkLabel,
  presetSettings,
  usesFixes,
  type LabNetwork,
  type LabPresetName,
  type LabSettings,
} from '../lesson-data/race-config.ts';
import { dropHashSegment, readHashState, readHashValue, writeHashState } from './hash-state.ts';
import { FixesControls } from './lab/FixesControls.tsx';
import { LabControls } from './lab/LabControls.tsx';
import { LabViews } from './lab/LabViews.tsx';
import { ChallengeAnswer } from './lab/ChallengeAnswer.tsx';
import { NetworkControls } from './lab/NetworkControls.tsx';
import { Prediction } from './lab/Prediction.tsx';
import { Settled } from './lab/Settled.tsx';
import type { StartingLine } from './lab/protocol.ts';
import { startingLine } from './lab/runner.ts';
import { labFromHash, labToHash, presetFromName, sameSettings } from './lab/state.ts';
import { useLabRun } from './lab/useLabRun.ts';
import { verdictText } from './lab/verdict.ts';
import { runDiagnosis } from './lab/diagnosis.ts';
import { networkLetter } from './lab/names.ts';
import './islands.css';
import './lab/lab.css';

export interface TrainingLabProps {
  /** Namespaces the hash state and the control ids. */
  id?: string;
  /** Opens the lab in this preset (a hash in the address still wins). */
  preset?: LabPresetName;
  /** The course gives each learner their own challenge goals; by default read from the page (a ChallengeCard's data-course-variants). */
  variants?: boolean;
}

/**
 * The epoch-0 state. The build computes it and leaves it in the page as JSON;
 * the browser reads it back instead of training on the main thread (the
 * engine's training code stays out of the island's bundle: it is reachable
 * only when import.meta.env.SSR is true, and the worker has its own copy).
 */
function initialLine(id: string, s: LabSettings): { line?: StartingLine; json: string } {
  if (import.meta.env.SSR) {
    const line = startingLine(s);
    return { line, json: JSON.stringify(line).replace(/</g, '\\u003c') };
  }
  const json = document.getElementById(`${id}-start`)?.textContent ?? '';
  try {
    const line = JSON.parse(json) as StartingLine;
    const ok =
      Array.isArray(line.history) &&
      line.history.every((h) => Array.isArray(h) && h.every((r) => Array.isArray(r?.gradNorms?.weight) && Array.isArray(r?.updateRatio))) &&
      Array.isArray(line.data?.X) &&
      Array.isArray(line.grids);
    return ok ? { line, json } : { json };
  } catch {
    return { json };
  }
}

const presetKey = (id: string) => `${id}:preset`;

export default function TrainingLab({ id = 'lab', preset, variants }: TrainingLabProps) {
  const base = useMemo(() => (preset && LAB_PRESET_NAMES.includes(preset) ? presetSettings(preset) : DEFAULT_LAB), []);
  const [settings, setSettings] = useState<LabSettings>(base);
  // Lesson 7's group: folded in lesson 6 unless a preset or a link sets one of its knobs.
  const [fixesOpen, setFixesOpen] = useState(() => usesFixes(base));
  // The settings on screen, for the hash listener registered once.
  const current = useRef(base);
  current.current = settings;
  const [start] = useState(() => initialLine(id, base));
  const [pick, setPick] = useState<number>();
  const [verdict, setVerdict] = useState<string>();
  const [problems, setProblems] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [pickNeeded, setPickNeeded] = useState(false);

  // The pick as of the run's last message (the worker's callback outlives this render).
  const pickNow = useRef<number>();
  pickNow.current = pick;
  const finished = (h: EpochReport[][]) => {
    if (pickNow.current !== undefined) setVerdict(verdictText(h, pickNow.current));
    const why = runDiagnosis(h, current.current.networks, current.current.learningRate);
    setAnnouncement(`Run finished at epoch ${h[0]?.at(-1)?.epoch ?? 0}. ${summary(h)}${why ? ` ${why}` : ''}`);
  };
  const [run, controls] = useLabRun(base, start.line, finished);
  const names = settings.networks.map(networkLabel);
  const epoch = run.history[0]?.at(-1)?.epoch ?? 0;
  const done = epoch >= settings.epochs && (run.history[0]?.length ?? 0) > 0;
  /** When a run failed: which network and why, in one sentence from the run's own diagnostics. */
  const diagnosis = done ? runDiagnosis(run.history, settings.networks, settings.learningRate) : undefined;
  const summary = (h: readonly (readonly EpochReport[])[]) =>
    h
      .map((runs, i) => {
        const r = runs.at(-1);
        return r ? `${networkLetter(i)}: loss ${formatNumber(r.loss)}` : '';
      })
      .join('; ') + '.';

  /** Starts a fresh run for new settings (the prediction is asked again). */
  const apply = (next: LabSettings, how: 'learner' | 'link') => {
    setSettings(next);
    if (usesFixes(next)) setFixesOpen(true);
    setPick(undefined);
    setVerdict(undefined);
    // The same settings give the same epoch 0, which can stay on screen until the worker's copy arrives.
    controls.reset(next, sameSettings(next, current.current));
    if (how === 'learner') {
      const withoutPreset = dropHashSegment(location.hash, presetKey(id));
      history.replaceState(history.state, '', writeHashState(withoutPreset, id, labToHash(next)) || location.pathname);
      setProblems([]);
      setAnnouncement(
        `New run at epoch 0: ${next.networks.map((n, i) => `${networkLetter(i)} ${networkLabel(n)}`).join(', ')}. Pick a network, then press Play.`,
      );
    }
  };

  // Shared links: a preset segment, or this lab's own state, restores every control.
  useEffect(() => {
    const sync = () => {
      const named = presetFromName(readHashValue(location.hash, presetKey(id)));
      const state = readHashState(location.hash, id);
      if (named) {
        setProblems([]);
        if (!sameSettings(named.settings, current.current)) apply(named.settings, 'link');
      } else if (state) {
        const read = labFromHash(state, base);
        setProblems(read.problems);
        apply(read.settings, 'link');
      } else if (readHashValue(location.hash, presetKey(id)) !== undefined) {
        setProblems([`The link names a preset the lab does not have; it shows its defaults. Presets: ${LAB_PRESET_NAMES.join(', ')}.`]);
      }
    };
    sync();
    addEventListener('hashchange', sync);
    return () => removeEventListener('hashchange', sync);
  }, []);

  const change = (patch: Partial<LabSettings>) => {
    const next = { ...settings, ...patch };
    if (next.batchSize > next.points) next.batchSize = next.points;
    apply(next, 'learner');
  };
  const changeNetwork = (i: number, patch: Partial<LabNetwork>) =>
    change({ networks: settings.networks.map((n, k) => (k === i ? { ...n, ...patch } : n)) });
  const choosePreset = (name: LabPresetName) => {
    apply(presetSettings(name), 'link');
    const others = dropHashSegment(dropHashSegment(location.hash, id), presetKey(id)).replace(/^#/, '');
    history.replaceState(history.state, '', `#${[others, `${presetKey(id)}=${name}`].filter(Boolean).join('&')}`);
    setProblems([]);
    setAnnouncement('Preset loaded at epoch 0. Pick a network, then press Play.');
  };

  const playing = run.playing;
  const canRun = run.ready && !run.error;
  const needPick = () => {
    if (pick !== undefined) return false;
    setPickNeeded(true);
    return true;
  };
  const play = (speed: 'paced' | 'full') => {
    if (needPick()) return;
    if (done) controls.reset(settings);
    controls.play(speed);
  };
  const activePreset = LAB_PRESET_NAMES.find((n) => sameSettings(presetSettings(n), settings)) ?? '';
  const [minNets, maxNets] = LAB_RANGES.networks;

  return (
    <figure
      class="vg-island vg-lab"
      data-island="training-lab"
      id={id}
      data-epoch={epoch}
      data-done={String(done)}
      data-playing={String(playing)}
      data-ms-per-epoch={run.msPerEpoch === undefined ? undefined : run.msPerEpoch.toFixed(3)}
    >
      <figcaption>
        The training lab: {settings.networks.length} networks with {settings.depth} hidden layer{settings.depth === 1 ? '' : 's'} of{' '}
        {settings.width} units learn the same {settings.points} points by gradient descent, from the same seed. Change any knob, predict the
        winner, then press Play.
      </figcaption>
      {/* Shown only when scripting is off (islands.css), so hydration never moves the page. */}
      <p class="vg-lab-nojs vg-needs-js">
        The lab trains the networks in your browser, which needs JavaScript. Without it, this is epoch 0 of the default race, computed when
        the site was built; the controls, Play and the presets need JavaScript.
      </p>
      {problems.length > 0 && (
        <ul class="vg-lab-problems" role="alert">
          {problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      )}
      <Settled deps={[settings, activePreset, canRun, fixesOpen]}>
        <LabControls id={id} settings={settings} preset={activePreset} disabled={!canRun} onChange={change} onPreset={choosePreset} />
        <div class="vg-lab-networks not-content">
          {settings.networks.map((n, i) => (
            <NetworkControls
              id={id}
              index={i}
              network={n}
              allActivations={fixesOpen}
              canRemove={settings.networks.length > minNets}
              disabled={!canRun}
              onChange={(patch) => changeNetwork(i, patch)}
              onRemove={() => change({ networks: settings.networks.filter((_, k) => k !== i) })}
            />
          ))}
          {settings.networks.length < maxNets && (
            <button
              type="button"
              class="vg-lab-add"
              disabled={!canRun}
              onClick={() => change({ networks: [...settings.networks, { ...settings.networks[settings.networks.length - 1]! }] })}
            >
              Add network {networkLetter(settings.networks.length)}
            </button>
          )}
        </div>
        <FixesControls
          id={id}
          settings={settings}
          open={fixesOpen}
          disabled={!canRun}
          onToggle={setFixesOpen}
          onChange={change}
          onNetwork={changeNetwork}
        />
      </Settled>
      <Settled deps={[names.join('|'), pick, verdict, canRun, playing]}>
        <Prediction
          id={id}
          names={names}
          pick={pick}
          verdict={verdict}
          disabled={!canRun || playing}
          onPick={(i) => {
            setPick(i);
            setPickNeeded(false);
          }}
        />
      </Settled>
      <div class="vg-lab-run not-content" role="group" aria-label="Run">
        <button type="button" onClick={() => (playing ? controls.pause() : play('paced'))} disabled={!canRun}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" aria-pressed={playing && run.speed === 'full'} onClick={() => play('full')} disabled={!canRun}>
          Fast-forward
        </button>
        <button type="button" onClick={() => (needPick() ? undefined : controls.step())} disabled={!canRun || done}>
          Step one epoch
        </button>
        <button
          type="button"
          onClick={() => {
            setVerdict(undefined);
            controls.reset(settings);
          }}
          disabled={!canRun}
        >
          Reset
        </button>
        <span class="vg-lab-status" data-readout="epoch">
          Epoch {epoch} of {settings.epochs}
          {done ? ' (finished)' : ''}
        </span>
      </div>
      {done && diagnosis && (
        <p class="vg-lab-message" data-readout="diagnosis">
          {diagnosis}
        </p>
      )}
      {pickNeeded && pick === undefined && (
        <p class="vg-lab-message" role="alert">
          Pick the network you expect to win first; the run starts after your prediction.
        </p>
      )}
      {run.error && (
        <p class="vg-error" role="alert">
          {run.error}
        </p>
      )}
      <ul class="vg-legend">
        {names.map((name, i) => (
          <li class={`vg-runner-${i}`}>
            <svg viewBox="0 0 24 8" aria-hidden="true">
              <path class="vg-curve" d="M0,4L24,4" />
            </svg>
            {networkLetter(i)}: {name}
          </li>
        ))}
      </ul>
      <LabViews
        history={run.history}
        version={run.version}
        names={names}
        epochs={settings.epochs}
        depth={settings.depth}
        grids={run.grids}
        data={run.data}
        gradRange={run.gradRange}
      />
      <ChallengeAnswer id={id} settings={settings} variants={variants} root="../../" disabled={!canRun} />
      {run.msPerEpoch !== undefined && (
        <p class="vg-caption" data-readout="cost">
          Training cost in this browser: {formatNumber(run.msPerEpoch, { sig: 2 })} ms per epoch for all networks together.
        </p>
      )}
      <p class="sr-only" aria-live="polite">
        {announcement}
      </p>
      <script type="application/json" id={`${id}-start`} dangerouslySetInnerHTML={{ __html: start.json }} />
    </figure>
  );
}
