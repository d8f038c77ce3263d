/**
 * One exercise page's state: its exercise, form and elements, the saved
 * progress and how to keep it. Every other module of the form takes this.
 */
import { getExercise, type ExerciseDefinition } from '../../../exercises/index.ts';
import { emptyProgress, loadProgress, safeStorage, saveProgress, type Progress } from './storage.ts';

export interface ExercisePage {
  root: HTMLElement;
  id: string;
  exercise: ExerciseDefinition;
  form: HTMLFormElement;
  partIds: string[];
  /** Whether the course gives each learner their own numbers. */
  variants: boolean;
  storage: Storage | undefined;
  progress: Progress;
  /** Keeps `progress` in this browser (nothing when storage is unavailable). */
  save(): void;
  /** Shows a notice above the form (a stored record that was discarded, a checker that could not start). */
  showNotice(text: string): void;
  score: HTMLElement;
  loadStatus: HTMLElement;
}

/** The page of the <vg-exercise> element `root`, with its saved progress loaded; throws when the markup is not an exercise's. */
export function openPage(root: HTMLElement): ExercisePage {
  const id = root.dataset.exerciseId ?? '';
  const exercise = getExercise(id);
  const form = root.querySelector<HTMLFormElement>('form[data-exercise]');
  const notice = root.querySelector<HTMLElement>('[data-notice]');
  const score = root.querySelector<HTMLElement>('[data-score]');
  const loadStatus = root.querySelector<HTMLElement>('[data-load-status]');
  if (!exercise || !form || !notice || !score || !loadStatus) throw new Error(`unknown exercise "${id}"`);
  const partIds = exercise.parts.map((p) => p.id);
  const storage = safeStorage();
  const loaded = storage ? loadProgress(storage, id, partIds) : { progress: emptyProgress() };
  const showNotice = (text: string) => {
    notice.textContent = text;
    notice.hidden = false;
  };
  if (loaded.notice) showNotice(loaded.notice);
  const progress = loaded.progress;
  return {
    root,
    id,
    exercise,
    form,
    partIds,
    variants: root.dataset.variants === 'true',
    storage,
    progress,
    save: () => void (storage && saveProgress(storage, id, progress)),
    showNotice,
    score,
    loadStatus,
  };
}
