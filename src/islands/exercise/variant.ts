/** Refills an exercise page's numbers (prompt, labels, worked solution, hints) for the learner's parameters. */
import { exerciseParams, type ExerciseDefinition } from '../../../exercises/index.ts';
import { readable } from '../../../engine/format.ts';

/** Writes the display values and reference answers into [data-param] and [data-answer]; returns the hints. */
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
  return exercise.hints(params);
}
