/** The per-part verdicts and the score line of an exercise form. */
import type { Progress, Verdict } from './storage.ts';
import { controlsOf } from './controls.ts';
import { choiceLabel, feedbackText, verdictLabel } from './verdict.ts';

/** Shows one part's verdict in its live region and marks its control invalid when wrong. */
export function showPartVerdict(
  root: HTMLElement,
  form: HTMLFormElement,
  { part, verdict, feedback, readAs }: { part: string; verdict: Verdict; feedback: string; readAs?: string | undefined },
): void {
  const box = root.querySelector<HTMLElement>(`[data-feedback-for="${CSS.escape(part)}"]`);
  if (!box) return;
  const label = verdictLabel(verdict, 'vg-verdict-label');
  const text = document.createElement('span');
  text.dataset.part = part;
  text.dataset.verdict = verdict;
  text.textContent = feedbackText(verdict, feedback, readAs, choiceLabel(controlsOf(form, part), readAs));
  box.replaceChildren(label, document.createTextNode(' '), text);
  const wrong = verdict === 'incorrect' || verdict === 'invalid';
  for (const c of controlsOf(form, part)) c.setAttribute('aria-invalid', String(wrong));
}

/** Removes every verdict, the invalid marks and the score (the answers they judged have changed). */
export function clearVerdicts(root: HTMLElement, form: HTMLFormElement, score: HTMLElement): void {
  for (const box of root.querySelectorAll<HTMLElement>('[data-feedback-for]')) box.replaceChildren();
  for (const c of form.querySelectorAll('input')) c.removeAttribute('aria-invalid');
  score.textContent = '';
}

/** "3 of 4 parts correct." from the saved verdicts of the exercise's own parts. */
export function showScore(score: HTMLElement, progress: Progress, partIds: readonly string[]): void {
  const verdicts = partIds.map((id) => progress.verdicts[id]).filter((v) => v !== undefined);
  if (verdicts.length === 0) return;
  const correct = verdicts.filter((v) => v.verdict === 'correct').length;
  score.textContent = `${correct} of ${partIds.length} parts correct.`;
}
