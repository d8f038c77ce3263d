/**
 * A checkpoint: one question inside a lesson, asked before the lesson shows
 * the answer. Practice only: checkpoints are not part of the answers file.
 * Each is graded by the grader's own part grading (grader/part.ts), so its
 * part, reference answer and misconceptions have the exercises' shapes.
 */
import type { AnswerValue, Misconception, Part } from '../types.ts';

/** The lessons that carry checkpoints, in reading order: every lesson, lesson 9's being a short review. */
export const CHECKPOINT_LESSONS = [
  'basics',
  'symptom',
  'sigmoid',
  'forward-pass',
  'backward-pass',
  'measuring',
  'training',
  'fixes',
  'limits',
  'test-yourself',
] as const;
export type CheckpointLesson = (typeof CHECKPOINT_LESSONS)[number];

/** `<lesson-slug>/<checkpoint-id>`, the value of the form's data-checkpoint attribute. */
export type CheckpointId = `${CheckpointLesson}/${string}`;

export interface Checkpoint {
  id: CheckpointId;
  lesson: CheckpointLesson;
  /** The question as the learner reads it: plain text, one or two sentences. */
  question: string;
  /** The one control; its id is the checkpoint's own id within the lesson. */
  part: Part;
  /** For a choice part: how each word reads as an option, e.g. { sigmoid: 'the sigmoid network' }. */
  choiceLabels?: Readonly<Record<string, string>>;
  /** The reference answer, computed by the engine. */
  answer: AnswerValue;
  /** The answer as it is revealed, in words and the engine's numbers. */
  answerText: string;
  /** Why, in two or three sentences, revealed with the answer. */
  explanation: string;
  /** Known slips, each with its own feedback that does not give the answer away. */
  misconceptions: readonly Misconception[];
}
