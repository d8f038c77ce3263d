/**
 * Counts the tests derive from the course rather than type: adding an
 * exercise or a part changes them with it.
 */
import { CHALLENGE_IDS } from '../../exercises/challenges/types.ts';
import { EXERCISES } from '../../exercises/index.ts';

/** Every part of every exercise: a file's maxScore when it answers no lab challenge. */
export const PARTS = EXERCISES.reduce((n, e) => n + e.parts.length, 0);

/** A file's maxScore when it answers a lab challenge: every challenge is then graded, one part each. */
export const PARTS_WITH_CHALLENGES = PARTS + CHALLENGE_IDS.length;
