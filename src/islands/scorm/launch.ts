/**
 * The package's launch page (scorm.html, written by the packager): the one
 * SCO. It finds the LMS's API, initialises the session, puts the LMS's
 * learner id and saved progress (suspend_data) where the course pages read
 * them (localStorage, storage.ts), and only then frames the course, so every
 * page starts from the LMS's state. The learner then moves freely between
 * lessons and exercises inside the frame while this page keeps the session;
 * when the LMS closes it, it reports the time, saves the progress, commits
 * and terminates.
 */
import { saveLearner, safeStorage } from '../exercise/storage.ts';
import { findLms } from './detect.ts';
import { LAUNCH_GLOBAL, Lms, sessionTime, SUSPEND_LIMIT, type LaunchInfo, type LmsError } from './lms.ts';
import { decodeSuspend, encodeSuspend, readRecords, writeRecords } from './suspend.ts';

const frame = document.querySelector<HTMLIFrameElement>('iframe[data-course]')!;
const status = document.querySelector<HTMLElement>('[data-launch-status]')!;
const passing = Number(document.documentElement.dataset.passing);
const info: LaunchInfo = { started: Date.now(), ...(Number.isFinite(passing) ? { passingPercent: passing } : {}) };
(window as unknown as Record<string, LaunchInfo>)[LAUNCH_GLOBAL] = info;

function say(text: string): void {
  status.textContent = text;
  status.hidden = false;
}
const refused = (e: LmsError) => `${e.call} (error ${e.code}: ${e.message})`;

async function begin(): Promise<void> {
  const found = findLms();
  if (!found) {
    say('No LMS was found: the course works, but nothing is recorded.');
    return;
  }
  const lms = new Lms(found);
  const failed = lms.initialize();
  if (failed) {
    say(`The LMS did not start a session (${refused(failed)}): your scores will not be recorded.`);
    return;
  }
  const storage = safeStorage();
  if (storage) {
    // The LMS's record is the learner's: a new attempt (no suspend_data) starts afresh, whoever used this browser before.
    writeRecords(storage, (await decodeSuspend(lms.get('suspend'))) ?? {});
    saveLearner(storage, lms.get('learner'));
  } else {
    say('This browser refuses local storage: your answers are graded and recorded, but not restored when you come back.');
  }

  /** The progress as last encoded; pagehide cannot wait for compression, so it sends this. */
  let suspend: string | undefined;
  const sync = async () => {
    if (!storage) return;
    const encoded = await encodeSuspend(readRecords(storage), SUSPEND_LIMIT[lms.version]);
    suspend = encoded.data;
    lms.set('suspend', suspend);
  };
  // Each page the learner opens in the frame may have changed the records: keep suspend_data current.
  frame.addEventListener('load', () => void sync());
  addEventListener(
    'pagehide',
    () => {
      if (suspend !== undefined) lms.set('suspend', suspend);
      lms.set('sessionTime', sessionTime(lms.version, Date.now() - info.started));
      lms.set('exit', 'suspend');
      lms.commit();
      lms.terminate();
    },
    { once: true },
  );
}

void begin()
  .catch((error: unknown) =>
    say(`The LMS session could not start (${error instanceof Error ? error.message : 'unknown error'}): your scores will not be recorded.`),
  )
  .finally(() => {
    frame.src = frame.dataset.start ?? 'index.html';
  });
