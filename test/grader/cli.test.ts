import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { annotations } from '../../grader/cli/actions.ts';
import { parseArgs as parseCli } from '../../grader/cli/args.ts';
import { gradeText } from '../../grader/grade-text.ts';
import { POST_ANSWERS_YAML } from './fixtures.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('parseCli', () => {
  it('reads paths and options, in any order and in both --flag value and --flag=value forms', () => {
    expect(parseCli(['a.yaml', '--format', 'junit', 'dir', '--out=r.xml', '--min-score', '80%'])).toEqual({
      kind: 'grade', paths: ['a.yaml', 'dir'], format: 'junit', out: 'r.xml', minScore: 80,
    });
    expect(parseCli(['a.yaml'])).toEqual({ kind: 'grade', paths: ['a.yaml'], format: 'text', out: undefined, minScore: 0 });
    expect(parseCli(['--no-variants', 'a.yaml'])).toMatchObject({ variants: false });
    expect(parseCli(['--variants', 'a.yaml'])).toMatchObject({ variants: true });
    expect(parseCli(['--', '--odd-name.yaml'])).toMatchObject({ paths: ['--odd-name.yaml'] });
  });

  it('has --help and --template', () => {
    expect(parseCli(['a.yaml', '--help'])).toEqual({ kind: 'help' });
    expect(parseCli(['-h'])).toEqual({ kind: 'help' });
    expect(parseCli(['--template'])).toEqual({ kind: 'template', out: undefined });
    expect(parseCli(['--template', '--out', 'answers.yaml'])).toEqual({ kind: 'template', out: 'answers.yaml' });
  });

  it('reports usage errors as data', () => {
    const message = (argv: string[]) => {
      const parsed = parseCli(argv);
      return parsed.kind === 'usage-error' ? parsed.message : parsed.kind;
    };
    expect(message([])).toMatchInlineSnapshot(`"no answer files or folders given"`);
    expect(message(['a.yaml', '--colour'])).toMatchInlineSnapshot(`"unknown option '--colour'"`);
    expect(message(['a.yaml', '--format', 'xml'])).toMatchInlineSnapshot(`"unknown format 'xml'; use text, json, junit, markdown or csv"`);
    expect(message(['a.yaml', '--format', 'constructor'])).toMatch(/unknown format/);
    expect(message(['a.yaml', '--format'])).toMatchInlineSnapshot(`"--format needs a value"`);
    expect(message(['a.yaml', '--min-score', '120'])).toMatchInlineSnapshot(`"--min-score takes a percentage from 0 to 100, not '120'"`);
    expect(message(['a.yaml', '--min-score', 'high'])).toMatch(/percentage/);
    expect(message(['--template', 'a.yaml'])).toMatchInlineSnapshot(`"--template takes no paths"`);
  });
});

describe('annotations', () => {
  it('gives GitHub at most 10 annotations in all (9 errors and a notice counting the rest), with file, line and escaped text', () => {
    const wrong = POST_ANSWERS_YAML.replace(/: [^\n#]+(?=\n {4}|\n {2}|\n$)/g, ': 12345');
    const report = gradeText(wrong, { path: '/ws/answers.yaml' });
    const lines = annotations([report], '/ws');
    const problems = report.exercises.flatMap((e) => e.parts).filter((p) => p.verdict === 'incorrect' || p.verdict === 'invalid');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^::error file=answers\.yaml,line=5,title=sigmoid-max\.max_value::read as 12,345/);
    expect(lines.slice(0, 9).every((l) => l.startsWith('::error '))).toBe(true);
    expect(lines[9]).toBe(`::notice::${problems.length - 9} more problems are in the job summary and the report`);
    const unreadable = gradeText('a: 1\na: 2\n', { path: 'x,y:z.yaml' });
    expect(annotations([unreadable])).toEqual(["::error file=x%2Cy%3Az.yaml,line=2::duplicate key 'a'; each key may appear only once"]);
  });
});

/** Runs the real CLI in a child process, as CI does. */
function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['grader/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'grader-cli-'));
}

describe('the CLI process', () => {
  it('exits 0 when every file is graded, 1 when one is unreadable or below --min-score, 2 on usage errors', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.yaml'), POST_ANSWERS_YAML);
    writeFileSync(join(dir, 'bad.yaml'), 'answers:\n  a: 1\n  a: 2\n');
    writeFileSync(join(dir, 'blank.yaml'), 'answers: {}\n');
    expect(cli([join(dir, 'good.yaml')])).toMatchObject({ code: 0, stdout: expect.stringContaining('19/19 (100%)') });
    expect(cli([join(dir, 'blank.yaml')]).code).toBe(0);
    expect(cli([join(dir, 'blank.yaml'), '--min-score', '50']).code).toBe(1);
    expect(cli([join(dir, 'bad.yaml')])).toMatchObject({ code: 1, stdout: expect.stringContaining("duplicate key 'a'") });
    expect(cli([join(dir, 'nope.yaml')])).toMatchObject({ code: 2, stderr: expect.stringContaining('does not exist') });
    expect(cli([])).toMatchObject({ code: 2, stderr: expect.stringContaining('no answer files') });
    expect(cli([join(dir, 'good.yaml'), '--frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option '--frobnicate'") });
  });

  it('grades a folder recursively in sorted order, and one bad file does not stop the others', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'b', 'ada.json'), JSON.stringify({ answers: { 'relu-swap': { gradient_relu: '1e-3' } } }));
    writeFileSync(join(dir, 'a.yml'), '[unclosed\n');
    writeFileSync(join(dir, 'c.YAML'), POST_ANSWERS_YAML);
    writeFileSync(join(dir, 'notes.txt'), 'not an answers file');
    writeFileSync(join(dir, '.git', 'x.yaml'), 'answers: {}');
    const { code, stdout } = cli([dir, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.files.map((f: { path: string; status: string; score: number }) => [f.path.slice(dir.length + 1), f.status, f.score])).toEqual([
      ['a.yml', 'error', 0], [join('b', 'ada.json'), 'graded', 1], ['c.YAML', 'graded', 19],
    ]);
    expect(report.summary).toMatchObject({ files: 3, graded: 2, failed: 1 });
  });

  // A folder without read permission; root reads it anyway, so as root the CLI runs as nobody (setpriv).
  const asRoot = process.getuid?.() === 0;
  it.skipIf(process.platform === 'win32' || (asRoot && !existsSync('/usr/bin/setpriv')))(
    'grades the other files when a folder cannot be listed, and reports that folder as an error (exit 1, no crash)',
    () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML);
      mkdirSync(join(dir, 'locked'));
      chmodSync(join(dir, 'locked'), 0o000);
      chmodSync(dir, 0o755);
      chmodSync(join(dir, 'ada.yaml'), 0o644);
      const args = [dir, '--format', 'json'];
      const run = asRoot
        ? spawnSync('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, 'grader/cli.ts', ...args], {
          cwd: root, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' },
        })
        : spawnSync(process.execPath, ['grader/cli.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
      chmodSync(join(dir, 'locked'), 0o755);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(report.files.map((f: { path: string; status: string; score: number }) => [f.path.slice(dir.length + 1), f.status, f.score])).toEqual([
        ['ada.yaml', 'graded', 19], ['locked', 'error', 0],
      ]);
      expect(report.files[1].errors[0].message.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(
        `"the folder could not be listed (EACCES: permission denied, scandir '<dir>/locked'), so the answer files in it were not graded"`,
      );
    },
  );

  it('writes --out and no other file; refuses a file over 256 KiB without reading it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML);
    writeFileSync(join(dir, 'huge.yaml'), `answers: {}\n#${'x'.repeat(300 * 1024)}\n`);
    const out = join(dir, 'report.xml');
    const { code, stdout } = cli([join(dir, 'ada.yaml'), join(dir, 'huge.yaml'), '--format', 'junit', '--out', out]);
    expect(code).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml[\s\S]*<testsuites [\s\S]*answer files are limited to 256\.0 KiB/);
    expect(stdout).toContain('2 files: 1 graded, 1 failed');
    expect(readdirSync(dir).sort()).toEqual(['ada.yaml', 'huge.yaml', 'report.xml']);
  });

  it('refuses an --out it cannot write with a usage error (exit 2) before grading, not a stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML);
    const missing = join(dir, 'no-such-folder', 'report.json');
    const graded = cli([join(dir, 'ada.yaml'), '--format', 'json', '--out', missing]);
    expect(graded).toMatchObject({ code: 2, stdout: '' });
    expect(graded.stderr.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "cannot write --out '<dir>/no-such-folder/report.json': the folder '<dir>/no-such-folder' does not exist
      Run with --help for usage.
      "
    `);
    expect(cli(['--template', '--out', missing])).toMatchObject({ code: 2, stderr: expect.stringContaining('does not exist') });
    expect(cli([join(dir, 'ada.yaml'), '--out', dir]).stderr.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "--out '<dir>' is a folder; give a file name
      Run with --help for usage.
      "
    `);
    expect(readdirSync(dir)).toEqual(['ada.yaml']);
  });

  it('prints a blank template that the grader reads back as all missing', () => {
    const { code, stdout } = cli(['--template']);
    expect(code).toBe(0);
    const dir = tempDir();
    writeFileSync(join(dir, 'answers.yaml'), stdout);
    expect(cli([join(dir, 'answers.yaml'), '--format', 'json']).stdout).toMatch(/"score": 0,\s*"maxScore": 19/);
  });

  it("grades a learner's own variant only with variants on (course.config.ts has them off)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML); // names learner ada@example.edu
    const score = (args: string[]) => JSON.parse(cli([join(dir, 'ada.yaml'), '--format', 'json', ...args]).stdout).files[0].score;
    expect(score([])).toBe(19);
    expect(score(['--no-variants'])).toBe(19);
    expect(score(['--variants'])).toBeLessThan(19); // the post's numbers are not this learner's answers
  });

  it('in GitHub Actions, prints at most 10 annotations and appends the Markdown report to the job summary', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blank.yaml'), 'answers: {}\n');
    const wrong = POST_ANSWERS_YAML.replace(/: [^\n#]+(?=\n {4}|\n {2}|\n$)/g, ': 12345');
    writeFileSync(join(dir, 'wrong.yaml'), wrong);
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const { code, stdout } = cli([join(dir, 'blank.yaml'), join(dir, 'wrong.yaml')], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: dir });
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((l) => l.startsWith('::error '))).toHaveLength(9);
    expect(stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(10);
    expect(stdout).toContain('::error file=wrong.yaml,line=5,');
    expect(readFileSync(summary, 'utf8')).toMatch(/^earlier step\n## Vanishing Gradients — grading report/);
  });
});
