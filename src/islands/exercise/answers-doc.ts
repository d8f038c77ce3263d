/** The answers documents an exercise page stands for: what Check grades, and what Download saves. */
import { changedNumbers, exerciseParams, getExercise, renamedNumbers } from '../../../exercises/index.ts';
import { VARIANT } from '../../../grader/messages/variants.ts';
import { EXERCISE_IDS } from '../../../exercises/types.ts';
import { COURSE_ID } from '../../../grader/constants.ts';
import { savedChallengeAnswers } from '../challenge/answers.ts';
import { readControl } from './controls.ts';
import type { FormDoc } from './files.ts';
import type { ExercisePage } from './page.ts';
import { peekAnswers } from './storage.ts';

/** This form's answers (blank ones left out, so they grade `missing`), with the learner id when one is set. */
export function formDoc(page: ExercisePage, learner: string | undefined): FormDoc {
  const answers: Record<string, string> = {};
  for (const part of page.partIds) {
    const value = readControl(page.form, part);
    if (value.trim() !== '') answers[part] = value;
  }
  return { course: COURSE_ID, ...(learner ? { learner } : {}), answers: { [page.id]: answers } };
}

/** What Download saves: this form's answers plus those saved on the other exercise pages, in the course's order, then the lab challenges' setups. */
export function downloadDoc(page: ExercisePage, learner: string | undefined): FormDoc {
  const doc = formDoc(page, learner);
  const answers: FormDoc['answers'] = {};
  for (const other of EXERCISE_IDS) {
    if (other === page.id) answers[other] = doc.answers[other]!;
    else if (page.storage) {
      const saved = Object.entries(
        peekAnswers(
          page.storage,
          other,
          getExercise(other)?.parts.map((p) => p.id),
        ),
      );
      const kept = Object.fromEntries(saved.filter(([, v]) => v.trim() !== ''));
      if (Object.keys(kept).length > 0) answers[other] = kept;
    }
  }
  const notes = page.variants && learner ? variantNotes(Object.keys(answers), learner) : {};
  return { ...doc, answers: { ...answers, ...savedChallengeAnswers(page.storage) }, ...(Object.keys(notes).length > 0 ? { notes } : {}) };
}

/** For each exercise whose numbers this learner's variant changes: which numbers, and what the keys that keep the post's names ask. */
function variantNotes(ids: readonly string[], learner: string): Record<string, readonly string[]> {
  const notes: Record<string, readonly string[]> = {};
  for (const id of ids) {
    const exercise = getExercise(id);
    if (!exercise) continue;
    const params = exerciseParams(exercise, learner, true);
    const changes = changedNumbers(exercise, exercise.canonical, params);
    if (changes.length > 0) notes[id] = [VARIANT.downloadNumbers(changes), ...renamedNumbers(exercise, params).map(VARIANT.keyNote)];
  }
  return notes;
}
