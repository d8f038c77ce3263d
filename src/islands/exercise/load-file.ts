/** "Load answers": fills the form from an answers file, and says whose file it is when that is not the page's learner. */
import { readForm, writeControl } from './controls.ts';
import { answersFromFile } from './files.ts';
import type { LearnerField } from './learner.ts';
import { sameLearner } from './learner.ts';
import type { ExercisePage } from './page.ts';

/** Reads `file` into the form; `forget` clears the verdicts, which judged the answers being replaced. */
export async function loadAnswersFile(page: ExercisePage, file: File, learner: LearnerField, forget: () => void): Promise<string> {
  const { form, partIds, progress } = page;
  const result = await answersFromFile(file, page.exercise, page.variants);
  if (!result.ok) return result.message;
  for (const part of partIds) writeControl(form, part, result.answers[part] ?? '');
  forget();
  let message = result.message;
  if (result.learner !== undefined && result.learner.trim() !== '') {
    if (learner.get() === undefined) learner.set(result.learner);
    else if (!sameLearner(result.learner, learner.get())) {
      message += ` Note: this file is for learner “${result.learner.trim()}”, but your learner id here is “${learner.get()}”. Your id was not changed; change it above if the file is yours.`;
    }
  }
  progress.answers = readForm(form, partIds);
  page.save();
  return message;
}
