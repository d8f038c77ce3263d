/**
 * Every lesson's checkpoints, by lesson and by id. Most lessons' are
 * constants; the training lesson's train two networks, so that lesson
 * builds its own on first use (training.ts).
 */
import backwardPass from './backward-pass.ts';
import basics from './basics.ts';
import fixes from './fixes.ts';
import forwardPass from './forward-pass.ts';
import limits from './limits.ts';
import measuring from './measuring.ts';
import sigmoid from './sigmoid.ts';
import symptom from './symptom.ts';
import testYourself from './test-yourself.ts';
import training from './training.ts';
import { CHECKPOINT_LESSONS, type Checkpoint, type CheckpointLesson } from './types.ts';

export type * from './types.ts';
export { CHECKPOINT_LESSONS } from './types.ts';

const BUILDERS: Readonly<Record<CheckpointLesson, () => readonly Checkpoint[]>> = {
  basics: () => basics,
  symptom: () => symptom,
  sigmoid: () => sigmoid,
  'forward-pass': () => forwardPass,
  'backward-pass': () => backwardPass,
  measuring: () => measuring,
  training,
  fixes: () => fixes,
  limits: () => limits,
  'test-yourself': () => testYourself,
};

/** The checkpoints of one lesson, in the order the lesson asks them (the same list each time). */
export function lessonCheckpoints(lesson: CheckpointLesson): readonly Checkpoint[] {
  return BUILDERS[lesson]();
}

/** True when `slug` is a lesson with checkpoints. */
export function isCheckpointLesson(slug: string): slug is CheckpointLesson {
  return (CHECKPOINT_LESSONS as readonly string[]).includes(slug);
}

/** The checkpoint with this `<lesson-slug>/<checkpoint-id>`, or undefined. */
export function getCheckpoint(id: string): Checkpoint | undefined {
  const lesson = id.slice(0, id.indexOf('/'));
  if (!isCheckpointLesson(lesson)) return undefined;
  return lessonCheckpoints(lesson).find((checkpoint) => checkpoint.id === id);
}

/** Every checkpoint id of the course, lesson by lesson (the storage keeps results only for these). */
export function allCheckpointIds(): readonly string[] {
  return CHECKPOINT_LESSONS.flatMap((lesson) => lessonCheckpoints(lesson).map((c) => c.id));
}
