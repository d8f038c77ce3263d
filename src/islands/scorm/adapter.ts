/**
 * The course pages' side of the LMS, loaded by the exercise and checkpoint
 * islands only when detect.ts found an LMS API. The launch page (launch.ts)
 * owns the session (Initialize, the learner id, restoring suspend_data,
 * Terminate); this module reports each exercise Check: the course score
 * (raw, min, max, and scaled in 2004), the status against the passing score,
 * the session time and the progress as suspend_data, then commits. When the
 * LMS refuses any of it, the exercise says the score was not recorded; the
 * answers stay in the form and in this browser.
 */
import { getExercise } from '../../../exercises/index.ts';
import { EXERCISE_IDS } from '../../../exercises/types.ts';
import { peekProgress, safeStorage, savedScore } from '../exercise/storage.ts';
import { findLms } from './detect.ts';
import { findLaunch, Lms, sessionTime, SUSPEND_LIMIT, type LmsError } from './lms.ts';
import { courseScore, passingPercent, type ExerciseScore } from './score.ts';
import { encodeSuspend, readRecords } from './suspend.ts';

/** The event the exercise form sends after each Check (element.ts). */
export const CHECK_EVENT = 'vg-check';
/** The event a checkpoint sends after its state changed (checkpoint/element.ts). */
const CHECKPOINT_EVENT = 'vg-checkpoint-change';

interface Outcome {
  errors: LmsError[];
  percent: number;
  dropped: string[];
}

const PART_COUNTS: Record<string, number> = Object.fromEntries(EXERCISE_IDS.map((id) => [id, getExercise(id)?.parts.length ?? 0]));

function checkedScores(storage: Storage | undefined): Record<string, ExerciseScore | undefined> {
  const out: Record<string, ExerciseScore | undefined> = {};
  if (!storage) return out;
  for (const id of EXERCISE_IDS) {
    const progress = peekProgress(
      storage,
      id,
      getExercise(id)?.parts.map((p) => p.id),
    );
    const saved = progress && savedScore(progress, PART_COUNTS[id]!);
    if (saved) out[id] = { correct: saved.correct, total: saved.total };
  }
  return out;
}

/** Sends the score, status, time and progress, then commits; every refusal is returned. */
async function report(lms: Lms, started: number, coursePassing: number | undefined): Promise<Outcome> {
  const storage = safeStorage();
  const suspend = await encodeSuspend(storage ? readRecords(storage) : {}, SUSPEND_LIMIT[lms.version]);
  const score = courseScore(PART_COUNTS, checkedScores(storage), passingPercent(lms.version, lms.get('passing'), coursePassing));
  const errors = [
    lms.set('raw', String(score.percent)),
    lms.set('min', '0'),
    lms.set('max', '100'),
    lms.setScaled(score.scaled),
    lms.setStatus(score),
    lms.set('sessionTime', sessionTime(lms.version, Date.now() - started)),
    lms.set('suspend', suspend.data),
  ].filter((e) => e !== undefined);
  // Commit even after a refused value: what was accepted is worth keeping.
  const commit = lms.commit();
  if (commit) errors.push(commit);
  return { errors, percent: score.percent, dropped: suspend.dropped };
}

/** The line under the exercise's score that says what the LMS did with it. */
function showOutcome(root: Element, outcome: Outcome): void {
  let line = root.querySelector<HTMLElement>('[data-lms-status]');
  if (!line) {
    line = document.createElement('p');
    line.className = 'vg-notice';
    line.dataset.lmsStatus = '';
    const score = root.querySelector('[data-score]');
    if (score) score.after(line);
    else root.append(line);
  }
  const first = outcome.errors[0];
  line.setAttribute('role', first ? 'alert' : 'status');
  line.dataset.lmsStatus = first ? 'failed' : 'recorded';
  const dropped = outcome.dropped.length
    ? ` Your LMS keeps too little room for all your progress: the saved answers of ${outcome.dropped.join(', ')} stay only in this browser.`
    : '';
  line.textContent = first
    ? `Your score was not recorded by the LMS: it refused ${first.call} (error ${first.code}: ${first.message}). Your answers are still here; press Check again to retry, or tell your instructor.${dropped}`
    : `Recorded by your LMS: ${outcome.percent}% of the course's parts correct.${dropped}`;
}

function start(): void {
  const found = findLms();
  const launch = findLaunch();
  // Without the launch page there is no session of ours to report into.
  if (!found || !launch) return;
  const lms = new Lms(found);
  // The LMS says who the learner is; the launch page put that id in place.
  const learner = document.querySelector<HTMLInputElement>('#vg-learner');
  if (learner) {
    learner.readOnly = true;
    learner.title = 'Set by your LMS';
  }
  let queue: Promise<unknown> = Promise.resolve();
  document.addEventListener(CHECK_EVENT, (event) => {
    const root = event.target instanceof Element ? event.target : document.body;
    queue = queue
      .then(async () => showOutcome(root, await report(lms, launch.started, launch.passingPercent)))
      .catch((error: unknown) =>
        showOutcome(root, {
          errors: [{ call: 'its API', code: '?', message: error instanceof Error ? error.message : String(error) }],
          percent: 0,
          dropped: [],
        }),
      );
  });
  // A checkpoint's result is progress too: keep suspend_data current (the launch page commits it).
  document.addEventListener(CHECKPOINT_EVENT, () => {
    queue = queue
      .then(async () =>
        lms.set('suspend', (await encodeSuspend(readRecords(safeStorage() ?? localStorage), SUSPEND_LIMIT[lms.version])).data),
      )
      .catch(() => undefined);
  });
  document.documentElement.dataset.lms = lms.version;
}

start();
