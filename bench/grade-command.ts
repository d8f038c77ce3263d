/**
 * The command `npm run grade` runs (package.json's scripts.grade), as the
 * project's Node and its arguments, so the benchmarks time exactly what an
 * instructor runs, Node flags included.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** [node, ...flags, script] with the script as an absolute path; `entry` swaps the script (e.g. 'grader/cli.ts'). */
export function gradeCommand(entry?: string): [string, ...string[]] {
  const script = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts.grade!;
  const [node, ...args] = script.split(/\s+/);
  if (node !== 'node' || args.length === 0)
    throw new Error(`bench/grade-command.ts expects scripts.grade to be "node [flags] <script>", not "${script}"`);
  const file = entry ?? args.at(-1)!;
  return [`${ROOT}node_modules/.bin/node`, ...args.slice(0, -1), `${ROOT}${file}`];
}
