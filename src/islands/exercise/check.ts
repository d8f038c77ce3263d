/** Check: grades the form with the grader's own code, shows and keeps each part's verdict, and tells an LMS adapter. */
import { createGraderContext } from '../../../grader/grade/context.ts';
import { gradeAnswers } from '../../../grader/grade/grade-document.ts';
import { formDoc } from './answers-doc.ts';
import { readForm } from './controls.ts';
import { showPartVerdict, showScore } from './feedback.ts';
import type { HintsAndSolution } from './hints.ts';
import type { ExercisePage } from './page.ts';

export function checkForm(page: ExercisePage, learner: string | undefined, hints: HintsAndSolution): void {
  const { root, form, id, partIds, progress, score } = page;
  // A grader of its own for each Check: one form is one file, so there is nothing to keep between Checks.
  const report = gradeAnswers(formDoc(page, learner), { path: 'this page', variants: page.variants }, createGraderContext());
  const result = report.exercises.find((e) => e.id === id);
  if (report.status !== 'graded' || !result) {
    score.textContent = `The answers could not be graded: ${report.errors.map((e) => e.message).join('; ')}`;
    return;
  }
  progress.verdicts = {};
  for (const part of result.parts) {
    const shown = { verdict: part.verdict, feedback: part.feedback, ...(part.readAs !== undefined ? { readAs: part.readAs } : {}) };
    progress.verdicts[part.id] = shown;
    showPartVerdict(root, form, { part: part.id, ...shown });
  }
  // An attempt needs at least one answer: a Check on a blank form must not unlock the worked solution.
  if (result.parts.some((p) => p.verdict !== 'missing')) progress.attempted = true;
  progress.answers = readForm(form, partIds);
  if (learner === undefined) delete progress.learner;
  else progress.learner = learner;
  page.save();
  showScore(score, progress, partIds);
  hints.render();
  // For an LMS adapter (src/islands/scorm/adapter.ts): the structured result of this Check.
  const verdicts = Object.fromEntries(result.parts.map((p) => [p.id, p.verdict]));
  const detail = { exercise: id, score: result.score, maxScore: result.maxScore, verdicts };
  root.dispatchEvent(new CustomEvent('vg-check', { bubbles: true, detail }));
}
