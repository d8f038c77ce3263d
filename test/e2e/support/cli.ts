/** Runs the grader CLI on a file, as CI would, and returns its JSON report. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './site.ts';

export interface CliPart {
  id: string;
  verdict: string;
  feedback: string;
  /** How the grader read the answer (absent for a blank one). */
  readAs?: string;
}

/** `node grader/cli.ts <file> --format json`; the parts of one exercise, by id. */
export function cliVerdicts(file: string, exerciseId: string): Map<string, CliPart> {
  const node = resolve(PROJECT_ROOT, 'node_modules/.bin/node');
  const run = spawnSync(node, ['grader/cli.ts', file, '--format', 'json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (run.status === 2 || run.stdout.trim() === '') throw new Error(`grader CLI failed (${run.status}): ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: { exercises: { id: string; parts: CliPart[] }[] }[] };
  const exercise = report.files[0]?.exercises.find((e) => e.id === exerciseId);
  return new Map((exercise?.parts ?? []).map((p) => [p.id, p]));
}
