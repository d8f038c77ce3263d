/**
 * The lab's one-sentence diagnosis of a failed run, read off the engine's own
 * run of each preset (pinned engine output: which network fails, and how).
 */
import { describe, expect, it } from 'vitest';

/** Each test trains whole preset runs (up to 2,000 epochs): seconds on a loaded machine, so a generous limit. */
const RUNS = 120_000;
import { createLabRun } from '../../src/islands/lab/runner.ts';
import { DEFAULT_LAB, presetSettings, type LabSettings } from '../../src/lesson-data/race-config.ts';
import { runDiagnosis } from '../../src/islands/lab/diagnosis.ts';

const diagnosisOf = (s: LabSettings) => {
  const run = createLabRun(s);
  run.step();
  while (!run.done()) run.step();
  const histories = run.trainers.map((t) => t.history);
  return { text: runDiagnosis(histories, s.networks, s.learningRate), histories };
};

describe('the lab names a failed run and its cause', () => {
  it(
    'dead ReLUs at η = 1 (the escape preset): which network, from which epoch, and why',
    () => {
      const { text, histories } = diagnosisOf(presetSettings('escape-plateau'));
      const relu = histories[1]!;
      expect(
        relu
          .at(-1)!
          .gradNorms.weight.slice(0, -1)
          .every((g) => g === 0),
      ).toBe(true);
      expect(text).toMatch(/^Network B's ReLUs died: from epoch \d+ no hidden layer receives any gradient.*η = 1/);
      expect(text!.split(/\.\s/).length).toBe(1);
    },
    RUNS,
  );

  it(
    'a run at η = 10 names its failing network, and the sigmoid race says the plateau and its start ratio',
    () => {
      expect(diagnosisOf({ ...DEFAULT_LAB, learningRate: 10 }).text).toMatch(/^Network B/);
      const race = diagnosisOf(DEFAULT_LAB);
      const g = race.histories[0]![0]!.gradNorms.weight;
      expect(race.text).toMatch(/^Network A stayed on the plateau at ln 2/);
      expect(race.text).toContain((g[0]! / g[g.length - 2]!).toPrecision(2).replace(/^0\./, '0.'));
    },
    RUNS,
  );

  it(
    'a constant initialisation is blamed on symmetry, and a run where every network learns gets no diagnosis',
    () => {
      expect(diagnosisOf(presetSettings('xavier-vs-constant')).text).toMatch(/^Network B .*symmetry/);
      expect(diagnosisOf(presetSettings('sigmoid-3-layers-2000')).text).toBeUndefined();
    },
    RUNS,
  );
});
