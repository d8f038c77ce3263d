/**
 * The answer key for instructors (--answer-key): each roster learner's
 * numbers (their variant's parameters, as the site shows them) and the
 * correct answer of every part, so a disputed grade can be checked without
 * a browser. Computed by the exercises' own engine calls.
 */
import { EXERCISES, exerciseParams } from '../../exercises/index.ts';
import { toCsv, type CsvCell } from '../read/rfc4180.ts';
import type { RosterLearner } from './roster.ts';

/** One learner's numbers and answers, exercise by exercise. */
function keyOf(learner: string, variants: boolean) {
  return EXERCISES.map((exercise) => {
    const params = exerciseParams(exercise, learner, variants);
    const shown = exercise.display(params) as Record<string, string>;
    const answers = exercise.answers(params) as Record<string, unknown>;
    return { exercise, shown, answers };
  });
}

/** A value as text: numbers in full precision (the part's tolerance is applied by the grader, not here). */
const valueText = (value: unknown): string => (typeof value === 'number' ? String(value) : String(value));

/** One row per learner and part: learner, exercise, part, the numbers shown, the correct answer. */
export function answerKeyCsv(roster: readonly RosterLearner[], variants: boolean): string {
  const rows: CsvCell[][] = [['learner', 'variant', 'exercise', 'numbers', 'part', 'answer']];
  for (const { learner } of roster) {
    for (const { exercise, shown, answers } of keyOf(learner, variants)) {
      const numbers = Object.entries(shown)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      for (const part of exercise.parts)
        rows.push([learner, variants ? 'yes' : 'no', exercise.id, numbers, part.id, valueText(answers[part.id])]);
    }
  }
  return toCsv(rows);
}

/** The same as readable text, a block per learner. */
export function answerKeyText(roster: readonly RosterLearner[], variants: boolean): string {
  const out: string[] = [
    variants
      ? "Answer key: each learner's own numbers (variants on)."
      : "Answer key: variants are off, so every learner has the post's numbers.",
    '',
  ];
  for (const { learner } of roster) {
    out.push(learner);
    for (const { exercise, shown, answers } of keyOf(learner, variants)) {
      out.push(
        `  ${exercise.id}  (${Object.entries(shown)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')})`,
      );
      for (const part of exercise.parts) out.push(`    ${part.id}: ${valueText(answers[part.id])}`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}
