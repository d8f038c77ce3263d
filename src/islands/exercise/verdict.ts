/**
 * How a verdict reads on the page, shared by the exercise form and the
 * checkpoints: a short label, then the grader's feedback, without saying
 * "correct" twice ("Correct, read as 0.25." rather than "Correct. correct (read as 0.25)").
 */
import type { Verdict } from './storage.ts';

export const VERDICT_LABEL: Record<Verdict, string> = {
  correct: 'Correct.',
  incorrect: 'Not yet.',
  invalid: 'Cannot read this answer.',
  missing: 'No answer.',
};

/** The feedback text shown after the label: for a correct answer only how it was read. */
export function feedbackText(verdict: Verdict, feedback: string): string {
  // The label already says "No answer."; repeating the grader's "no answer given" said it twice.
  if (verdict === 'missing') return 'Type an answer in the box, then Check.';
  if (verdict !== 'correct') return capitalise(feedback);
  const readAs = /^correct \((read as .*)\)$/s.exec(feedback)?.[1];
  return readAs ? `${capitalise(readAs)}.` : capitalise(feedback);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The verdict's short label as a <strong>. */
export function verdictLabel(verdict: Verdict, className: string): HTMLElement {
  const label = document.createElement('strong');
  label.className = className;
  label.dataset.forVerdict = verdict;
  label.textContent = VERDICT_LABEL[verdict];
  return label;
}

/** Fills `box` with the label and the feedback as text nodes (learner text never becomes HTML). */
export function renderVerdict(box: HTMLElement, verdict: Verdict, feedback: string, labelClass: string): void {
  box.replaceChildren(verdictLabel(verdict, labelClass), document.createTextNode(` ${feedbackText(verdict, feedback)}`));
}
