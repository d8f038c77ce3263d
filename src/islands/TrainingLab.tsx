/**
 * The training lab: two to four networks of the same shape race on the same
 * seeded data, each with its own activation, initialisation, batch norm and
 * residual choice. The learner predicts the winner, then presses Play; a Web
 * Worker trains (lab/useLabRun.ts) and the views show the loss, the accuracy
 * and every layer's gradient, saturation and update size. The settings live
 * in the URL hash (lab/useLabSettings.ts), and the lessons link to presets
 * (`#lab:preset=<name>`). The build-time frame is the real epoch 0, computed
 * by the engine (lab/initial-line.ts).
 */
import { useMemo, useState } from 'preact/hooks';
import type { EpochReport } from '../../engine/train.ts';
import { DEFAULT_LAB, LAB_PRESET_NAMES, type LabPresetName, networkLabel, presetSettings } from '../lesson-data/race-config.ts';
import { finishedText } from './lab/announcements.ts';
import { ChallengeAnswer } from './lab/ChallengeAnswer.tsx';
import { runDiagnosis } from './lab/diagnosis.ts';
import { initialLine } from './lab/initial-line.ts';
import { LabIntro, LinkProblems, RunCost, RunMessages } from './lab/LabMessages.tsx';
import { LabViews } from './lab/LabViews.tsx';
import { Legend } from './lab/Legend.tsx';
import { Prediction } from './lab/Prediction.tsx';
import { RunBar } from './lab/RunBar.tsx';
import { SettingsPanel } from './lab/SettingsPanel.tsx';
import { Settled } from './lab/Settled.tsx';
import { sameSettings } from './lab/state.ts';
import { useLabRun } from './lab/useLabRun.ts';
import { useLabLinks, useLabSettings } from './lab/useLabSettings.ts';
import { usePick } from './lab/usePick.ts';
import { verdictText } from './lab/verdict.ts';
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

export default function TrainingLab({ id = 'lab', preset, variants }: TrainingLabProps) {
  const base = useMemo(() => (preset && LAB_PRESET_NAMES.includes(preset) ? presetSettings(preset) : DEFAULT_LAB), []);
  const [start] = useState(() => initialLine(id, base));
  const [announcement, setAnnouncement] = useState('');
  const guess = usePick();
  const lab = useLabSettings({
    id,
    base,
    announce: setAnnouncement,
    onFresh: (next, same) => {
      guess.clear();
      controls.reset(next, same);
    },
  });
  const { settings } = lab;
  const finished = (h: EpochReport[][]) => {
    if (guess.pickNow.current !== undefined) guess.setVerdict(verdictText(h, guess.pickNow.current));
    setAnnouncement(finishedText(h, runDiagnosis(h, lab.current.current.networks, lab.current.current.learningRate)));
  };
  const [run, controls] = useLabRun(base, start.line, finished);
  // After useLabRun: a link's run needs the worker, which that hook's effect starts.
  useLabLinks(id, base, lab);
  const names = settings.networks.map(networkLabel);
  const epoch = run.history[0]?.at(-1)?.epoch ?? 0;
  const done = epoch >= settings.epochs && (run.history[0]?.length ?? 0) > 0;
  /** When a run failed: which network and why, in one sentence from the run's own diagnostics. */
  const diagnosis = done ? runDiagnosis(run.history, settings.networks, settings.learningRate) : undefined;
  const canRun = run.ready && !run.error;
  const play = (speed: 'paced' | 'full') => {
    if (guess.needPick()) return;
    if (done) controls.reset(settings);
    controls.play(speed);
  };
  const activePreset = LAB_PRESET_NAMES.find((n) => sameSettings(presetSettings(n), settings)) ?? '';

  return (
    <figure
      class="vg-island vg-lab"
      data-island="training-lab"
      id={id}
      data-epoch={epoch}
      data-done={String(done)}
      data-playing={String(run.playing)}
      data-ms-per-epoch={run.msPerEpoch === undefined ? undefined : run.msPerEpoch.toFixed(3)}
    >
      <LabIntro settings={settings} />
      <LinkProblems problems={lab.problems} />
      <SettingsPanel id={id} lab={lab} preset={activePreset} disabled={!canRun} />
      <Settled deps={[names.join('|'), guess.pick, guess.verdict, canRun, run.playing]}>
        <Prediction
          id={id}
          names={names}
          pick={guess.pick}
          verdict={guess.verdict}
          disabled={!canRun || run.playing}
          onPick={guess.choose}
        />
      </Settled>
      <RunBar
        run={run}
        epoch={epoch}
        epochs={settings.epochs}
        done={done}
        disabled={!canRun}
        onPlay={play}
        onPause={() => controls.pause()}
        onStep={() => (guess.needPick() ? undefined : controls.step())}
        onReset={() => {
          guess.setVerdict(undefined);
          controls.reset(settings);
        }}
      />
      <RunMessages diagnosis={done ? diagnosis : undefined} pickNeeded={guess.pickNeeded} error={run.error} />
      <Legend names={names} />
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
      <RunCost msPerEpoch={run.msPerEpoch} />
      <p class="sr-only" aria-live="polite">
        {announcement}
      </p>
      <script type="application/json" id={`${id}-start`} dangerouslySetInnerHTML={{ __html: start.json }} />
    </figure>
  );
}
