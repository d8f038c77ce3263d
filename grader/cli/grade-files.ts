/**
 * Grading the files a run found, on every core when the class is large.
 * Each file is graded on its own, so the list is cut into contiguous slices:
 * this thread grades the first while worker threads grade the rest, and the
 * reports come back in the files' order. A worker is the CLI's own entry
 * script started again (workerEntry), which sees it is a worker and runs
 * runGradingWorker; grade.mjs is a single file, so it is its own worker too.
 * A worker that cannot start or fails leaves its slice to this thread: the
 * reports are the same either way, only slower.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { errorReport } from '../grade.ts';
import { gradeText } from '../grade-text.ts';
import { problem } from '../messages/problems.ts';
import { MAX_BYTES } from '../read.ts';
import type { FileReport } from '../schema.ts';
import { isGraderReport } from './own-report.ts';
import { errorText, readCapped } from './read-file.ts';
import { CLI } from './text.ts';
import type { Found } from './walk.ts';

/** A file's report, or 'own-report' for a grader report found among the files (skipped, with a note). */
export type Graded = FileReport | 'own-report';

export interface GradeFilesOptions {
  /** Grade against each learner's own numbers. */
  variants: boolean;
  /** The script that runs the CLI, started again as a worker; without it everything is graded on this thread. */
  workerEntry?: URL;
  /** Threads to use at most, this one included (default: the machine's available parallelism, up to MAX_THREADS). */
  threads?: number;
  /** Files each thread must have for another thread to start (default MIN_FILES_PER_THREAD; tests lower it). */
  minPerThread?: number;
  /** Told why a worker could not grade its slice (this thread then grades it: the reports are the same). */
  onWorkerFailure?: (reason: string) => void;
}

/**
 * Files per thread below which another thread does not pay: a worker takes
 * tens of milliseconds to start and load the grader, about what grading a
 * few hundred files takes.
 */
export const MIN_FILES_PER_THREAD = 250;
/** Reading files and building reports stop scaling well before this many threads. */
const MAX_THREADS = 4;
/** Marks a worker started to grade, as opposed to any other use of the entry script. */
const ROLE = 'vanishing-gradients:grade-files';

interface Job {
  [ROLE]: true;
  files: readonly Found[];
  variants: boolean;
}

/** Every file's report, in the files' order. */
export async function gradeFiles(files: readonly Found[], options: GradeFilesOptions): Promise<Graded[]> {
  const { variants, workerEntry } = options;
  const most = Math.min(options.threads ?? availableParallelism(), MAX_THREADS);
  const perThread = options.minPerThread ?? MIN_FILES_PER_THREAD;
  const threads = workerEntry === undefined ? 1 : Math.max(1, Math.min(most, Math.floor(files.length / perThread)));
  if (threads === 1) return files.map((found) => gradeFound(found, variants));
  const slices = Array.from({ length: threads }, (_, i) => files.slice(Math.floor((i * files.length) / threads), Math.floor(((i + 1) * files.length) / threads)));
  // Workers start first, so they grade while this thread grades its own slice.
  const others = slices.slice(1).map((slice) => inWorker(workerEntry!, slice, variants, options.onWorkerFailure));
  const own = slices[0]!.map((found) => gradeFound(found, variants));
  return own.concat(...(await Promise.all(others)));
}

/** A slice's reports from a worker, or from this thread if the worker cannot start or fails; never rejects. */
function inWorker(entry: URL, files: readonly Found[], variants: boolean, onFailure?: (reason: string) => void): Promise<Graded[]> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (graded: Graded[]): void => {
      settled = true;
      resolve(graded);
    };
    const fail = (reason: string): void => {
      if (settled) return;
      onFailure?.(reason);
      done(files.map((found) => gradeFound(found, variants)));
    };
    let worker: Worker;
    try {
      const job: Job = { [ROLE]: true, files, variants };
      worker = new Worker(entry, { workerData: job });
    } catch (error) {
      fail(errorText(error));
      return;
    }
    worker.once('message', (graded: Graded[]) => {
      if (settled) return;
      done(graded);
      void worker.terminate();
    });
    worker.once('error', (error) => fail(errorText(error)));
    worker.once('exit', (code) => fail(`it stopped (exit code ${code}) without sending its reports`));
  });
}

/** The worker's side, run by the entry script in a worker thread: grade the slice it was given and send the reports back in one message. */
export function runGradingWorker(): void {
  const job = workerData as Partial<Job> | null;
  if (isMainThread || !parentPort || job?.[ROLE] !== true) throw new Error('runGradingWorker runs only in a worker that gradeFiles started');
  parentPort.postMessage(job.files!.map((found) => gradeFound(found, job.variants!)));
}

/** One file's report: read under the limit, then graded; a file that cannot be read is an error report. */
export function gradeFound(found: Found, variants: boolean): Graded {
  if (found.problem) return errorReport(found.path, [found.problem]);
  const read = readCapped(found.real, MAX_BYTES);
  if (!read.ok) {
    if (read.reason === 'too-large') return errorReport(found.path, [problem('too-large', '', { bytes: read.bytes, limit: MAX_BYTES, atLeast: read.atLeast })]);
    if (read.reason === 'symlink') return errorReport(found.path, [problem('symlink', '', { reason: 'outside' })]);
    return errorReport(found.path, [problem('unreadable', '', { detail: read.reason === 'error' ? read.detail : CLI.notAFile })]);
  }
  if (isGraderReport(read.bytes)) return 'own-report';
  return gradeText(read.bytes, { path: found.path, variants, requireLearner: variants });
}
