/**
 * Counts the tests derive from the course rather than type: adding an
 * exercise or a part changes them with it.
 */
import { CHALLENGE_IDS } from '../../exercises/challenges/types.ts';
import { EXERCISES, getExercise } from '../../exercises/index.ts';
import type { FileReport } from '../../grader/schema.ts';

/** Every part of every exercise: a file's maxScore when it answers no lab challenge. */
export const PARTS = EXERCISES.reduce((n, e) => n + e.parts.length, 0);

/** A file's maxScore when it answers a lab challenge: every challenge is then graded, one part each. */
export const PARTS_WITH_CHALLENGES = PARTS + CHALLENGE_IDS.length;

/** The parts of the named exercises; NaN for an id the course does not have, so a rename fails the test that counts. */
export function partsOf(...ids: readonly string[]): number {
  return ids.reduce((n, id) => n + (getExercise(id)?.parts.length ?? Number.NaN), 0);
}

/**
 * A report cut down to the named exercises, its score and maxScore summed again
 * from theirs: a sample written out for the post's five stays the same when an
 * exercise is added to the manifest.
 */
export function onlyExercises(report: FileReport, ids: readonly string[]): FileReport {
  if (report.status !== 'graded') return report;
  const exercises = report.exercises.filter((e) => ids.includes(e.id));
  const sum = (key: 'score' | 'maxScore') => exercises.reduce((n, e) => n + e[key], 0);
  return { ...report, exercises, score: sum('score'), maxScore: sum('maxScore') };
}
