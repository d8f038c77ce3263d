/**
 * One truth per deployment: a site built with COURSE_VARIANTS=on, and one
 * class graded three ways from that build and those files: `npm run grade`
 * (the checkout's entry, given the build's course.json), the build's own
 * dist/grade.mjs on the system's Node 20, and the browser class report. The
 * gradebooks must be byte for byte the same, in every format each route
 * offers (the browser offers the CSV, Canvas and Moodle files; the two
 * command lines every format).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANVAS_ROSTER, hostileClass, MOODLE_ROSTER, UNREADABLE } from '../grader/gradebook-fixtures.ts';
import { useSite } from './support/served-site.ts';
import { PROJECT_ROOT } from './support/site.ts';

const site = useSite({ build: { name: 'gradebook', env: { COURSE_VARIANTS: 'on' } } });
const root = mkdtempSync(join(tmpdir(), 'vg-e2e-gradebook-'));
/** The system's Node (20 here), as an instructor's machine has it: not the project's Node 24. */
const SYSTEM_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => spawnSync(p, ['--version']).status === 0) ?? 'node';

beforeAll(() => {
  mkdirSync(join(root, 'submissions'));
  // Whole seconds apart, so "latest by modification time" is the same file for every route.
  hostileClass().forEach((f, i) => {
    const path = join(root, 'submissions', f.path);
    writeFileSync(path, f.bytes);
    utimesSync(path, 1_800_000_000 + i, 1_800_000_000 + i);
  });
  writeFileSync(join(root, 'canvas.csv'), CANVAS_ROSTER);
  writeFileSync(join(root, 'moodle.csv'), MOODLE_ROSTER);
});

const FLAGS: Record<string, string[]> = {
  csv: ['--format', 'csv', '--roster', 'moodle.csv'],
  canvas: ['--format', 'canvas', '--roster', 'canvas.csv'],
  moodle: ['--format', 'moodle', '--roster', 'moodle.csv'],
  json: ['--format', 'json', '--roster', 'moodle.csv'],
  text: ['--roster', 'moodle.csv'],
  markdown: ['--format', 'markdown', '--roster', 'moodle.csv'],
  junit: ['--format', 'junit'],
  gradescope: ['--format', 'gradescope'],
};

/** `npm run grade` from the class's folder: npm's own entry (grader/cli.js) in the checkout, with the build's settings. */
function npmGrade(flags: string[]) {
  const run = spawnSync(
    'npm',
    ['--prefix', PROJECT_ROOT, 'run', '-s', 'grade', '--', 'submissions', ...flags, '--course', join(site.dir, 'course.json')],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, COURSE_VARIANTS: '' },
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The build's grade.mjs, copied out of the site as an instructor downloads it, on the system's Node. */
function gradeMjs(flags: string[]) {
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'grade.mjs'), readFileSync(join(site.dir, 'grade.mjs')));
  const run = spawnSync(SYSTEM_NODE, [join(bin, 'grade.mjs'), 'submissions', ...flags], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('a class graded by every route of one deployment', () => {
  it("writes the build's settings beside its pages, and the same ones into grade.mjs", () => {
    const settings = JSON.parse(readFileSync(join(site.dir, 'course.json'), 'utf8'));
    expect(settings).toMatchObject({ variants: true, passingScore: 80, title: 'Vanishing Gradients', base: '/' });
    expect(readFileSync(join(site.dir, 'grade.mjs'), 'utf8')).toContain('"variants":true');
    expect(spawnSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v20\./);
  });

  it.each(Object.keys(FLAGS))(
    'gives the same %s from npm run grade and from grade.mjs on Node 20',
    (format) => {
      const npm = npmGrade(FLAGS[format]!);
      const mjs = gradeMjs(FLAGS[format]!);
      expect(npm.code).toBe(1); // unreadable files
      expect(mjs).toEqual(npm);
      // Variants on, and one file names no one: said on the terminal, the file listed to check by hand.
      if (format !== 'gradescope') expect(npm.stderr).toContain('submissions/nobody.yaml: YAML syntax error');
      expect(npm.stderr).toContain('warning: variants are on, yet 1 of 12 files name no learner');
    },
    120_000,
  );

  it('says the class-level warning on the terminal with --out too', () => {
    const run = npmGrade(['--format', 'csv', '--out', 'gb.csv']);
    expect(run.stderr).toContain('warning: variants are on, yet 1 of 12 files name no learner');
    expect(run.stdout).toBe('12 files: 6 graded, 6 not read\n');
  }, 120_000);

  it('gives the same CSV, Canvas and Moodle files from the browser class report', async () => {
    const { context, page, problems } = await site.newPage({ acceptDownloads: true });
    await page.goto(`${site.url}guides/class-report/`);
    expect(await page.locator('input[data-variants]').isChecked()).toBe(true);
    const files: Record<string, string> = {};
    for (const [roster, formats] of [
      ['canvas.csv', ['canvas']],
      ['moodle.csv', ['csv', 'moodle']],
    ] as const) {
      await page.locator('input[data-roster]').setInputFiles(join(root, roster));
      await page.locator('input[data-folder]').setInputFiles(join(root, 'submissions'));
      await page.locator('[data-status]').filter({ hasText: 'Graded 6 of 12 files.' }).waitFor();
      for (const format of formats) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-download="${format}"]`).click()]);
        files[format] = readFileSync((await download.path())!, 'utf8');
      }
    }
    for (const format of ['csv', 'canvas', 'moodle']) expect(files[format], format).toBe(npmGrade(FLAGS[format]!).stdout);
    // Every unreadable file with a learner: line is that learner's, in all three (every CSV text cell is quoted).
    for (const learner of UNREADABLE) {
      const id = learner.replaceAll('.', '\\.');
      expect(files.csv).toMatch(new RegExp(`^"${id}","submissions/[a-z0-9]+\\.yaml","error",`, 'm'));
      expect(files.moodle).toContain(`"${learner}",,"Your file could not be read`);
      expect(files.canvas).toContain(`,"${learner}","Section A",\r\n`);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
