/**
 * `npm run bench`: runs every benchmark script in turn and prints their
 * figures against the budgets in DESIGN.md. Figures are printed, never
 * asserted: a slow machine must not fail the build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const scripts = ['engine.ts', 'grader.ts', 'class.ts', 'size.ts'];
let failed = false;
for (const name of scripts) {
  const path = fileURLToPath(new URL(name, import.meta.url));
  if (!existsSync(path)) continue;
  console.log(`\n== bench/${name} ==`);
  const result = spawnSync(process.execPath, [path], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
