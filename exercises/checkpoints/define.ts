/**
 * Builders for checkpoints: a number or a choice, with the catalogue rules the
 * exercises use (a slip too close to the answer or to a likelier slip is left out).
 */
import { commonSlips, numberMisconceptions, withinTolerance, wrongChoices, type Candidate } from '../catalogue.ts';
import { DEFAULT_TOLERANCE, type ChoicePart, type NumberPart, type Tolerance } from '../types.ts';
import type { Checkpoint, CheckpointId, CheckpointLesson } from './types.ts';

interface Common {
  id: CheckpointId;
  question: string;
  /** The control's visible label. */
  label: string;
  answerText: string;
  explanation: string;
}

/** Splits `lesson/local` into its two halves; the local half names the control. */
function split(id: CheckpointId): { lesson: CheckpointLesson; local: string } {
  const slash = id.indexOf('/');
  return { lesson: id.slice(0, slash) as CheckpointLesson, local: id.slice(slash + 1) };
}

/** A whole-number count: an answer off by any amount is a different count. */
export const COUNT_TOLERANCE: Tolerance = {
  kind: 'absolute',
  value: 0.01,
  reason: 'A count of factors or weights is a whole number; the band only absorbs how a number is written.',
};

/** A checkpoint answered with a number, graded within `tolerance` (1% relative unless stated). */
export function numberCheckpoint(options: Common & { answer: number; tolerance?: Tolerance; slips: readonly Candidate[] }): Checkpoint {
  const { id, question, label, answer, answerText, explanation, slips, tolerance = DEFAULT_TOLERANCE } = options;
  const { lesson, local } = split(id);
  // Checkpoints have no hints, so their feedback never points to any.
  const part: NumberPart = { id: local, label, question, kind: 'number', tolerance, hints: false };
  const own = numberMisconceptions(part, answer, slips);
  // The exercises' rounding slips too: a right method rounded too far is named as such, not as a wrong answer.
  // One is kept beside a nearby slip (0.018 beside e⁻⁴ = 0.0183) as long as neither value grades as the other.
  const rounding =
    tolerance.kind === 'relative'
      ? numberMisconceptions(part, answer, commonSlips(answer, undefined)).filter((r) =>
          own.every(
            (m) =>
              !withinTolerance(tolerance, m.value as number, r.value as number) &&
              !withinTolerance(tolerance, r.value as number, m.value as number),
          ),
        )
      : [];
  return { id, lesson, question, part, answer, answerText, explanation, misconceptions: [...own, ...rounding] };
}

/** A checkpoint answered by picking one word; every wrong word has its own feedback. */
export function choiceCheckpoint(
  options: Common & {
    choices: Readonly<Record<string, string>>;
    answer: string;
    /** Feedback for each wrong word. */
    wrong: Readonly<Record<string, string>>;
  },
): Checkpoint {
  const { id, question, label, choices, answer, wrong, answerText, explanation } = options;
  const { lesson, local } = split(id);
  const words = Object.keys(choices);
  if (!words.includes(answer)) throw new Error(`checkpoint ${id}: the answer '${answer}' is not one of ${words.join(', ')}`);
  const part: ChoicePart = { id: local, label, question, kind: 'choice', choices: words, hints: false };
  return {
    id,
    lesson,
    question,
    part,
    choiceLabels: choices,
    answer,
    answerText,
    explanation,
    misconceptions: wrongChoices(part, answer, wrong),
  };
}
