/** Which parameters a learner gets: the post's numbers, or their own variant from a hash of (learner, exercise). */
import { hashString } from '../engine/prng.ts';
import type { ExerciseDefinition, Params } from './types.ts';

/**
 * The canonical (post's) parameters when there is no learner or variants are
 * off; otherwise the learner's variant, seeded by hashing learner and exercise
 * id with a NUL between them so that ("ab", "c…") and ("a", "bc…") differ.
 */
export function exerciseParams(exercise: ExerciseDefinition, learner: string | undefined, variantsEnabled: boolean): Params {
  const key = learner === undefined ? '' : learnerKey(learner);
  if (!variantsEnabled || key === '') return exercise.canonical;
  return exercise.variant(hashString(`${key}\u0000${exercise.id}`));
}

/**
 * The form of a learner id that is compared and hashed: surrounding spaces
 * trimmed, compatibility forms unified (NFKC: a full-width ｓ is s), then case
 * folded (upper then lower case, so ß and SS, K and the Kelvin sign, match).
 * "  S123456@Uni.edu " and "s123456@uni.edu" are one learner with one variant,
 * on the site and in the grader. Use it wherever learners are compared.
 */
export function learnerKey(learner: string): string {
  return learner.trim().normalize('NFKC').toUpperCase().toLowerCase();
}
