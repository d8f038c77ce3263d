/**
 * A worker entry for grade-files.test.ts: the CLI's own worker, plus a line
 * per chunk it is sent ("<thread id> <files>") in the file VG_WORKER_LOG
 * names, so the test can see which workers graded and how much.
 */
import { appendFileSync } from 'node:fs';
import { parentPort, threadId } from 'node:worker_threads';
import { runGradingWorker } from '../../../grader/cli/grade-files.ts';

parentPort!.on('message', (files: unknown[]) => appendFileSync(process.env.VG_WORKER_LOG!, `${threadId} ${files.length}\n`));
runGradingWorker();
