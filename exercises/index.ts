/** The course's exercises in their fixed order (DESIGN.md: the answer file), and lookup by id. */
import deeperNetwork from './deeper-network/index.ts';
import reluSwap from './relu-swap/index.ts';
import saturation from './saturation/index.ts';
import sigmoidMax from './sigmoid-max/index.ts';
import type { ExerciseDefinition } from './types.ts';
import weightScale from './weight-scale/index.ts';

export type * from './types.ts';
export { EXERCISE_IDS, DEFAULT_TOLERANCE } from './types.ts';
export { changedNumbers, exerciseParams, learnerKey, renamedNumbers, type ChangedNumber, type RenamedNumbers } from './variants.ts';

/** The order of the post's questions: sigmoid-max, deeper-network, weight-scale, saturation, relu-swap. */
export const EXERCISES: readonly ExerciseDefinition[] = [sigmoidMax, deeperNetwork, weightScale, saturation, reluSwap];

/** The exercise with this id, or undefined. */
export function getExercise(id: string): ExerciseDefinition | undefined {
  return EXERCISES.find((exercise) => exercise.id === id);
}
