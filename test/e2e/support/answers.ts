/** Answers as a learner would type them into the form, from the exercises' own reference values. */
import type { AnswerValue } from '../../../exercises/index.ts';

/** A number written the way a person types it: 4 significant figures, e-notation below 0.001. */
export function typed(value: AnswerValue): string {
  if (typeof value === 'string') return value;
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}
