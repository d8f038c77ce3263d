/**
 * The command line on the real process: its arguments, environment, folder
 * and streams handed to main (tests call main with their own). Whatever goes
 * wrong, the process ends with a message and exit code 2, never a stack trace.
 */
import { isMainThread } from 'node:worker_threads';
import { runGradingWorker } from './grade-files.ts';
import { main } from './main.ts';
import { replaceNpmBanner } from './npm-banner.ts';
import { CLI } from './help-text.ts';
import { breakCommands } from './actions.ts';
import { visible } from '../report/visible.ts';

/**
 * What the CLI's entry scripts (cli.ts, cli.js, grade.mjs) run: the command line on the main thread,
 * or, in a worker thread that gradeFiles started from the same script, that worker's share of a class.
 */
export async function runEntry(entry: URL): Promise<void> {
  if (isMainThread) await runProcess(entry);
  else runGradingWorker();
}

/**
 * Grades as the process's arguments say and sets its exit code. `entry` is the script the process
 * runs, started again as a worker thread to grade a large class on every core (grade-files.ts).
 */
export async function runProcess(entry: URL): Promise<void> {
  // A reader that stops early (`| head`) closes the pipe: that ends the output, not in a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`${CLI.unexpected(`${error.name}: ${error.message}`)}\n`);
    process.exit(2);
  });
  try {
    process.exitCode = await main({
      argv: process.argv.slice(2),
      env: process.env,
      cwd: process.cwd(),
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
      isTTY: process.stdout.isTTY === true,
      replaceNpmBanner: (text) => replaceNpmBanner(text),
      workerEntry: entry,
    });
  } catch (error) {
    // One line, no stack, and (in GitHub Actions) no workflow command, whatever the error quotes.
    const detail = visible(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    const line = CLI.unexpected(process.env.GITHUB_ACTIONS === 'true' ? breakCommands(detail, 'text') : detail);
    process.stderr.write(`${line}\n`);
    process.exitCode = 2;
  }
}
