/**
 * The misconception catalogue (docs/decisions.md), graded by the grader itself: for at
 * least 200 variant seeds, each slip listed here that the catalogue holds for
 * those numbers is `incorrect` with its own message, never `correct`, and each
 * one is exercised by enough seeds that the check cannot pass by being empty.
 */
import { describe, expect, it } from 'vitest';
import { EXERCISES, type ExerciseDefinition, type Misconception, type Params } from '../../exercises/index.ts';
import { createGrader } from '../../grader/grade/grader.ts';

const { gradePart } = createGrader();

const SEEDS = Array.from({ length: 240 }, (_, i) => (i * 2654435761) >>> 0);

/** The new slips, by exercise, each as part.slug (a part of `*` means every number part). */
const NEW_SLIPS: Record<string, readonly string[]> = {
  saturation: [
    'dsigma_at_5.exponential-tail',
    'ratio.exponential-tail',
    'factor_w10_at_5.exponential-tail',
    'dsigma_at_5.rounded-sigma',
    'ratio.rounded-sigma',
    'factor_w10_at_5.rounded-sigma',
  ],
  'deeper-network': [
    'factor_per_layer.own-layer-slope',
    'gradient_5_layers.own-layer-slope',
    'gradient_6_layers.quarter-slopes',
    'gradient_5_layers.forgot-w-added',
    'gradient_6_layers.forgot-w-added',
  ],
  'weight-scale': ['gradient_w_0_5.peak-slope', 'gradient_w_2.peak-slope', 'gradient_w_0_5.slope-once', 'gradient_w_2.slope-once'],
  '*': ['*.post-numbers', '*.rounded-1-sig', '*.rounded-2-sig', '*.truncated-1-sig', '*.truncated-2-sig'],
};

const isNew = (exercise: ExerciseDefinition, m: Misconception) => {
  const slug = m.id.slice(m.id.indexOf('.') + 1);
  return (NEW_SLIPS[exercise.id] ?? []).includes(m.id) || NEW_SLIPS['*']!.includes(`*.${slug}`);
};

/** Grades a misconception's own value as the learner would type it, with 4 significant figures. */
function grade(exercise: ExerciseDefinition, params: Params, m: Misconception) {
  const part = exercise.parts.find((p) => p.id === m.part)!;
  const answers = exercise.answers(params);
  const typed = typeof m.value === 'number' ? m.value.toPrecision(4) : m.value;
  return gradePart({
    part,
    value: typed,
    reference: answers[part.id]!,
    misconceptions: exercise.misconceptions(params),
    place: { path: `answers.${exercise.id}.${part.id}` },
  }).report;
}

describe.each(EXERCISES.filter((e) => e.id !== 'sigmoid-max'))('$id: new misconceptions over 240 variant seeds', (exercise) => {
  it('are incorrect with their own message, and each is met often enough to count', () => {
    const seen = new Map<string, number>();
    for (const seed of SEEDS) {
      const params = exercise.variant(seed);
      for (const m of exercise.misconceptions(params).filter((m) => isNew(exercise, m))) {
        const key = m.id.replace(/^[^.]+(?=\.(post-numbers|rounded-\d|truncated-\d))/, '*');
        seen.set(key, (seen.get(key) ?? 0) + 1);
        const report = grade(exercise, params, m);
        expect(report.verdict, `${exercise.id} seed ${seed}: ${m.id}`).toBe('incorrect');
        expect(report.feedback, `${exercise.id} seed ${seed}: ${m.id}`).toContain(m.feedback);
      }
    }
    const expected = [...(NEW_SLIPS[exercise.id] ?? []), '*.post-numbers'];
    for (const id of expected) expect(seen.get(id) ?? 0, `${exercise.id}: ${id} is exercised`).toBeGreaterThanOrEqual(20);
    const rounding = [...seen.keys()].filter((k) => /^\*\.(rounded|truncated)/.test(k));
    expect(rounding.length, `${exercise.id}: rounding slips are exercised`).toBeGreaterThanOrEqual(2);
  });

  it("gives the post's numbers their own message only when the learner's differ", () => {
    const canonical = exercise.misconceptions(exercise.canonical);
    expect(canonical.some((m) => m.id.endsWith('.post-numbers'))).toBe(false);
  });
});

describe('the hints do not steer to an approximation the grader rejects', () => {
  it('saturation and deeper-network hints say to use the exact slope', () => {
    for (const id of ['saturation', 'deeper-network']) {
      const exercise = EXERCISES.find((e) => e.id === id)!;
      for (const seed of SEEDS.slice(0, 50)) {
        const last = exercise.hints(exercise.variant(seed)).at(-1)!;
        expect(last, id).toMatch(/exact/);
        expect(last, id).not.toMatch(/roughly like e\^\(−z\)|close to its peak value 1\/4\.$/);
      }
    }
  });
});
