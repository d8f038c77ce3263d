import { describe, expect, it } from 'vitest';
import { EXERCISES, getExercise } from '../../exercises/index.ts';
import { DEFAULT_TOLERANCE, EXERCISE_IDS } from '../../exercises/types.ts';

/** The public ids of the answer file (DESIGN.md), restated here so that a rename fails a test. */
const PART_IDS: Record<string, string[]> = {
  'sigmoid-max': ['max_value', 'argmax_sigma', 'argmax_z', 'completed_square'],
  'deeper-network': ['factor_per_layer', 'gradient_5_layers', 'gradient_6_layers'],
  'weight-scale': ['gradient_w_0_5', 'verdict_w_0_5', 'gradient_w_2', 'verdict_w_2', 'explode_threshold_w'],
  saturation: ['dsigma_at_5', 'dsigma_at_0_5', 'ratio', 'factor_w10_at_5'],
  'relu-swap': ['gradient_relu', 'improvement_factor', 'vanishing_gone'],
};

const BLOG_CONVENTION = "The post's measure ∂aₙ/∂aₖ is 1 at the top hidden layer n, and each step down multiplies it by w·";

describe('EXERCISES', () => {
  it("lists the manifest's exercises in its order, the post's five first", () => {
    expect(EXERCISES.map((e) => e.id)).toEqual([...EXERCISE_IDS]);
    expect(EXERCISE_IDS.slice(0, 5)).toEqual(Object.keys(PART_IDS));
  });

  it('gives each public exercise exactly the part ids of the answer file, in order', () => {
    for (const [id, parts] of Object.entries(PART_IDS)) expect(getExercise(id)?.parts.map((p) => p.id)).toEqual(parts);
  });

  it('gives every part a visible label and a one-sentence question', () => {
    for (const exercise of EXERCISES) {
      const labels = exercise.parts.map((p) => p.label);
      expect(new Set(labels).size).toBe(labels.length);
      for (const part of exercise.parts) {
        expect(part.label.trim().length).toBeGreaterThan(3);
        // One sentence: no stop before the final one (decimal points aside).
        expect(part.question.replace(/\d\.\d/g, '0')).toMatch(/^[^.?!]+[.?]$/);
      }
    }
  });

  it('states a reason for every tolerance that is not the 1% default', () => {
    for (const exercise of EXERCISES) {
      for (const part of exercise.parts) {
        if (part.kind !== 'number') continue;
        if (JSON.stringify(part.tolerance) !== JSON.stringify(DEFAULT_TOLERANCE)) expect(part.tolerance.reason).toBeTruthy();
      }
    }
  });

  it('states the convention in one sentence; the chain exercises use the blog convention', () => {
    for (const exercise of EXERCISES) expect(exercise.convention).toMatch(/^[^.]+\.$/);
    for (const id of ['deeper-network', 'weight-scale', 'relu-swap']) {
      expect(getExercise(id)?.convention.startsWith(BLOG_CONVENTION)).toBe(true);
    }
  });

  it('getExercise finds each id and nothing else', () => {
    for (const exercise of EXERCISES) expect(getExercise(exercise.id)).toBe(exercise);
    expect(getExercise('relu-swp')).toBeUndefined();
    expect(getExercise('__proto__')).toBeUndefined();
  });
});
