/** Which parameters a learner gets: the post's numbers, or their own variant from a hash of (learner, exercise). */
import { hashString } from '../engine/prng.ts';
import type { ExerciseDefinition, Params } from './types.ts';

/**
 * The canonical (post's) parameters when there is no learner or variants are
 * off; otherwise the learner's variant, seeded by hashing learner and exercise
 * id with a NUL between them so that ("ab", "c…") and ("a", "bc…") differ.
 */
export function exerciseParams(exercise: ExerciseDefinition, learner: string | undefined, variantsEnabled: boolean): Params {
  if (!variantsEnabled || learner === undefined || learner.trim() === '') return exercise.canonical;
  return exercise.variant(hashString(`${learner}\u0000${exercise.id}`));
}
