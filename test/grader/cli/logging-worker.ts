/**
 * A worker entry for grade-files.test.ts: the CLI's own worker, plus a line
 * per worker in the file VG_WORKER_LOG names, so the test can see how many
 * workers graded and how many files each was given.
 */
import { appendFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { runGradingWorker } from '../../../grader/cli/grade-files.ts';

appendFileSync(process.env.VG_WORKER_LOG!, `${(workerData as { files: unknown[] }).files.length}\n`);
runGradingWorker();
