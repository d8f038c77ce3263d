/** The feedback sentence for a part's verdict: how the answer was read, and a pointer that never gives the answer away. */
import { q } from './quote.ts';

/** Feedback for a part's verdict; `readAs` is how the grader read the input. */
export const FEEDBACK = {
  missing: () => 'no answer given',
  correct: (readAs: string) => `correct (read as ${readAs})`,
  misconception: (readAs: string, feedback: string) => `read as ${readAs}. ${feedback}`,
  offNumber: (readAs: string, tolerance: string, direction: 'large' | 'small' | 'sign', hints = true) =>
    `read as ${readAs}, which is not within ${tolerance} of the expected value` +
    (direction === 'sign' ? ' and has the wrong sign' : `: it is too ${direction}`) +
    (hints ? '; recheck the steps (the hints help)' : '; recheck the steps'),
  offExpression: (readAs: string, variable: string) =>
    `read as ${readAs}, which does not equal the expected expression for every ${variable}`,
  wrongForm: (readAs: string) =>
    `read as ${readAs}: that is equivalent, but not a completed square; write it as a constant minus a square, c − (s − a)^2`,
  offChoice: (readAs: string) => `read as ${q(readAs)}, which is not the expected answer`,
  invalid: (message: string) => message,
};

/** A tolerance as a reader sees it: "1%" or "±0.001". */
export function describeTolerance(kind: 'relative' | 'absolute', value: number): string {
  return kind === 'relative' ? `${Number((value * 100).toPrecision(3))}%` : `±${value}`;
}

/** The page's own words beside a verdict's label ("Correct.", "No answer."): built from the verdict and readAs, never from the sentence above. */
export const SHOWN = {
  correct: (readAs: string) => `Read as ${readAs}.`,
  /** A choice read back by the words its option shows ("the ReLU network"), not its answer-file word ("relu"). */
  choice: (label: string) => `Read as “${label}”.`,
  offChoice: (label: string) => `Read as “${label}”, which is not the expected answer.`,
  missing: 'Type an answer in the box, then Check.',
};
