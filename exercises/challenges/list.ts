/**
 * The challenges' ids, titles and lessons without their rules or the engine's
 * training: what a page needs to list them or name one (the lab's
 * "Use this setup as my answer" menu), at the cost of a few strings.
 */
import type { ChallengeId } from './types.ts';

export const CHALLENGE_LIST: readonly { id: ChallengeId; title: string; lesson: 'training' | 'fixes' }[] = [
  { id: 'relu-learning-rate', title: 'A learning rate for a deep ReLU network', lesson: 'training' },
  { id: 'first-layer-signal', title: 'Keep the first layer learning', lesson: 'fixes' },
  { id: 'deep-sigmoid', title: 'Train a deep sigmoid network without batch norm', lesson: 'fixes' },
  { id: 'batchnorm-alone', title: 'Batch norm alone makes the difference', lesson: 'fixes' },
];

/** A challenge's title and lesson, by id. */
export function listed(id: ChallengeId): { title: string; lesson: 'training' | 'fixes' } {
  const entry = CHALLENGE_LIST.find((c) => c.id === id)!;
  return { title: entry.title, lesson: entry.lesson };
}
