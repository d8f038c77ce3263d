/**
 * How a verdict reads on the page, shared by the exercise form and the
 * checkpoints: a short label, then the grader's feedback, without saying
 * "correct" twice ("Correct, read as 0.25." rather than "Correct. correct (read as 0.25)").
 */
import { FEEDBACK, SHOWN } from '../../../grader/messages/feedback.ts';
import type { Verdict } from './storage.ts';

export const VERDICT_LABEL: Record<Verdict, string> = {
  correct: 'Correct.',
  incorrect: 'Not yet.',
  invalid: 'Cannot read this answer.',
  missing: 'No answer.',
};

/**
 * The text shown after the label, from the structured result: for a correct answer only how it was read
 * (the label already says "Correct."), for a blank one what to do (the label already says "No answer."),
 * for a choice the words of the option picked (`choice`) rather than its answer-file word.
 * A record saved before readAs was kept shows the grader's sentence as it is.
 */
export function feedbackText(verdict: Verdict, feedback: string, readAs?: string, choice?: string): string {
  if (verdict === 'missing') return SHOWN.missing;
  if (choice !== undefined && readAs !== undefined) return choiceText(verdict, feedback, readAs, choice);
  if (verdict === 'correct' && readAs !== undefined) return SHOWN.correct(readAs);
  return capitalise(feedback);
}

/**
 * A choice's feedback with the grader's readback of the word ("read as relu") replaced by the option's
 * label; the grader's readbacks are rebuilt with its own message functions, never matched by pattern.
 */
function choiceText(verdict: Verdict, feedback: string, readAs: string, label: string): string {
  if (verdict === 'correct') return SHOWN.choice(label);
  const slip = FEEDBACK.misconception(readAs, '');
  if (feedback.startsWith(slip)) return `${SHOWN.choice(label)} ${feedback.slice(slip.length)}`;
  if (feedback === FEEDBACK.offChoice(readAs)) return SHOWN.offChoice(label);
  return capitalise(feedback);
}

/** For a choice, the visible words of the option `readAs` names ("the ReLU network" for relu); undefined for typed answers. */
export function choiceLabel(controls: Iterable<HTMLInputElement>, readAs: string | undefined): string | undefined {
  if (readAs === undefined) return undefined;
  for (const c of controls) {
    if (c.type === 'radio' && c.value.toLowerCase() === readAs.toLowerCase()) return c.closest('label')?.textContent?.trim() || c.value;
  }
  return undefined;
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
  { verdict, feedback, readAs, choice }: { verdict: Verdict; feedback: string; readAs?: string | undefined; choice?: string | undefined },
  labelClass: string,
): void {
  box.replaceChildren(verdictLabel(verdict, labelClass), document.createTextNode(` ${feedbackText(verdict, feedback, readAs, choice)}`));
}
