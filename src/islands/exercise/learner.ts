/**
 * The one learner id of the course: kept in the course record (storage.ts),
 * shown and edited on every exercise page, written into every download.
 * Ids are trimmed when kept and compared without case, as the grader does.
 */
import { EXERCISE_IDS } from '../../../exercises/types.ts';
import { loadLearner, saveLearner } from './storage.ts';

/** The same learner for the course: trimmed and case-folded ids are equal. */
export function sameLearner(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

export interface LearnerField {
  /** The id as kept (trimmed), or undefined when none is set. */
  get(): string | undefined;
  /** Sets and keeps the id, and tells the page. */
  set(id: string | undefined): void;
}

/** Wires the learner input; `changed` runs after the id changes (by typing or by `set`). */
export function learnerField(
  input: HTMLInputElement | null,
  storage: Storage | undefined,
  changed: (id: string | undefined) => void,
): LearnerField {
  let current = storage ? loadLearner(storage, EXERCISE_IDS) : undefined;
  if (input) input.value = current ?? '';
  const set = (raw: string | undefined) => {
    const next = raw?.trim() || undefined;
    if (input) input.value = next ?? '';
    if (next === current) return;
    current = next;
    if (storage) saveLearner(storage, next);
    changed(next);
  };
  input?.addEventListener('change', () => set(input.value));
  return { get: () => current, set };
}
