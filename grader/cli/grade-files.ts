/**
 * Grading the files a run found, on every core when the class is large.
 * Each file is graded on its own, so the list is cut into chunks of
 * neighbouring files, handed out one at a time: worker threads take the next
 * chunk as they finish one, and this thread grades chunks too, looking for
 * the workers' results between its own. A worker that starts late or runs
 * slow simply takes fewer chunks. Reports come back in the files' order.
 *
 * This thread first grades files for a moment on its own and times them. A
 * plain answers file costs a fraction of a millisecond, mostly reading, and
 * a worker pays only on four cores or more; a file that answers the lab
 * challenges costs hundreds of milliseconds of training replay, and then a
 * worker pays on two cores as well, with chunks of a few files each.
 *
 * A worker is the CLI's own entry script started again (workerEntry), which
 * sees it is a worker and runs runGradingWorker; grade.mjs is a single file,
 * so it is its own worker too. A worker that cannot start or fails leaves
 * its chunk to the others: the reports are the same either way, only slower.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { errorReport } from '../grade/grade-document.ts';
import { createGrader, type Grader } from '../grade/grader.ts';
import { problem } from '../messages/problems.ts';
import { MAX_BYTES } from '../read/answers-file.ts';
import { isGraderReport, tooLarge } from '../class/files.ts';
import type { FileReport } from '../schema.ts';
import { errorText, readCapped } from './read-file.ts';
import { CLI } from './help-text.ts';
import type { Found } from './walk.ts';

const OWN_REPORT = 'own-report';
/** A file's report, or 'own-report' for a grader report found among the files (skipped, with a note). */
export type Graded = FileReport | typeof OWN_REPORT;

export interface GradeFilesOptions {
  /** Grade against each learner's own numbers. */
  variants: boolean;
  /** The script that runs the CLI, started again as a worker; without it everything is graded on this thread. */
  workerEntry?: URL;
  /** Threads to use at most, this one included (default: sharePlan's, from what the first files cost). */
  threads?: number;
  /** Files in a chunk (default: sharePlan's); a worker starts only when there are at least two chunks per thread. Tests lower it. */
  chunk?: number;
  /** How long this thread grades alone and times the files before it plans the rest (default PROBE_MS); tests set 0 to plan at once. */
  probeMs?: number;
  /** The cores to plan for (default: the machine's); tests set it. */
  cores?: number;
  /** Whether this thread grades chunks too (default true). Tests turn it off so that every chunk goes through a worker. */
  gradeHere?: boolean;
  /** Told why a worker could not grade (its chunk goes back to the others: the reports are the same). */
  onWorkerFailure?: (reason: string) => void;
  /**
   * Filled with the JSON text of each report a worker sent (reports travel as JSON): the JSON report
   * writes that text as it is (report/json-report.ts, `texts`) instead of stringifying the report again.
   */
  texts?: Map<FileReport, string>;
}

/**
 * Files handed out at a time: enough that passing a chunk between threads
 * costs little beside grading it (about 50 ms), few enough that a worker
 * that starts late or runs slow holds nobody up for long.
 */
const CHUNK = 256;
/** Reading files and building reports stop scaling well before this many threads. */
const MAX_THREADS = 4;
/** How long this thread grades alone before it plans the rest: long enough to time a file that replays the lab challenges. */
const PROBE_MS = 200;
/**
 * Milliseconds per file above which grading is computation rather than reading: a worker then pays on two
 * cores too (40 files answering the four challenges: 12.1 s on one thread, 6.2 s on two, on a 2-core machine).
 */
const HEAVY_MS = 5;
/** The work a chunk of heavy files holds, so that chunks stay many and the threads finish together. */
const HEAVY_CHUNK_MS = 100;

/**
 * Threads for a large class on this machine: one on fewer than four cores,
 * else one fewer than the machine has, up to MAX_THREADS.
 * One grading thread keeps about 1.35 cores busy (V8's garbage collector
 * works beside it, and the kernel reads the files), so on two cores a
 * worker did not pay: measured on a 2-core machine, 10,000 files took as
 * long with one as without, and two separate grading processes together
 * ran only 1.4× as fast as one.
 */
export function defaultThreads(cores = availableParallelism()): number {
  return cores < 4 ? 1 : Math.min(cores - 1, MAX_THREADS);
}

/** How to share the files left after the timed start, from what a file cost there (0: nothing was timed). */
export function sharePlan(msPerFile: number, cores = availableParallelism()): { threads: number; chunk: number } {
  if (!(msPerFile >= HEAVY_MS)) return { threads: defaultThreads(cores), chunk: CHUNK };
  return { threads: Math.min(cores, MAX_THREADS), chunk: Math.max(1, Math.min(CHUNK, Math.round(HEAVY_CHUNK_MS / msPerFile))) };
}
/** Marks a worker started to grade, as opposed to any other use of the entry script. */
const ROLE = 'vanishing-gradients:grade-files';

/** What a grading worker is started with. */
interface Setup {
  [ROLE]: true;
  variants: boolean;
}

/** Every file's report, in the files' order, from one grader made for this run (and one in each worker). */
export async function gradeFiles(files: readonly Found[], options: GradeFilesOptions): Promise<Graded[]> {
  const { variants, workerEntry } = options;
  const grader = createGrader();
  const here = (found: Found): Graded => gradeFound(found, variants, grader);
  if (workerEntry === undefined) return files.map(here);
  // Time the first files on this thread alone; what a typical one cost decides how the rest is shared. The median, because
  // the very first file also pays for loading the grader.
  const first: Graded[] = [];
  const costs: number[] = [];
  const probeMs = options.gradeHere === false ? 0 : (options.probeMs ?? PROBE_MS);
  const start = performance.now();
  for (let t = start; first.length < files.length && t - start < probeMs; ) {
    first.push(here(files[first.length]!));
    const now = performance.now();
    costs.push(now - t);
    t = now;
  }
  if (first.length === files.length) return first;
  const plan = sharePlan(costs.length === 0 ? 0 : costs.sort((a, b) => a - b)[costs.length >> 1]!, options.cores);
  return [...first, ...(await share(files.slice(first.length), { ...options, workerEntry }, grader, plan))];
}

/** The files graded on this thread and on workers, chunk by chunk, in the files' order. */
async function share(
  files: readonly Found[],
  options: GradeFilesOptions & { workerEntry: URL },
  grader: Grader,
  plan: { threads: number; chunk: number },
): Promise<Graded[]> {
  const { variants, workerEntry } = options;
  const size = options.chunk ?? plan.chunk;
  const chunks = Math.ceil(files.length / size);
  const most = Math.min(options.threads ?? plan.threads, MAX_THREADS);
  // A thread needs at least two chunks to be worth starting: a worker takes tens of milliseconds to load the grader.
  const workers = Math.max(0, Math.min(most, Math.floor(chunks / 2)) - 1);
  if (workers === 0) return files.map((found) => gradeFound(found, variants, grader));

  const results: Graded[][] = new Array(chunks);
  const queue = Array.from({ length: chunks }, (_, i) => i);
  const slice = (index: number): readonly Found[] => files.slice(index * size, (index + 1) * size);
  const helpers = Array.from({ length: workers }, () =>
    startWorker(workerEntry, variants, { queue, results, slice, onFailure: options.onWorkerFailure, texts: options.texts }),
  );
  // This thread grades chunks too; between two, it lets the workers' results and requests in.
  for (let index = options.gradeHere === false ? undefined : queue.shift(); index !== undefined; index = queue.shift()) {
    results[index] = slice(index).map((found) => gradeFound(found, variants, grader));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  // Nothing left to hand out: a worker still loading is not waited for, one grading is.
  if (options.gradeHere !== false) for (const helper of helpers) helper.stopIfIdle();
  await Promise.all(helpers.map((helper) => helper.done));
  // Chunks given back by workers that failed after this thread's last look at the queue.
  for (let index = queue.shift(); index !== undefined; index = queue.shift())
    results[index] = slice(index).map((found) => gradeFound(found, variants, grader));
  return results.flat();
}

interface Shared {
  /** Chunks not yet handed out, by index. */
  queue: number[];
  results: Graded[][];
  slice: (index: number) => readonly Found[];
  onFailure?: (reason: string) => void;
  texts?: Map<FileReport, string>;
}

interface Helper {
  /** Resolves when the worker has stopped: the queue ran out, or it failed (its chunks back in the queue). Never rejects. */
  done: Promise<void>;
  /** Stops the worker if it holds no chunk (it may still be loading), so nobody waits for it. */
  stopIfIdle: () => void;
}

/** Chunks a worker holds at once: the next is already there when it finishes one, while this thread is busy grading its own. */
const IN_FLIGHT = 2;
/** What a worker sends once the grader is loaded, before any reports. */
const READY = 'ready';

/** A worker that, once loaded, takes chunks from the queue until it is empty. */
function startWorker(entry: URL, variants: boolean, shared: Shared): Helper {
  const { queue, results, slice, onFailure, texts } = shared;
  /** Chunks sent and not yet answered, oldest first (a worker answers in order). */
  const held: number[] = [];
  let worker: Worker | undefined;
  let finished = false;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = () => {
      if (finished) return;
      finished = true;
      void worker?.terminate();
      resolve();
    };
  });
  const fail = (reason: string): void => {
    if (finished) return;
    // Its chunks go back to the front of the queue, for this thread or another worker.
    queue.unshift(...held);
    held.length = 0;
    onFailure?.(reason);
    finish();
  };
  const topUp = (): void => {
    while (held.length < IN_FLIGHT && queue.length > 0) {
      const index = queue.shift()!;
      held.push(index);
      worker!.postMessage(slice(index));
    }
    if (held.length === 0) finish();
  };
  try {
    const setup: Setup = { [ROLE]: true, variants };
    worker = new Worker(entry, { workerData: setup });
    worker.on('message', (message: string | string[]) => {
      if (finished) return;
      if (message !== READY) results[held.shift()!] = (message as string[]).map((text) => fromJson(text, texts));
      topUp();
    });
    worker.once('error', (error) => fail(errorText(error)));
    worker.once('exit', (code) => fail(`it stopped (exit code ${code}) before the files ran out`));
  } catch (error) {
    fail(errorText(error));
  }
  return { done, stopIfIdle: () => (held.length === 0 ? finish() : undefined) };
}

/** A worker's report from its JSON text, the text kept in `texts` for the JSON report. */
function fromJson(text: string, texts: Map<FileReport, string> | undefined): Graded {
  if (text === OWN_REPORT) return OWN_REPORT;
  const report = JSON.parse(text) as FileReport;
  texts?.set(report, text);
  return report;
}

/** The worker's side, run by the entry script in a worker thread: grade each chunk it is sent and send back the reports. */
export function runGradingWorker(): void {
  const setup = workerData as Partial<Setup> | null;
  if (isMainThread || !parentPort || setup?.[ROLE] !== true)
    throw new Error('runGradingWorker runs only in a worker that gradeFiles started');
  const port = parentPort;
  const variants = setup.variants === true;
  const grader = createGrader();
  // Reports go back as JSON text: parsing it costs this thread a fifth of what copying the objects
  // (structured clone) would, and the JSON report then writes the text as it is (report/json-report.ts).
  port.on('message', (files: readonly Found[]) =>
    port.postMessage(
      files.map((found) => {
        const graded = gradeFound(found, variants, grader);
        return graded === OWN_REPORT ? OWN_REPORT : JSON.stringify(graded);
      }),
    ),
  );
  port.postMessage(READY);
}

/** One file's report, by `grader`: read under the limit, then graded; a file that cannot be read is an error report. */
export function gradeFound(found: Found, variants: boolean, grader: Grader): Graded {
  if (found.problem) return errorReport(found.path, [found.problem]);
  const read = readCapped(found.real, MAX_BYTES);
  if (!read.ok) {
    if (read.reason === 'too-large') return errorReport(found.path, [tooLarge(read.bytes, read.atLeast)!]);
    if (read.reason === 'symlink') return errorReport(found.path, [problem('symlink', '', { reason: 'outside' })]);
    return errorReport(found.path, [problem('unreadable', '', { detail: read.reason === 'error' ? read.detail : CLI.notAFile })]);
  }
  if (isGraderReport(read.bytes)) return OWN_REPORT;
  return grader.gradeText(read.bytes, { path: found.path, variants, requireLearner: variants });
}
