import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../exercises/index.ts';
import { exerciseParams } from '../../exercises/variants.ts';
import { hashString } from '../../engine/prng.ts';

const LEARNERS = Array.from({ length: 40 }, (_, i) => `learner${i}@example.edu`);
/** Exercises whose parameters can vary; sigmoid-max has none. */
const VARYING = EXERCISES.filter((e) => e.id !== 'sigmoid-max');

describe('exerciseParams', () => {
  it('gives the canonical parameters without a learner, with an empty one, or with variants off', () => {
    for (const exercise of EXERCISES) {
      expect(exerciseParams(exercise, undefined, true)).toEqual(exercise.canonical);
      expect(exerciseParams(exercise, '', true)).toEqual(exercise.canonical);
      expect(exerciseParams(exercise, '   ', true)).toEqual(exercise.canonical);
      expect(exerciseParams(exercise, 'ada@example.edu', false)).toEqual(exercise.canonical);
    }
  });

  it('hands out canonical parameters that cannot be changed by accident', () => {
    for (const exercise of EXERCISES) expect(Object.isFrozen(exerciseParams(exercise, undefined, true))).toBe(true);
  });

  it('seeds the variant with hashString(learner + NUL + exercise id)', () => {
    for (const exercise of EXERCISES) {
      const seed = hashString(`ada@example.edu\u0000${exercise.id}`);
      expect(exerciseParams(exercise, 'ada@example.edu', true)).toEqual(exercise.variant(seed));
    }
  });

  it('is deterministic: the same learner always gets the same parameters', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...EXERCISES), (learner, exercise) => {
        expect(exerciseParams(exercise, learner, true)).toEqual(exerciseParams(exercise, learner, true));
      }),
      { numRuns: 300 },
    );
  });

  it('varies between learners, for every exercise that has parameters', () => {
    for (const exercise of VARYING) {
      const distinct = new Set(LEARNERS.map((l) => JSON.stringify(exerciseParams(exercise, l, true))));
      expect(distinct.size, exercise.id).toBeGreaterThanOrEqual(5);
    }
  });

  it('gives one learner different seeds for different exercises (the id is part of the hash)', () => {
    const seeds = EXERCISES.map((e) => hashString(`ada@example.edu\u0000${e.id}`));
    expect(new Set(seeds).size).toBe(EXERCISES.length);
  });
});
