/** The course's exercises in the manifest's order (DESIGN.md: the answer file), and lookup by id. */
import deeperNetwork from './deeper-network/index.ts';
import reluSwap from './relu-swap/index.ts';
import saturation from './saturation/index.ts';
import sigmoidMax from './sigmoid-max/index.ts';
import { EXERCISE_IDS, type ExerciseDefinition, type ExerciseId } from './types.ts';
import weightScale from './weight-scale/index.ts';

export type * from './types.ts';
export { EXERCISE_IDS, DEFAULT_TOLERANCE } from './types.ts';
export { changedNumbers, exerciseParams, learnerKey, renamedNumbers, type ChangedNumber, type RenamedNumbers } from './variants.ts';

/**
 * Each exercise folder's definition by its id. Typed by the manifest's ids, so an
 * exercise listed in course/manifest.ts without a line here fails to compile
 * (and so does a line for an id the manifest does not list); the order is the manifest's.
 */
const BY_ID: { readonly [Id in ExerciseId]: ExerciseDefinition } = {
  'sigmoid-max': sigmoidMax,
  'deeper-network': deeperNetwork,
  'weight-scale': weightScale,
  saturation,
  'relu-swap': reluSwap,
};

/** The exercises in the manifest's order: the post's questions first, sigmoid-max, deeper-network, weight-scale, saturation, relu-swap. */
export const EXERCISES: readonly ExerciseDefinition[] = EXERCISE_IDS.map((id) => BY_ID[id]);

/** The exercise with this id, or undefined. */
export function getExercise(id: string): ExerciseDefinition | undefined {
  return EXERCISES.find((exercise) => exercise.id === id);
}
