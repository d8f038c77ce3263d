/**
 * How a verdict reads on the page, shared by the exercise form and the
 * checkpoints: a short label, then the grader's feedback, without saying
 * "correct" twice ("Correct, read as 0.25." rather than "Correct. correct (read as 0.25)").
 */
import { SHOWN } from '../../../grader/messages/feedback.ts';
import type { Verdict } from './storage.ts';

export const VERDICT_LABEL: Record<Verdict, string> = {
  correct: 'Correct.',
  incorrect: 'Not yet.',
  invalid: 'Cannot read this answer.',
  missing: 'No answer.',
};

/**
 * The text shown after the label, from the structured result: for a correct answer only how it was read
 * (the label already says "Correct."), for a blank one what to do (the label already says "No answer.").
 * A record saved before readAs was kept shows the grader's sentence as it is.
 */
export function feedbackText(verdict: Verdict, feedback: string, readAs?: string): string {
  if (verdict === 'missing') return SHOWN.missing;
  if (verdict === 'correct' && readAs !== undefined) return SHOWN.correct(readAs);
  return capitalise(feedback);
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
export function renderVerdict(
  box: HTMLElement,
  { verdict, feedback, readAs }: { verdict: Verdict; feedback: string; readAs?: string | undefined },
  labelClass: string,
): void {
  box.replaceChildren(verdictLabel(verdict, labelClass), document.createTextNode(` ${feedbackText(verdict, feedback, readAs)}`));
}
