/**
 * The lab challenges: for each, a passing setup (every variant), a failing
 * setup for each reason it states, setups outside its limits; the grader's
 * verdict against an independent replay (the lab's own reading of the string
 * and its own network builder, straight into the engine's trainer); and any
 * string at all gives a verdict without throwing or running past the bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../engine/datasets.ts';
import { createTrainer } from '../../engine/train.ts';
import {
  CHALLENGE_IDS,
  CHALLENGES,
  challengeParams,
  getChallenge,
  gradeSetup,
  MAX_REPLAY_WORK,
  readSetup,
  solutionSetup,
  startSetup,
  writeSetup,
  type ChallengeDefinition,
  type LabSetup,
} from '../../exercises/challenges/index.ts';
import { replayWork } from '../../exercises/challenges/replay.ts';
import { DEFAULT_LAB, networkConfig } from '../../src/lesson-data/race-config.ts';
import { readHashState, writeHashState } from '../../src/islands/hash-state.ts';
import { labFromHash, labToHash } from '../../src/islands/lab/state.ts';

/** Tests that replay: up to six replays of up to 0.2 s each, in a worker of a loaded 2-core machine (3.2 s measured at worst), far below a minute. */
const REPLAYS_TIMEOUT = 60_000;

const byId = (id: string): ChallengeDefinition => getChallenge(id)!;

/** A challenge's starting setup with some settings changed, as a string. */
function variation(id: string, patch: Partial<LabSetup>, networkA: Partial<LabSetup['networks'][number]> = {}): string {
  const c = byId(id);
  const s = c.start(c.canonical);
  return writeSetup({ ...s, ...patch, networks: s.networks.map((n, i) => (i === 0 ? { ...n, ...networkA } : n)) });
}

describe("the setup string is the lab's", () => {
  it('reads what the lab writes into the URL, and writes what the lab reads', () => {
    const hash = writeHashState('', 'lab', labToHash(DEFAULT_LAB));
    const value = readHashValueOf(hash);
    expect(writeSetup(DEFAULT_LAB)).toBe(value);
    const read = readSetup(value);
    expect(read).toEqual({ ok: true, setup: DEFAULT_LAB });
    expect(readSetup(`https://example.edu/lessons/training/${hash}`)).toEqual(read);
    expect(readSetup(`lab=${value}`)).toEqual(read);
    const back = labFromHash(readHashState(`#lab=${solutionSetup(byId('deep-sigmoid'))}`, 'lab')!);
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual(byId('deep-sigmoid').solution(byId('deep-sigmoid').canonical));
  });
  it('names what it cannot read', () => {
    expect(readSetup(42)).toMatchObject({ ok: false, message: expect.stringContaining('not a number') });
    expect(readSetup('ds:moons')).toMatchObject({ ok: false, message: 'the setup has no noise (nz:…)' });
    expect(readSetup(`${writeSetup(DEFAULT_LAB)},zz:1`)).toMatchObject({ ok: false, message: '“zz” is not a setting of the lab' });
    expect(readSetup(writeSetup(DEFAULT_LAB).replace('lr:0.1', 'lr:0x10'))).toMatchObject({
      ok: false,
      message: 'the learning rate η “0x10” is not a number',
    });
  });
});

/** The value of the lab's segment in a hash. */
function readHashValueOf(hash: string): string {
  return decodeURIComponent(hash.slice(hash.indexOf('=') + 1));
}

describe.each(CHALLENGES.map((c) => [c.id, c] as const))('%s', (id, challenge) => {
  it(
    'every variant has a passing setup, and the grader says correct',
    () => {
      for (const p of challenge.allVariants())
        expect(gradeSetup(challenge, solutionSetup(challenge, p), p)).toMatchObject({ verdict: 'correct' });
    },
    REPLAYS_TIMEOUT,
  );
  it(
    'the starting setup the lab opens with does not already pass (canonical numbers)',
    () => {
      expect(gradeSetup(challenge, startSetup(challenge)).verdict).toBe('incorrect');
    },
    REPLAYS_TIMEOUT,
  );
  it('refuses setups outside its limits before running, naming the setting', () => {
    const s = challenge.start(challenge.canonical);
    expect(gradeSetup(challenge, writeSetup({ ...s, seed: 2 }))).toMatchObject({
      verdict: 'invalid',
      reason: 'outside-limits',
      feedback: expect.stringContaining('the seed is 2; this challenge fixes it at 1'),
    });
    expect(gradeSetup(challenge, writeSetup({ ...s, points: 500 }))).toMatchObject({
      verdict: 'invalid',
      feedback: expect.stringContaining('the number of points is 500'),
    });
    expect(gradeSetup(challenge, writeSetup({ ...s, epochs: 10_000 }))).toMatchObject({
      verdict: 'invalid',
      feedback: expect.stringContaining('the number of epochs is 10,000'),
    });
    expect(
      gradeSetup(challenge, writeSetup({ ...s, networks: [{ ...s.networks[0]!, activation: 'tanh' }, ...s.networks.slice(1)] })),
    ).toMatchObject({ verdict: 'invalid', feedback: expect.stringContaining("network A's activation is tanh") });
  });
  it('variants come from the hash of learner and challenge id, the same for every spelling of the learner', () => {
    expect(challengeParams(challenge, ' ADA@example.edu', true)).toEqual(challengeParams(challenge, 'ada@example.edu', true));
    expect(challengeParams(challenge, 'ada@example.edu', false)).toBe(challenge.canonical);
    const seen = new Set(Array.from({ length: 40 }, (_, i) => JSON.stringify(challengeParams(challenge, `learner-${i}`, true))));
    expect(seen.size).toBe(challenge.allVariants().length);
  });
  it(`the ids are fixed (${CHALLENGE_IDS.join(', ')})`, () => expect(CHALLENGE_IDS).toContain(id));
});

describe('each stated failure reason is computed from the run', () => {
  const cases: [string, string, Partial<LabSetup>, Partial<LabSetup['networks'][number]>, RegExp][] = [
    ['relu-learning-rate', 'missed-goal', {}, {}, /^The goal was missed by a factor of 1\.58: network A's accuracy at epoch 300 is 60%/],
    [
      'relu-learning-rate',
      'dead-units',
      { learningRate: 1 },
      {},
      /^21 of 48 ReLU units of network A are dead at epoch 300 .* at most 12\.$/,
    ],
    ['relu-learning-rate', 'diverged', { learningRate: 10 }, {}, /^Network A diverged at epoch 1:/],
    ['first-layer-signal', 'missed-goal', {}, {}, /^The goal was missed by a factor of 170:/],
    [
      'first-layer-signal',
      'saturated',
      { constantW: 1 },
      { init: 'constant' },
      /^Layer 2 of network A is saturated at epoch 50: 56\.7% of its slopes/,
    ],
    ['deep-sigmoid', 'missed-goal', {}, {}, /^The goal was missed by a factor of 3\.18: network A's accuracy at epoch 300 is 28\.3%/],
    [
      'deep-sigmoid',
      'saturated',
      { learningRate: 1, constantW: 2 },
      { init: 'constant' },
      /^Layer 2 of network A is saturated at epoch 300: /,
    ],
    ['deep-sigmoid', 'diverged', { learningRate: 10 }, { residual: true }, /^Network A diverged at epoch 1:/],
    ['batchnorm-alone', 'no-contrast', {}, {}, /^Network A reached 83\.3% without batch norm/],
    [
      'batchnorm-alone',
      'missed-goal',
      { learningRate: 0.001, depth: 8 },
      {},
      /^The goal was missed by a factor of 1\.62: network B's accuracy/,
    ],
    ['batchnorm-alone', 'diverged', { learningRate: 10, depth: 8 }, {}, /^Network A diverged at epoch 1:/],
  ];
  it.each(cases)(
    '%s: %s (pinned engine output)',
    (id, reason, patch, networkA, feedback) => {
      const v = gradeSetup(byId(id), variation(id, patch, networkA));
      expect(v).toMatchObject({ verdict: 'incorrect', reason });
      expect(v.feedback).toMatch(feedback);
    },
    REPLAYS_TIMEOUT,
  );
  it('batch norm must be the only difference between A and B', () => {
    const c = byId('batchnorm-alone');
    const s = c.solution(c.canonical);
    const v = gradeSetup(c, writeSetup({ ...s, networks: [s.networks[0]!, { ...s.networks[1]!, init: 'he' }] }));
    expect(v).toMatchObject({ verdict: 'invalid', reason: 'outside-limits' });
    expect(v.feedback).toBe("Not run: network B's initialisation is he and network A's is xavier; they may differ only in batch norm.");
  });
});

/** The lab's own replay: its reading of the string, its network builder, the engine's trainer; loss and accuracy at the end. */
function independentReplay(setup: string, networks: number): number[] {
  const { settings: s, problems } = labFromHash(readHashState(`#lab=${setup}`, 'lab')!);
  expect(problems).toEqual([]);
  const data = makeDataset({ name: s.dataset, n: s.points, noise: s.noise, seed: s.seed });
  return s.networks.slice(0, networks).flatMap((n) => {
    const t = createTrainer({
      network: networkConfig(s, n),
      dataset: data,
      learningRate: s.learningRate,
      epochs: s.epochs,
      batchSize: s.batchSize,
      seed: s.seed,
    });
    let last = t.step();
    while (!t.done) last = t.step();
    return [last.loss, last.accuracy];
  });
}

describe("the grader's numbers equal an independent replay through the engine", () => {
  it.each(CHALLENGES.map((c) => [c.id, c] as const))(
    '%s: the solution and the start, bit for bit',
    (_id, c) => {
      for (const setup of [solutionSetup(c), startSetup(c)]) {
        const v = gradeSetup(c, setup);
        const finals = independentReplay(setup, c.graded);
        expect(v.finals).toEqual(finals);
        v.finals!.forEach((x, i) => expect(Object.is(x, finals[i])).toBe(true));
      }
    },
    REPLAYS_TIMEOUT,
  );
  it(
    'and the verdict follows from those numbers (accuracy against the goal)',
    () => {
      const c = byId('deep-sigmoid');
      const [, accuracy] = independentReplay(solutionSetup(c), 1);
      expect(accuracy! >= (c.canonical.goal as number)).toBe(true);
      const [, startAccuracy] = independentReplay(startSetup(c), 1);
      expect(startAccuracy! < (c.canonical.goal as number)).toBe(true);
    },
    REPLAYS_TIMEOUT,
  );
});

describe('any answer, however malformed, gives a verdict within the bound', () => {
  // Each case either fails to read (microseconds) or replays a setup within some challenge's limits (≤ about
  // 0.2 s here); 60 runs per challenge keep this near 15 s at worst on a loaded 2-core machine, far from the 120 s timeout.
  const settingsArb = fc.record({
    lr: fc.constantFrom('0.001', '0.05', '1', '10', '1e400', '-1', 'NaN', ''),
    ep: fc.constantFrom('1', '5', '50', '300', '301', '1e9', '2.5'),
    d: fc.constantFrom('1', '2', '8', '10', '11', '-3'),
    extra: fc.constantFrom('', ',k:9', ',a1:relu', ',zz:1', ',b2:2', ',lr:0.1', '%', '#'),
  });
  it.each(CHALLENGES.map((c) => [c.id, c] as const))(
    '%s: mutated setups and random strings',
    (_id, c) => {
      const base = startSetup(c);
      fc.assert(
        fc.property(
          fc.oneof(
            settingsArb.map(
              ({ lr, ep, d, extra }) =>
                base
                  .replace(/lr:[^,]*/, `lr:${lr}`)
                  .replace(/ep:[^,]*/, `ep:${ep}`)
                  .replace(/(^|,)d:[^,]*/, `$1d:${d}`) + extra,
            ),
            fc.string({ maxLength: 300 }),
            fc.anything(),
          ),
          (value) => {
            const read = readSetup(value);
            if (read.ok)
              expect(replayWork(read.setup, c.graded) > MAX_REPLAY_WORK && gradeSetup(c, value).verdict !== 'invalid').toBe(false);
            const v = gradeSetup(c, value);
            expect(['correct', 'incorrect', 'invalid']).toContain(v.verdict);
            expect(v.feedback.length).toBeGreaterThan(0);
            if (v.verdict !== 'invalid')
              expect(replayWork(read.ok ? read.setup : DEFAULT_LAB, c.graded)).toBeLessThanOrEqual(MAX_REPLAY_WORK);
          },
        ),
        { numRuns: 60, seed: 24 },
      );
    },
    120_000,
  );
});

describe('the light list the lab reads', () => {
  it('names every challenge in order, with its title and lesson', async () => {
    const { CHALLENGE_LIST } = await import('../../exercises/challenges/list.ts');
    expect(CHALLENGE_LIST).toEqual(CHALLENGES.map((c) => ({ id: c.id, title: c.title, lesson: c.lesson })));
  });
});
