/** The answers document Download writes from any page: every exercise's saved answers, then every challenge's saved setup. */
import { CHALLENGE_IDS, SETUP_PART } from '../../../exercises/challenges/types.ts';
import { getExercise } from '../../../exercises/index.ts';
import { EXERCISE_IDS } from '../../../exercises/types.ts';
import { COURSE_ID } from '../../../grader/constants.ts';
import { peekAnswers } from '../exercise/storage.ts';
import type { FormDoc } from '../exercise/files.ts';

/** The saved challenge setups, by challenge id (only those with one). */
export function savedChallengeAnswers(storage: Storage | undefined, current?: { id: string; setup: string }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of CHALLENGE_IDS) {
    const setup = current?.id === id ? current.setup : storage ? (peekAnswers(storage, id, [SETUP_PART])[SETUP_PART] ?? '') : '';
    if (setup.trim() !== '') out[id] = setup;
  }
  return out;
}

/** Every saved answer on this device, as an answers file. */
export function savedDoc(storage: Storage | undefined, learner: string | undefined, current?: { id: string; setup: string }): FormDoc {
  const answers: FormDoc['answers'] = {};
  for (const id of EXERCISE_IDS) {
    if (!storage) break;
    const kept = Object.fromEntries(
      Object.entries(
        peekAnswers(
          storage,
          id,
          getExercise(id)?.parts.map((p) => p.id),
        ),
      ).filter(([, v]) => v.trim() !== ''),
    );
    if (Object.keys(kept).length > 0) answers[id] = kept;
  }
  Object.assign(answers, savedChallengeAnswers(storage, current));
  return { course: COURSE_ID, ...(learner ? { learner } : {}), answers };
}
