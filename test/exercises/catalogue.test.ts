import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberMisconceptions } from '../../exercises/catalogue.ts';
import * as deeper from '../../exercises/deeper-network/index.ts';
import { EXERCISES } from '../../exercises/index.ts';
import * as relu from '../../exercises/relu-swap/index.ts';
import * as saturation from '../../exercises/saturation/index.ts';
import type { ExerciseDefinition, NumberPart, Params } from '../../exercises/types.ts';
import * as weights from '../../exercises/weight-scale/index.ts';
import { formatNumber } from '../../engine/format.ts';
import { band, equivalent } from './support.ts';

/** Every parameter combination each exercise can draw, built from its documented lists. */
const GRIDS: Record<string, Params[]> = {
  'sigmoid-max': [{}],
  'deeper-network': deeper.WEIGHTS.flatMap((w) => deeper.DEPTHS.map((depth) => ({ w, depth }))),
  'weight-scale': weights.SIGMA_PRIMES.flatMap((sigmaPrime) =>
    weights.WEIGHTS_A.flatMap((wA) => weights.WEIGHTS_B.map((wB) => ({ sigmaPrime, wA, wB }))),
  ),
  saturation: saturation.Z_SATURATED.flatMap((zSat) =>
    saturation.Z_SMALL.flatMap((zSmall) => saturation.WEIGHTS.map((w) => ({ zSat, zSmall, w }))),
  ),
  'relu-swap': relu.WEIGHTS.flatMap((w) => relu.DEPTHS.map((depth) => ({ w, depth }))),
};

/** Ways a number could be written that would give it away. */
const spellings = (x: number) =>
  [2, 3, 4].flatMap((sig) => [formatNumber(x, { sig }), formatNumber(x, { sig, style: 'ascii' })]).filter((s) => s !== '0');

/** Every property the grader and the learner rely on, for one exercise at one set of parameters. */
function checkExercise(exercise: ExerciseDefinition, params: Params): void {
  const answers = exercise.answers(params);
  const catalogue = exercise.misconceptions(params);
  expect(Object.keys(answers).sort()).toEqual(exercise.parts.map((p) => p.id).sort());
  expect(new Set(catalogue.map((m) => m.id)).size).toBe(catalogue.length);
  const hints = exercise.hints(params);
  expect(hints.length).toBeGreaterThanOrEqual(2);
  expect(hints.length).toBeLessThanOrEqual(3);
  expect(new Set(hints).size).toBe(hints.length);

  for (const part of exercise.parts) {
    const reference = answers[part.id]!;
    const mine = catalogue.filter((m) => m.part === part.id);
    expect(mine.length, `${exercise.id}.${part.id} has misconceptions`).toBeGreaterThanOrEqual(1);
    const feedback = mine.map((m) => m.feedback);
    expect(new Set(feedback).size, `${exercise.id}.${part.id}: distinct feedback`).toBe(feedback.length);
    for (const text of feedback) expect(text.trim().length).toBeGreaterThan(20);

    if (part.kind === 'number') {
      expect(typeof reference === 'number' && Number.isFinite(reference)).toBe(true);
      const ref = reference as number;
      expect(mine.length, `${exercise.id}.${part.id}: at least three slips`).toBeGreaterThanOrEqual(3);
      for (const [i, m] of mine.entries()) {
        const v = m.value as number;
        expect(Number.isFinite(v)).toBe(true);
        // Bands must not touch: no answer may be read both as correct and as a slip, or as two slips.
        // A `near` slip (an approximation, rounding) may touch the answer's band, since the grader checks
        // the answer first; its own value must still be outside the tolerance.
        if (m.near) expect(Math.abs(v - ref), `${m.id} vs reference`).toBeGreaterThan(band(part, ref));
        else expect(Math.abs(v - ref), `${m.id} vs reference`).toBeGreaterThan(band(part, v) + band(part, ref));
        for (const other of mine.slice(i + 1)) {
          const o = other.value as number;
          expect(Math.abs(v - o), `${m.id} vs ${other.id}`).toBeGreaterThan(band(part, v) + band(part, o));
        }
      }
      for (const text of [...feedback, ...hints]) {
        for (const spelled of spellings(ref)) expect(text, `gives away ${exercise.id}.${part.id}`).not.toContain(spelled);
      }
    } else if (part.kind === 'choice') {
      expect(part.choices).toContain(reference);
      for (const m of mine) {
        expect(part.choices).toContain(m.value);
        expect(m.value).not.toBe(reference);
        expect(m.feedback).not.toMatch(new RegExp(`\\b${String(reference)}\\b`));
      }
    } else {
      for (const m of mine) expect(equivalent(m.value as string, reference as string)).toBe(false);
    }
  }

  // No numeric answer may coincide with a given parameter, or copying the prompt would score.
  for (const part of exercise.parts) {
    const ref = answers[part.id];
    if (part.kind !== 'number' || typeof ref !== 'number') continue;
    for (const [key, given] of Object.entries(params)) {
      if (typeof given !== 'number') continue;
      expect(Math.abs(given - ref), `${exercise.id}.${part.id} equals ${key}`).toBeGreaterThan(band(part, ref));
    }
  }

  const display = exercise.display(params);
  for (const key of Object.keys(params)) expect(display[key], `display.${key}`).toBeTruthy();
  for (const text of Object.values(display)) expect(text).not.toMatch(/NaN|undefined|Infinity/);
}

describe.each(EXERCISES.map((e) => [e.id, e] as const))('%s catalogue', (_id, exercise) => {
  it('holds for the canonical parameters', () => checkExercise(exercise, exercise.canonical));

  it('holds for every parameter combination the variants can draw', () => {
    for (const params of GRIDS[exercise.id]!) checkExercise(exercise, params);
  });

  it('holds for 250 variant seeds, and each seed gives the same parameters every time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const params = exercise.variant(seed);
        expect(exercise.variant(seed)).toEqual(params);
        expect(GRIDS[exercise.id]).toContainEqual(params);
        checkExercise(exercise, params);
      }),
      { numRuns: 250 },
    );
  });
});

describe('catalogue helpers', () => {
  const part: NumberPart = { id: 'g', label: 'g', question: 'g?', kind: 'number', tolerance: { kind: 'relative', value: 0.01 } };

  it('drops a slip that lands in the reference band or a likelier slip’s band, keeping the likelier one', () => {
    const kept = numberMisconceptions(part, 1e-3, [
      { slug: 'too-many', value: 1e-4, feedback: 'one factor too many' },
      { slug: 'tenth', value: 1.0005e-4, feedback: 'power of ten' },
      { slug: 'rounded', value: 1.005e-3, feedback: 'within tolerance' },
      { slug: 'nan', value: Number.NaN, feedback: 'not a number' },
      { slug: 'inverse', value: 1e3, feedback: 'inverted' },
    ]);
    expect(kept.map((m) => m.id)).toEqual(['g.too-many', 'g.inverse']);
  });

  it('caches answers and catalogues per parameters and hands out frozen copies nobody can corrupt', () => {
    for (const exercise of EXERCISES) {
      const params = exercise.variant(7);
      expect(exercise.misconceptions(params)).toBe(exercise.misconceptions({ ...params }));
      expect(Object.isFrozen(exercise.answers(params))).toBe(true);
      const first = exercise.misconceptions(params)[0]!;
      expect(() => Object.assign(first, { value: 0 })).toThrow(TypeError);
    }
    const [a, b] = [
      { w: 0.1, depth: 4 },
      { w: 0.2, depth: 4 },
    ];
    const deeperNetwork = EXERCISES[1]!;
    expect(deeperNetwork.answers(a)).not.toEqual(deeperNetwork.answers(b));
  });
});
