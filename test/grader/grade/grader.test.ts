/**
 * createGrader: every cache is the grader's own. Caches may change how fast
 * a report comes, never what it says, so the oracle here is a grader whose
 * caches are all turned off (limit 0: every value computed again).
 */
import { describe, expect, it } from 'vitest';
import { CHALLENGE_IDS } from '../../../exercises/challenges/index.ts';
import { EXERCISES, exerciseParams, type AnswerValue } from '../../../exercises/index.ts';
import { BoundedCache } from '../../../grader/grade/bounded-cache.ts';
import { CACHE_LIMITS, type CacheName } from '../../../grader/grade/context.ts';
import { createGrader, type Grader } from '../../../grader/grade/grader.ts';

const LEARNERS = [undefined, 'ada@example.edu', 'grace@example.edu', 'alan@example.edu'];

/** Ways of answering a part: the reference as a number and as text, every catalogued slip, an off answer and an unreadable one. */
function candidates(reference: AnswerValue, slips: readonly AnswerValue[]): unknown[] {
  const off = typeof reference === 'number' ? [reference * 1.7, -reference, String(reference)] : ['s^3', String(reference).toUpperCase()];
  return [reference, ...slips, ...off, 'not an answer (', '', 42];
}

/** Answer files that reach every part's every verdict: file k answers each part with its k-th candidate (cycling). */
function corpus(): { doc: Record<string, unknown>; path: string; variants: boolean }[] {
  const files: { doc: Record<string, unknown>; path: string; variants: boolean }[] = [];
  for (const learner of LEARNERS) {
    const variants = learner !== undefined;
    const byPart = EXERCISES.flatMap((exercise) => {
      const params = exerciseParams(exercise, learner, variants);
      const answers = exercise.answers(params);
      const slips = exercise.misconceptions(params);
      return exercise.parts.map(
        (part) =>
          [
            exercise.id,
            part.id,
            candidates(
              answers[part.id]!,
              slips.filter((m) => m.part === part.id).map((m) => m.value),
            ),
          ] as const,
      );
    });
    const rounds = Math.max(...byPart.map(([, , list]) => list.length));
    for (let k = 0; k < rounds; k++) {
      const answers: Record<string, Record<string, unknown>> = {};
      for (const [exercise, part, list] of byPart) (answers[exercise] ??= {})[part] = list[k % list.length];
      // An unreadable lab setup: graded (and kept) without replaying anything.
      const challenges = Object.fromEntries(CHALLENGE_IDS.map((id) => [id, `not a setup ${k % 2}`]));
      files.push({
        doc: { ...(learner ? { learner } : {}), answers: { ...answers, ...challenges } },
        path: `f${files.length}.yaml`,
        variants,
      });
    }
  }
  return files;
}

const FILES = corpus();
const gradeAll = (grader: Grader) => FILES.map((f) => grader.gradeAnswers(f.doc, { path: f.path, variants: f.variants }));
/** How many entries each of a grader's caches holds. */
const sizes = (grader: Grader): Record<string, number> =>
  Object.fromEntries(
    Object.entries(grader.context).flatMap(([name, cache]) => (cache instanceof BoundedCache ? [[name, cache.size]] : [])),
  );
const OFF = Object.fromEntries(Object.keys(CACHE_LIMITS).map((name) => [name, 0])) as Record<CacheName, number>;

describe('createGrader', () => {
  it('the corpus reaches every verdict', () => {
    const verdicts = new Set(gradeAll(createGrader()).flatMap((r) => r.exercises.flatMap((e) => e.parts.map((p) => p.verdict))));
    expect([...verdicts].sort()).toEqual(['correct', 'incorrect', 'invalid', 'missing']);
  });

  it('two graders share nothing: filling one leaves the other empty', () => {
    const warmed = createGrader();
    const other = createGrader();
    gradeAll(warmed);
    const filled = sizes(warmed);
    // Every cache the grader has, filled by this corpus (a cache added to the context is checked here too).
    expect(Object.keys(filled).sort()).toEqual([
      'challengeVerdicts',
      'correctSentences',
      'expressionVerdicts',
      'numbers',
      'references',
      'slipSentences',
    ]);
    for (const [name, size] of Object.entries(filled)) expect(size, name).toBeGreaterThan(0);
    expect(Object.values(sizes(other)).every((size) => size === 0)).toBe(true);
    // Grading with the other does not touch the first.
    other.gradeAnswers(FILES[0]!.doc, { path: 'x.yaml' });
    expect(sizes(warmed)).toEqual(filled);
  });

  it('a fresh grader, a warmed one and one with every cache off give the same reports, for every part of every exercise', () => {
    const off = gradeAll(createGrader({ cacheLimits: OFF }));
    const warmed = createGrader();
    gradeAll(warmed);
    expect(gradeAll(warmed)).toEqual(off);
    expect(FILES.map((f) => createGrader().gradeAnswers(f.doc, { path: f.path, variants: f.variants }))).toEqual(off);
  });

  it('caches emptied at every turn (limit 1) change nothing either', () => {
    const tiny = Object.fromEntries(Object.keys(CACHE_LIMITS).map((name) => [name, 1])) as Record<CacheName, number>;
    const grader = createGrader({ cacheLimits: tiny });
    expect([...gradeAll(grader), ...gradeAll(grader)]).toEqual([
      ...gradeAll(createGrader({ cacheLimits: OFF })),
      ...gradeAll(createGrader({ cacheLimits: OFF })),
    ]);
    expect(Math.max(...Object.values(sizes(grader)))).toBeLessThanOrEqual(1);
  });
});
