/** The answers documents an exercise page stands for: what Check grades, and what Download saves. */
import { getExercise } from '../../../exercises/index.ts';
import { EXERCISE_IDS } from '../../../exercises/types.ts';
import { COURSE_ID } from '../../../grader/constants.ts';
import { variantNotes } from '../../../grader/report/variant-notes.ts';
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
  const notes: Record<string, readonly string[]> = {};
  // Above each exercise whose numbers are this learner's own: which numbers, and what the keys with the post's names ask.
  if (page.variants && learner) {
    for (const id of Object.keys(answers)) {
      const lines = variantNotes(id, learner);
      if (lines.length > 0) notes[id] = lines;
    }
  }
  return { ...doc, answers: { ...answers, ...savedChallengeAnswers(page.storage) }, ...(Object.keys(notes).length > 0 ? { notes } : {}) };
}
