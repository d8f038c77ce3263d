/**
 * `npm run bench`: runs every benchmark script in turn and prints their
 * figures against the budgets in DESIGN.md. Figures are printed, never
 * asserted: a slow machine must not fail the build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const scripts = ['engine.ts', 'grader.ts', 'class.ts', 'copies.ts', 'yaml.ts', 'challenges.ts', 'size.ts'];
let failed = false;
/** Every line that states a budget, gathered for the recap at the end. */
const budgets: string[] = [];
for (const name of scripts) {
  const path = fileURLToPath(new URL(name, import.meta.url));
  if (!existsSync(path)) continue;
  console.log(`\n== bench/${name} ==`);
  const result = spawnSync(process.execPath, [path], {
    stdio: ['inherit', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  for (const line of (result.stdout ?? '').split('\n')) if (/\(budget [≤≥<]/.test(line)) budgets.push(`${name}: ${line.trim()}`);
  if (result.status !== 0) failed = true;
}
console.log(`\n== budgets ==\n${budgets.join('\n')}`);
process.exitCode = failed ? 1 : 0;
