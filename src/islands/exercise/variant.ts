/** Refills an exercise page's numbers (prompt, labels, worked solution, hints) for the learner's parameters, and says which changed. */
import { changedNumbers, exerciseParams, learnerKey, renamedNumbers, type ExerciseDefinition } from '../../../exercises/index.ts';
import { readable } from '../../../engine/format.ts';
import { VARIANT } from '../../../grader/messages/variants.ts';

/** Writes the display values, reference answers and key notes into [data-param], [data-answer] and [data-key-note]; returns the hints. */
export function applyVariant(exercise: ExerciseDefinition, learner: string | undefined, variants: boolean): readonly string[] {
  const params = exerciseParams(exercise, learner, variants);
  const display = exercise.display(params);
  const answers = exercise.answers(params);
  for (const el of document.querySelectorAll<HTMLElement>('[data-param]')) {
    const v = display[el.dataset.param ?? ''];
    if (v !== undefined) el.textContent = v;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-answer]')) {
    const v = answers[el.dataset.answer ?? ''];
    if (v !== undefined) el.textContent = readable(v);
  }
  const notes = new Map(renamedNumbers(exercise, params).map((r) => [r.part, VARIANT.keyNote(r)]));
  for (const el of document.querySelectorAll<HTMLElement>('[data-key-note]')) el.textContent = notes.get(el.dataset.keyNote ?? '') ?? '';
  return exercise.hints(params);
}

/** What to announce when the learner id goes from `before` to `after`: which numbers changed, or '' when none did. */
export function numbersNotice(
  exercise: ExerciseDefinition,
  before: string | undefined,
  after: string | undefined,
  variants: boolean,
): string {
  const changes = changedNumbers(exercise, exerciseParams(exercise, before, variants), exerciseParams(exercise, after, variants));
  if (changes.length === 0) return '';
  return VARIANT.numbersChanged(changes, learnerKey(after ?? '') !== '');
}
