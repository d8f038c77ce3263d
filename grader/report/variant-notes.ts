/**
 * What a learner's variant asks, in words, for the places a learner reads
 * their answers or their grade: the site's download, the text and Markdown
 * reports and the feedback files. One source, so they never name different
 * numbers. (The template made for one learner lists all of that learner's
 * numbers, not only those that differ, and takes its key notes from keyNotes.)
 */
import {
  changedNumbers,
  exerciseParams,
  getExercise,
  renamedNumbers,
  type ExerciseDefinition,
  type Params,
} from '../../exercises/index.ts';
import { VARIANT } from '../messages/variants.ts';

/** The learner's parameters for an exercise and the numbers among them that differ from the post's; undefined for an unknown id. */
function variantOf(exerciseId: string, learner: string) {
  const exercise = getExercise(exerciseId);
  if (!exercise) return undefined;
  const params = exerciseParams(exercise, learner, true);
  return { exercise, params, changes: changedNumbers(exercise, exercise.canonical, params) };
}

/** One line naming the numbers of this learner's variant that differ from the post's, or undefined when none do. */
export function variantNumbers(exerciseId: string, learner: string): string | undefined {
  const variant = variantOf(exerciseId, learner);
  return variant && variant.changes.length > 0 ? VARIANT.downloadNumbers(variant.changes) : undefined;
}

/**
 * For one exercise graded with this learner's variant: the line of variantNumbers, then what each key that keeps the
 * post's name asks. Empty for an unknown id, a blank learner, or a variant that keeps the post's numbers.
 */
export function variantNotes(exerciseId: string, learner: string): string[] {
  const variant = variantOf(exerciseId, learner);
  if (!variant || variant.changes.length === 0) return [];
  return [VARIANT.downloadNumbers(variant.changes), ...keyNotes(variant.exercise, variant.params)];
}

/** What each part whose id keeps the post's numbers (dsigma_at_5) asks under these parameters, where that differs. */
export function keyNotes(exercise: ExerciseDefinition, params: Params): string[] {
  return renamedNumbers(exercise, params).map(VARIANT.keyNote);
}

/** A graded report's learner and whether their variant was used (FileReport's fields). */
type Graded = { learner?: string; variant?: boolean };

/** variantNotes for a report's exercise, when the report was graded with the learner's variant. */
export function reportVariantNotes({ learner, variant }: Graded, exerciseId: string): string[] {
  return variant === true && learner !== undefined ? variantNotes(exerciseId, learner) : [];
}

/** variantNumbers for a report's exercise, when the report was graded with the learner's variant. */
export function reportVariantNumbers({ learner, variant }: Graded, exerciseId: string): string | undefined {
  return variant === true && learner !== undefined ? variantNumbers(exerciseId, learner) : undefined;
}
