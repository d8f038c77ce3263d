/** "Load answers": fills the form from an answers file, and says whose file it is when that is not the page's learner. */
import { readForm, writeControl } from './controls.ts';
import { answersFromFile } from './files.ts';
import type { LearnerField } from './learner.ts';
import { sameLearner } from './learner.ts';
import type { ExercisePage } from './page.ts';
import { getExercise } from '../../../exercises/index.ts';
import { loadProgress, saveProgress } from './storage.ts';

/** Reads `file` into the form; `forget` clears the verdicts, which judged the answers being replaced. */
export async function loadAnswersFile(page: ExercisePage, file: File, learner: LearnerField, forget: () => void): Promise<string> {
  const { form, partIds, progress } = page;
  const result = await answersFromFile(file, page.exercise, page.variants);
  if (!result.ok) return result.message;
  // A file that holds only other exercises leaves what was typed here alone.
  const mine = Object.keys(result.answers).length > 0;
  if (mine) {
    for (const part of partIds) writeControl(form, part, result.answers[part] ?? '');
    forget();
  }
  let message = result.message;
  if (result.learner !== undefined && result.learner.trim() !== '') {
    if (learner.get() === undefined) learner.set(result.learner);
    else if (!sameLearner(result.learner, learner.get())) {
      message += ` Note: this file is for learner “${result.learner.trim()}”, but your learner id here is “${learner.get()}”. Your id was not changed; change it above if the file is yours.`;
    }
  }
  progress.answers = readForm(form, partIds);
  page.save();
  if (page.storage) keepOthers(page.storage, result.others);
  return message;
}

/** Keeps the other exercises' answers from the file where their pages read them; their old verdicts judged other answers. */
function keepOthers(storage: Storage, others: Record<string, Record<string, string>>): void {
  for (const [id, answers] of Object.entries(others)) {
    const partIds = getExercise(id)?.parts.map((p) => p.id);
    const { progress } = loadProgress(storage, id, partIds);
    saveProgress(storage, id, { ...progress, answers, verdicts: {} });
  }
}
