/**
 * What a learner's variant asks, in words, for every place a learner reads
 * their answers or their grade: the site's download, the answers template
 * made for one learner, the text report and the feedback files. One function,
 * so the four never name different numbers.
 */
import { changedNumbers, exerciseParams, getExercise, renamedNumbers } from '../../exercises/index.ts';
import { VARIANT } from '../messages/variants.ts';

/**
 * For one exercise graded with this learner's variant: the numbers that differ from the post's, then what each key
 * that keeps the post's name asks. Empty for an unknown id, a blank learner, or a variant that keeps the post's numbers.
 */
export function variantNotes(exerciseId: string, learner: string): string[] {
  const exercise = getExercise(exerciseId);
  if (!exercise) return [];
  const params = exerciseParams(exercise, learner, true);
  const changes = changedNumbers(exercise, exercise.canonical, params);
  return changes.length === 0 ? [] : [VARIANT.downloadNumbers(changes), ...renamedNumbers(exercise, params).map(VARIANT.keyNote)];
}

/** The notes for a graded report's exercise, when the report was graded with the learner's variant. */
export function reportVariantNotes(report: { learner?: string; variant?: boolean }, exerciseId: string): string[] {
  return report.variant === true && report.learner !== undefined ? variantNotes(exerciseId, report.learner) : [];
}
