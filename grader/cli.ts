/**
 * The grader's command line (`npm run grade -- …`), a thin shell: the flow is
 * in cli/main.ts, the flags in cli/args.ts, the folder walk in cli/walk.ts,
 * the capped file reader in cli/read-file.ts, GitHub Actions safety in
 * cli/actions.ts. The only grader files that touch process or fs are here.
 * Whatever goes wrong, the process ends with a message and exit code 2,
 * never a stack trace.
 */
import { main } from './cli/main.ts';
import { CLI } from './cli/text.ts';

if (import.meta.main) {
  try {
    process.exitCode = await main({
      argv: process.argv.slice(2),
      env: process.env,
      cwd: process.cwd(),
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
      isTTY: process.stdout.isTTY === true,
    });
  } catch (error) {
    process.stderr.write(`${CLI.unexpected(error instanceof Error ? `${error.name}: ${error.message}` : String(error))}\n`);
    process.exitCode = 2;
  }
}
