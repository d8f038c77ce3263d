/** Grading a challenge answer in a Web Worker (grade.worker.ts), one request at a time per page; and where answers are kept. */
import type { ChallengeVerdict } from '../../../exercises/challenges/index.ts';
import { SETUP_PART } from '../../../exercises/challenges/types.ts';
import { emptyProgress, peekProgress, saveProgress } from '../exercise/storage.ts';

export interface GradeRequest {
  ticket: number;
  challenge: string;
  setup: string;
  learner?: string;
  variants: boolean;
}

let worker: Worker | undefined;
let tickets = 0;
const pending = new Map<number, (v: ChallengeVerdict) => void>();

/** The verdict the grader would give this setup (the same code, replayed in a worker). */
export function gradeInWorker(challenge: string, setup: string, learner: string | undefined, variants: boolean): Promise<ChallengeVerdict> {
  if (!worker) {
    worker = new Worker(new URL('./grade.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ ticket: number; verdict: ChallengeVerdict }>) => {
      pending.get(event.data.ticket)?.(event.data.verdict);
      pending.delete(event.data.ticket);
    };
  }
  const ticket = ++tickets;
  return new Promise((resolve) => {
    pending.set(ticket, resolve);
    worker!.postMessage({ ticket, challenge, setup, ...(learner ? { learner } : {}), variants } satisfies GradeRequest);
  });
}

/** The setup saved as this challenge's answer ('' when none). */
export function savedSetup(storage: Storage | undefined, challenge: string): string {
  return (storage && peekProgress(storage, challenge, [SETUP_PART])?.answers[SETUP_PART]) ?? '';
}

/** Keeps a setup as this challenge's answer (the challenge page and Download answers read it), with its verdict when known. */
export function saveSetup(storage: Storage | undefined, challenge: string, setup: string, verdict?: ChallengeVerdict): boolean {
  if (!storage) return false;
  const progress = peekProgress(storage, challenge, [SETUP_PART]) ?? emptyProgress();
  progress.answers = { [SETUP_PART]: setup };
  progress.verdicts = verdict ? { [SETUP_PART]: { verdict: verdict.verdict, feedback: `${verdict.verdict}: ${verdict.feedback}` } } : {};
  if (verdict) progress.attempted = true;
  return saveProgress(storage, challenge, progress);
}
