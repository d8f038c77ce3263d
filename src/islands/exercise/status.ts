/** One exercise's saved status in words, for the exercise list and the lessons' exercise cards; never throws. */
import { peekProgress, safeStorage, savedScore } from './storage.ts';

/** "Not started.", "In progress." or "3 of 4 parts correct." from this browser's saved progress (read only, nothing removed). */
export function exerciseStatus(id: string, partIds: readonly string[]): string {
  const storage = safeStorage();
  const progress = storage ? peekProgress(storage, id, partIds) : undefined;
  if (!progress) return 'Not started.';
  const score = savedScore(progress, partIds.length);
  if (score) return `${score.correct} of ${score.total} parts correct.`;
  return Object.values(progress.answers).some((a) => a.trim() !== '') ? 'In progress.' : 'Not started.';
}
