/**
 * grade.mjs, the single-file grader: bundled from the same source, it runs on
 * the machine's own Node (20 here, not the project's Node 24), needs nothing
 * installed beside it, and gives the same reports as the TypeScript CLI.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradeFiles, gradeFound } from '../../grader/cli/grade-files.ts';
import { collect } from '../../grader/cli/walk.ts';
import { bundleGrader } from '../../src/integrations/grader-bundle.ts';
import { settingsJson } from '../../course.schema.ts';
import { generatedClass, ROSTER_CSV, variantClass } from './class-fixtures.ts';
import { createGrader } from '../../grader/grade/grader.ts';

/** The grader the reports are checked against: one of its own, not the one gradeFiles makes. */
const grader = createGrader();

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The system's Node, as a learner's CI or an instructor's laptop would have it (not node_modules/.bin/node). */
const SYSTEM_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => spawnSync(p, ['--version']).status === 0) ?? 'node';
const work = mkdtempSync(join(tmpdir(), 'vg-bundle-'));
/** Alone in its folder, with no node_modules anywhere above it. */
const bundle = join(work, 'bin', 'grade.mjs');

beforeAll(async () => {
  mkdirSync(join(work, 'bin'));
  mkdirSync(join(work, 'submissions'));
  for (const f of [...generatedClass(), ...variantClass()]) writeFileSync(join(work, 'submissions', f.path), f.text);
  writeFileSync(join(work, 'roster.csv'), ROSTER_CSV);
  await bundleGrader({ outFile: bundle });
}, 120_000);

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('grade.mjs', () => {
  it('is plain JavaScript for Node 20 or later, with the yaml library inside', () => {
    const version = spawnSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
    expect(version).toMatch(/^v\d+\./);
    const text = readFileSync(bundle, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    // Only Node's own modules are imported: everything else is inside.
    const imports = [...text.matchAll(/\bfrom\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(imports.every((i) => i!.startsWith('node:'))).toBe(true);
    const help = run(SYSTEM_NODE, [bundle, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format FORMAT');
  });

  it.each([
    ['json', ['--format', 'json', '--roster', 'roster.csv']],
    ['csv', ['--format', 'csv', '--roster', 'roster.csv']],
    ['markdown', ['--format', 'markdown']],
    ['junit', ['--format', 'junit']],
    ['text, variants on', ['--variants']],
  ])(
    "gives the TypeScript CLI's %s report, byte for byte, on the system Node",
    (_, flags) => {
      const ts = run(resolve(ROOT, 'node_modules/.bin/node'), [resolve(ROOT, 'grader/cli.ts'), 'submissions', ...flags]);
      const mjs = run(SYSTEM_NODE, [bundle, 'submissions', ...flags]);
      expect(ts.code).toBe(1); // broken.yaml
      expect(mjs).toEqual(ts);
    },
    60_000,
  );

  it('grades part of a large class as its own worker thread, with the reports the TypeScript grader gives', async () => {
    const collected = collect(['submissions'], { base: work });
    if ('error' in collected) throw new Error(collected.error);
    const { files } = collected;
    const workerEntry = new URL(`file://${bundle}`);
    const failures: string[] = [];
    expect(
      await gradeFiles(files, {
        variants: true,
        workerEntry,
        threads: 2,
        chunk: 2,
        gradeHere: false,
        onWorkerFailure: (r) => failures.push(r),
      }),
    ).toEqual(files.map((f) => gradeFound(f, true, grader)));
    expect(failures).toEqual([]);
  }, 60_000);

  it('grades with the course settings it was built with, whatever COURSE_VARIANTS says where it runs (one truth per deployment)', async () => {
    const on = join(work, 'bin', 'grade-on.mjs');
    await bundleGrader({ outFile: on, settings: settingsJson({ title: 'Vanishing Gradients', variants: true, passingScore: 80 }) });
    copyFileSync(join(work, 'submissions', 'judy.json'), join(work, 'judy.json'));
    const run1 = (env: Record<string, string> = {}) => run(SYSTEM_NODE, [on, 'judy.json', '--format', 'json'], env);
    expect(JSON.parse(run1().stdout).files[0]).toMatchObject({ learner: 'judy@uni.edu', variant: true });
    const overruled = run1({ COURSE_VARIANTS: 'off' });
    expect(JSON.parse(overruled.stdout).files[0]).toMatchObject({ learner: 'judy@uni.edu', variant: true });
    expect(overruled.stderr).toContain('COURSE_VARIANTS=off is ignored');
    // A flag still says otherwise, on purpose.
    expect(JSON.parse(run(SYSTEM_NODE, [on, 'judy.json', '--format', 'json', '--no-variants']).stdout).files[0]).toMatchObject({
      variant: false,
    });
    expect(readFileSync(on, 'utf8')).toContain('"variants":true');
  }, 120_000);
});
