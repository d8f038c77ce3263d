/**
 * The shape of one exercise. Each exercise module (exercises/<id>/index.ts)
 * exports one `ExerciseDefinition`; everything about it lives beside it:
 * prompt.mdx, solution.mdx, its parameters, variants, reference answers
 * (engine calls) and misconceptions (engine calls).
 *
 * This file is the contract between exercises/, grader/ and the site.
 */

import { EXERCISES as LISTED } from '../course/manifest.ts';

/** The fixed exercise ids, in the answers file's order (course/manifest.ts lists them; DESIGN.md fixes them). */
export type ExerciseId = (typeof LISTED)[number]['id'];
export const EXERCISE_IDS: readonly ExerciseId[] = LISTED.map((e) => e.id);

/** Relative tolerance unless the part states an absolute one (with a reason). */
export type Tolerance = { kind: 'relative'; value: number; reason?: string } | { kind: 'absolute'; value: number; reason: string };

/** The default: 1% relative (DESIGN.md: grading policy). Never an absolute default. */
export const DEFAULT_TOLERANCE: Tolerance = { kind: 'relative', value: 0.01 };

interface PartBase<Id extends string = string> {
  /** The fixed part id, e.g. `gradient_w_0_5`. */
  id: Id;
  /** The control's visible label, naming values through `{param}` slots (exercises/labels.ts), e.g. "Gradient at layer 1 with w = {wA}". */
  label: string;
  /** The question as one plain-text sentence, used in the answers template comments. */
  question: string;
  /**
   * When the part id names the post's numbers (`dsigma_at_5`), what those numbers are, as a label
   * template (exercises/labels.ts), e.g. 'σ′({zSat})'. The id is fixed (DESIGN.md), so when a
   * variant changes these numbers the form says which ones this learner is asked for.
   */
  keyNumbers?: string;
  /** False when the part has no hints to point to (a lesson's checkpoint): its feedback then does not mention hints. */
  hints?: boolean;
}

export interface NumberPart<Id extends string = string> extends PartBase<Id> {
  kind: 'number';
  tolerance: Tolerance;
}

export interface ExpressionPart<Id extends string = string> extends PartBase<Id> {
  kind: 'expression';
  /** The one variable allowed, e.g. `s` for σ(z). */
  variable: string;
  /** When set, an equivalent answer must also have this form. */
  form?: 'completed-square';
  /** Feedback for an answer that is equivalent but lacks `form`; it names the form without giving the answer. */
  formFeedback?: string;
}

export interface ChoicePart<Id extends string = string> extends PartBase<Id> {
  kind: 'choice';
  /** The accepted words, e.g. ['better', 'worse'] or ['yes', 'no']. */
  choices: readonly string[];
}

export type Part<Id extends string = string> = NumberPart<Id> | ExpressionPart<Id> | ChoicePart<Id>;

/** A reference answer: a number, an expression in the safe grammar, or a choice word. */
export type AnswerValue = number | string;

/**
 * A known mistake, computed from the same parameters by the engine.
 * For number parts `value` is a number compared with the part's tolerance;
 * for expression parts an expression compared by equivalence;
 * for choice parts the wrong word.
 */
export interface Misconception {
  /** Stable id, unique within the exercise, e.g. `one-factor-too-many`. */
  id: string;
  part: string;
  value: AnswerValue;
  /** Specific feedback that narrows the mistake down without giving the answer. */
  feedback: string;
  /** A slip close to the answer (an approximation, rounding): its band may touch the answer's, its value never lies within it. */
  near?: boolean;
}

/** Parameters are plain JSON data (numbers, strings, booleans). */
export type Params = Readonly<Record<string, number | string | boolean>>;

/**
 * One exercise. `Id` is the union of its part ids, so its answers must name every part and no other.
 */
export interface ExerciseDefinition<P extends Params = Params, Id extends string = string> {
  id: ExerciseId;
  title: string;
  /** The gradient convention, in one sentence, as the prompt states it. */
  convention: string;
  parts: readonly Part<Id>[];
  /** The order the prompt asks the parts in, when it is not the answer file's (the form follows it). */
  askOrder?: readonly Id[];
  /** The post's numbers. */
  canonical: P;
  /** A variant's parameters from a seed (a 32-bit unsigned integer); deterministic. */
  variant: (seed: number) => P;
  /** Reference answers by part id, computed by the engine. */
  answers: (params: P) => Readonly<Record<Id, AnswerValue>>;
  /** The catalogue of misconceptions for these parameters, computed by the engine. */
  misconceptions: (params: P) => readonly Misconception[];
  /** Hints, revealed one by one; plain text. */
  hints: (params: P) => readonly string[];
  /** How each parameter is shown in the prompt, e.g. { w: '0.5' }. */
  display: (params: P) => Readonly<Record<string, string>>;
  /** What the prompt calls each parameter, for sentences a learner reads ("z_sat = 4.5 instead of 5"), e.g. { zSat: 'z_sat' }. */
  paramNames: { readonly [K in keyof P]: string };
}
