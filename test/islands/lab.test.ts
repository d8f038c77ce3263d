import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../engine/datasets.ts';
import { predict } from '../../engine/mlp.ts';
import { createTrainer } from '../../engine/train.ts';
import {
  DEFAULT_LAB,
  GRID,
  LAB_PRESETS,
  LAB_PRESET_NAMES,
  networkConfig,
  presetSettings,
  usesFixes,
  type LabSettings,
} from '../../src/lesson-data/race-config.ts';
import { gridBounds, gridPoints } from '../../src/islands/lab/grid.ts';
import { createLabRun, startingLine } from '../../src/islands/lab/runner.ts';
import { checkKnob, labFromHash, labToHash, presetFromName } from '../../src/islands/lab/state.ts';
import { verdictText, winners } from '../../src/islands/lab/verdict.ts';
import { readHashState, readHashValue, writeHashState } from '../../src/islands/hash-state.ts';

const small: LabSettings = { ...DEFAULT_LAB, points: 40, depth: 2, width: 4, batchSize: 40, epochs: 3 };

describe('the decision map', () => {
  it('comes from the engine: predict with batch norm in inference mode, on the grid', () => {
    const s: LabSettings = { ...small, networks: [DEFAULT_LAB.networks[0]!, { ...DEFAULT_LAB.networks[0]!, batchNorm: true }] };
    const run = createLabRun(s);
    for (let e = 0; e < 4; e++) run.step();
    const G = gridPoints(gridBounds(run.data), GRID);
    run.grids().forEach((grid, i) => {
      const want = predict(run.trainers[i]!.network, G, GRID * GRID, 'inference');
      grid.forEach((p, k) => expect(Math.abs(p - want[k]!)).toBeLessThan(1e-6));
    });
  });

  it('covers the data with a margin, row 0 at the top', () => {
    const data = makeDataset({ name: 'moons', n: 60, seed: 3 });
    const [lo, hi] = gridBounds(data);
    for (const v of data.X) expect(v > lo && v < hi).toBe(true);
    expect([...gridPoints([0, 1], 2)]).toEqual([0.25, 0.75, 0.75, 0.75, 0.25, 0.25, 0.75, 0.25]);
  });

  it('starts from the same epoch 0 the engine trains from', () => {
    const line = startingLine(small);
    const data = makeDataset({ name: small.dataset, n: small.points, noise: small.noise, seed: small.seed });
    const t = createTrainer({
      network: networkConfig(small, small.networks[1]!),
      dataset: data,
      learningRate: small.learningRate,
      epochs: 1,
      seed: small.seed,
    });
    expect(line.history[1]![0]).toEqual(t.step());
    expect(line.grids).toHaveLength(2);
    expect(line.grids[0]).toHaveLength(GRID * GRID);
  });
});

describe('the lab settings in the hash', () => {
  it('round-trips every setting', () => {
    const s: LabSettings = {
      dataset: 'spiral',
      noise: 0.2,
      points: 120,
      depth: 7,
      width: 6,
      learningRate: 0.5,
      epochs: 4000,
      batchSize: 16,
      constantW: -0.3,
      seed: 42,
      networks: [
        { activation: 'tanh', init: 'constant', batchNorm: true, residual: false },
        { activation: 'leaky-relu', init: 'he', batchNorm: false, residual: true },
        { activation: 'sigmoid', init: 'xavier', batchNorm: true, residual: true },
      ],
    };
    const hash = writeHashState('#intro', 'lab', labToHash(s));
    expect(hash.startsWith('#intro&lab=')).toBe(true);
    expect(labFromHash(readHashState(hash, 'lab')!)).toEqual({ settings: s, problems: [] });
  });

  it('names every wrong field and keeps the default for it', () => {
    const { settings, problems } = labFromHash({ d: '12', lr: 'fast', a1: 'softmax', k: '7', b2: 'maybe', ep: '5000' });
    expect(settings).toEqual({ ...DEFAULT_LAB, epochs: 5000 });
    expect(problems).toEqual([
      "The link's hidden layers: Hidden layers 12 is outside 1 to 10; kept 5.",
      "The link's learning rate η: Learning rate η needs a number from 0.001 to 10; kept 0.1.",
      'The link asks for 7 networks; the lab shows 2 to 4, so it keeps 2.',
      "The link's activation of network 1 “softmax” is not one of sigmoid, tanh, relu, leaky-relu; the lab uses sigmoid.",
      "The link's “b2:maybe” is not on (1) or off (0); the lab uses off.",
    ]);
  });

  it("folds lesson 7's knobs exactly when nothing sets them: the default race and lesson 6's presets, not lesson 7's", () => {
    expect(usesFixes(DEFAULT_LAB)).toBe(false);
    for (const name of LAB_PRESET_NAMES) expect(usesFixes(presetSettings(name)), name).toBe(LAB_PRESETS[name].lesson === 'fixes');
    const one = (patch: Partial<LabSettings['networks'][number]>) => ({
      ...DEFAULT_LAB,
      networks: [DEFAULT_LAB.networks[0]!, { ...DEFAULT_LAB.networks[1]!, ...patch }],
    });
    expect([
      usesFixes(one({ activation: 'tanh' })),
      usesFixes(one({ activation: 'leaky-relu' })),
      usesFixes(one({ init: 'he' })),
      usesFixes(one({ batchNorm: true })),
      usesFixes(one({ residual: true })),
    ]).toEqual([true, true, true, true, true]);
    expect(usesFixes({ ...DEFAULT_LAB, constantW: 0.3 })).toBe(true);
    expect(usesFixes({ ...DEFAULT_LAB, depth: 3, learningRate: 1, dataset: 'spiral', batchSize: 20 })).toBe(false);
  });

  it('opens every preset the lessons link to by `#lab:preset=<name>`', () => {
    expect(LAB_PRESET_NAMES).toEqual([
      'escape-plateau',
      'sigmoid-3-layers-2000',
      'xavier-vs-constant',
      'batchnorm-rescue',
      'residual-depth-10',
    ]);
    const hash = '#lab:preset=batchnorm-rescue';
    expect(readHashValue(hash, 'lab:preset')).toBe('batchnorm-rescue');
    expect(presetFromName(readHashValue(hash, 'lab:preset'))?.settings.networks.map((n) => n.batchNorm)).toEqual([false, true]);
    expect(presetSettings('sigmoid-3-layers-2000')).toMatchObject({ depth: 3, epochs: 2000 });
    expect(presetSettings('residual-depth-10').networks.some((n) => n.residual)).toBe(true);
    expect(presetFromName('constructor')).toBeUndefined();
    expect(presetFromName('nope')).toBeUndefined();
  });
});

describe('a typed value out of range', () => {
  it('gets a message that states the range and what is kept, never a silent change', () => {
    expect(checkKnob('depth', '11', 5)).toEqual({ ok: false, message: 'Hidden layers 11 is outside 1 to 10; kept 5.' });
    expect(checkKnob('depth', '2.5', 5)).toEqual({ ok: false, message: 'Hidden layers takes whole numbers only, 1 to 10; kept 5.' });
    expect(checkKnob('batchSize', '300', 200, 200)).toEqual({
      ok: false,
      message: 'Batch size 300 is outside 1 to 200 (the data set has 200 points); kept 200.',
    });
    expect(checkKnob('learningRate', '−0.5', 0.1)).toEqual({
      ok: false,
      message: 'Learning rate η −0.5 is outside 0.001 to 10; kept 0.1.',
    });
    expect(checkKnob('epochs', '5000', 300)).toEqual({ ok: true, value: 5000 });
  });
});

describe('the verdict', () => {
  const report = (loss: number) => [{ epoch: 1, loss, accuracy: 0, gradNorms: { weight: [], bias: [] }, saturation: [], updateRatio: [] }];
  it('names the lowest final loss, calls near-equal losses a tie, and sets the pick against it', () => {
    expect(winners([report(0.69), report(0.05)])).toEqual([1]);
    expect(winners([report(0.1), report(0.1005), report(0.5)])).toEqual([0, 1]);
    expect(verdictText([report(0.69), report(0.05)], 1)).toBe(
      'Network B (loss 0.05) ended with the lowest loss. You picked B (loss 0.05): your prediction was right.',
    );
    expect(verdictText([report(0.69), report(0.05)], 0)).toMatch(
      /^Network B \(loss 0\.05\) ended with the lowest loss\. You picked A \(loss 0\.69\): not this time\./,
    );
  });
});
