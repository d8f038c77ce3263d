/**
 * The catalogue properties every exercise must hold, as a describe block each
 * exercise's own test file runs with its parameter grid (every combination its
 * variants can draw, built from its documented lists): adding an exercise adds
 * its grid in its own test, and no shared table lists the exercises.
 * test/exercises/catalogue.test.ts fails when an exercise's test does not run it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExerciseDefinition, Params } from '../../exercises/types.ts';
import { formatNumber } from '../../engine/format.ts';
import { band, equivalent } from './support.ts';

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

/** The catalogue's properties for `exercise` at its canonical parameters, at every point of `grid`, and for 250 seeds. */
export function describeCatalogue(exercise: ExerciseDefinition, grid: readonly Params[]): void {
  describe(`${exercise.id} catalogue`, () => {
    it('holds for the canonical parameters', () => checkExercise(exercise, exercise.canonical));

    it('holds for every parameter combination the variants can draw', () => {
      for (const params of grid) checkExercise(exercise, params);
    });

    it('holds for 250 variant seeds, and each seed gives the same parameters every time', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
          const params = exercise.variant(seed);
          expect(exercise.variant(seed)).toEqual(params);
          expect(grid).toContainEqual(params);
          checkExercise(exercise, params);
        }),
        { numRuns: 250 },
      );
    });
  });
}
