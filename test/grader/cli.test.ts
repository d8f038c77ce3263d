import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  symlinkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs as parseCli } from '../../grader/cli/args.ts';
import { EXERCISES } from '../../exercises/index.ts';
import { POST_ANSWERS_YAML } from './fixtures.ts';
import { PARTS, PARTS_WITH_CHALLENGES } from '../support/course.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('parseArgs', () => {
  it('reads paths and options, in any order and in both --flag value and --flag=value forms', () => {
    expect(parseCli(['a.yaml', '--format', 'junit', 'dir', '--out=r.xml', '--min-score', '80%'])).toEqual({
      kind: 'grade',
      paths: ['a.yaml', 'dir'],
      format: 'junit',
      out: 'r.xml',
      minScore: 80,
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
    expect(parseCli(['--template', '--learner', 'ada@example.edu', '--variants'])).toEqual({
      kind: 'template',
      out: undefined,
      learner: 'ada@example.edu',
      variants: true,
    });
    expect(parseCli(['--learner', 'ada', 'a.yaml'])).toMatchObject({ kind: 'usage-error', message: expect.stringContaining('--template') });
    expect(parseCli(['--template', '--learner', '  '])).toMatchObject({
      kind: 'usage-error',
      message: expect.stringContaining('learner id'),
    });
  });

  it('reports usage errors as data', () => {
    const message = (argv: string[]) => {
      const parsed = parseCli(argv);
      return parsed.kind === 'usage-error' ? parsed.message : parsed.kind;
    };
    expect(message([])).toMatchInlineSnapshot(`"no answer files or folders given"`);
    expect(message(['a.yaml', '--colour'])).toMatchInlineSnapshot(`"unknown option '--colour'"`);
    expect(message(['a.yaml', '--format', 'xml'])).toMatchInlineSnapshot(
      `"unknown format 'xml'; use text, json, junit, markdown, csv, canvas, moodle or gradescope"`,
    );
    expect(message(['a.yaml', '--format', 'constructor'])).toMatch(/unknown format/);
    expect(message(['a.yaml', '--format'])).toMatchInlineSnapshot(`"--format needs a value"`);
    expect(message(['a.yaml', '--min-score', '120'])).toMatchInlineSnapshot(`"--min-score takes a percentage from 0 to 100, not '120'"`);
    expect(message(['a.yaml', '--min-score', 'high'])).toMatch(/percentage/);
    expect(message(['--template', 'a.yaml'])).toMatchInlineSnapshot(`"--template takes no paths"`);
    expect(message(['a.yaml', '--variants=yes'])).toMatchInlineSnapshot(`"--variants takes no value"`);
  });

  it('explains a --min-score below 1 instead of taking it as a percentage (decisions: messy classes)', () => {
    const parsed = parseCli(['a.yaml', '--min-score', '0.8']);
    expect(parsed).toEqual({
      kind: 'usage-error',
      message: "--min-score takes a percentage, and '0.8' would be 0.8 percent; did you mean 80? (write 0.8% if you meant 0.8 percent)",
    });
    expect(parseCli(['a.yaml', '--min-score', '0.8%'])).toMatchObject({ kind: 'grade', minScore: 0.8 });
    expect(parseCli(['a.yaml', '--min-score', '0'])).toMatchObject({ kind: 'grade', minScore: 0 });
    expect(parseCli(['a.yaml', '--min-score', '1'])).toMatchObject({ kind: 'grade', minScore: 1 });
  });
});

/** Runs the real CLI in a child process, as CI does (npm's variables cleared unless a test sets them). */
function cli(args: string[], env: Record<string, string> = {}, cwd = root) {
  const result = spawnSync(process.execPath, [join(root, 'grader/cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', NO_COLOR: '1', INIT_CWD: '', npm_lifecycle_event: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * What the CLI needs to run, copied into a temp folder every user can read: the grader, the exercises, the
 * engine, the course config, yaml, and the node binary (hard-linked when it can be). Nothing else
 * of the checkout is reachable from there, so the test proves the copy is enough.
 */
function runtimeForNobody(): string {
  const runtime = mkdtempSync(join(tmpdir(), 'grader-runtime-'));
  chmodSync(runtime, 0o755);
  for (const path of [
    'grader',
    'exercises',
    'engine',
    'course',
    'course.config.ts',
    'course.schema.ts',
    'package.json',
    'node_modules/yaml',
  ]) {
    cpSync(join(root, path), join(runtime, path), { recursive: true });
  }
  chmodSync(join(runtime, 'node_modules'), 0o755);
  try {
    linkSync(process.execPath, join(runtime, 'node'));
  } catch {
    copyFileSync(process.execPath, join(runtime, 'node'));
  }
  chmodSync(join(runtime, 'node'), 0o755);
  return runtime;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'grader-cli-'));
}

describe('the CLI process', { timeout: 120_000 }, () => {
  it('runs the same from cli.js, the plain-JavaScript entry `npm run grade` uses, as from cli.ts', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.grade).toMatch(/^node (--[\w-]+=\w+ )*grader\/cli\.js$/);
    const dir = mkdtempSync(join(tmpdir(), 'grader-entry-'));
    writeFileSync(join(dir, 'good.yaml'), POST_ANSWERS_YAML);
    writeFileSync(join(dir, 'broken.yaml'), 'answers: [\n');
    const env = { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1', INIT_CWD: '', npm_lifecycle_event: '' };
    const run = (entry: string, args: string[]) =>
      spawnSync(process.execPath, [join(root, 'grader', entry), ...args], { cwd: dir, encoding: 'utf8', env });
    for (const args of [['.'], ['.', '--format', 'json'], ['--help'], ['--bogus']]) {
      const [ts, js] = [run('cli.ts', args), run('cli.js', args)];
      expect(ts.status).toBe(args[0] === '--help' ? 0 : 2 - Number(args[0] === '.'));
      expect({ status: js.status, stdout: js.stdout, stderr: js.stderr }).toEqual({
        status: ts.status,
        stdout: ts.stdout,
        stderr: ts.stderr,
      });
    }
  });

  it('exits 0 when every file is graded, 1 when one is unreadable or below --min-score, 2 on usage errors', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.yaml'), POST_ANSWERS_YAML);
    writeFileSync(join(dir, 'bad.yaml'), 'answers:\n  a: 1\n  a: 2\n');
    writeFileSync(join(dir, 'blank.yaml'), 'answers: {}\n');
    expect(cli([join(dir, 'good.yaml')])).toMatchObject({ code: 0, stdout: expect.stringContaining(`${PARTS}/${PARTS} (100%)`) });
    expect(cli([join(dir, 'blank.yaml')]).code).toBe(0);
    expect(cli([join(dir, 'blank.yaml'), '--min-score', '50']).code).toBe(1);
    expect(cli([join(dir, 'bad.yaml')])).toMatchObject({ code: 1, stdout: expect.stringContaining("duplicate key 'a'") });
    expect(cli([join(dir, 'nope.yaml')])).toMatchObject({ code: 2, stderr: expect.stringContaining('does not exist') });
    expect(cli([])).toMatchObject({ code: 2, stderr: expect.stringContaining('no answer files') });
    expect(cli([join(dir, 'good.yaml'), '--frobnicate'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown option '--frobnicate'"),
    });
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
    expect(
      report.files.map((f: { path: string; status: string; score: number }) => [f.path.slice(dir.length + 1), f.status, f.score]),
    ).toEqual([
      ['a.yml', 'error', 0],
      [join('b', 'ada.json'), 'graded', 1],
      ['c.YAML', 'graded', PARTS],
    ]);
    expect(report.summary).toMatchObject({ files: 3, graded: 2, failed: 1, belowMark: 0, notRead: 1 });
  });

  // A folder without read permission. Root reads it anyway, so as root the CLI runs as nobody (setpriv), from a copy of
  // what it needs in a temp folder that nobody can read: the checkout itself may sit where nobody cannot enter
  // (a clone under /root, or in `mktemp -d`), which made the real CLI path "Cannot find module" (decisions: tests run from any clone).
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
      const args = [dir, '--format', 'json', '--no-variants'];
      const env = { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', INIT_CWD: '', npm_lifecycle_event: '' };
      let run: SpawnSyncReturns<string>;
      if (asRoot) {
        const runtime = runtimeForNobody();
        run = spawnSync(
          '/usr/bin/setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', join(runtime, 'node'), 'grader/cli.ts', ...args],
          {
            cwd: runtime,
            encoding: 'utf8',
            env,
          },
        );
      } else run = spawnSync(process.execPath, ['grader/cli.ts', ...args], { cwd: root, encoding: 'utf8', env });
      chmodSync(join(dir, 'locked'), 0o755);
      // A folder that could not be listed names no learner: it is in no gradebook row, and the terminal says so.
      expect(run.stderr).toMatch(/^1 file is in no gradebook row; check by hand:\n {2}\S*locked: the folder could not be listed [^\n]*\n$/);
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(
        report.files.map((f: { path: string; status: string; score: number }) => [f.path.slice(dir.length + 1), f.status, f.score]),
      ).toEqual([
        ['ada.yaml', 'graded', PARTS],
        ['locked', 'error', 0],
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
    expect(stdout).toBe('2 files: 1 graded, 1 not read\n'); // with --out, only the summary on the terminal
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
    const [file] = JSON.parse(cli([join(dir, 'answers.yaml'), '--format', 'json']).stdout).files;
    // The template lists the four lab challenges too (each one part, its setup).
    expect(file).toMatchObject({ status: 'graded', score: 0, maxScore: PARTS_WITH_CHALLENGES });
    expect(file.exercises.flatMap((e: { parts: { verdict: string }[] }) => e.parts.map((p) => p.verdict))).toEqual(
      Array(PARTS_WITH_CHALLENGES).fill('missing'),
    );
  });

  // The oracle for a learner's template is the instructor's answer key, a separate command: its numbers are the ones the
  // template names, and its answers, written into the template, grade as full marks under variants.
  it("writes a learner's template with their own numbers, which their answer key fills to full marks", () => {
    const dir = tempDir();
    const learner = 'ada@example.edu';
    writeFileSync(join(dir, 'roster.csv'), `learner\n${learner}\n`);
    const template = cli(['--template', '--learner', learner, '--variants']);
    expect(template).toMatchObject({ code: 0, stderr: '' });
    expect(template.stdout).toContain(`learner: "${learner}"`);
    const key = cli(['--answer-key', '--roster', join(dir, 'roster.csv'), '--variants']).stdout;
    for (const exercise of EXERCISES) {
      // The key prints the parameters under their own names, "(w = 0.05, depth = 6, …)"; the template in the names the page uses.
      const numbers = key.match(new RegExp(`^  ${exercise.id}  \\((.*)\\)$`, 'm'))![1]!;
      const shown = template.stdout.match(
        new RegExp(`^  # Your numbers: (.*)\\. Your exercise pages[^\\n]*\\n(?:  #[^\\n]*\\n)*  ${exercise.id}:$`, 'm'),
      );
      if (Object.keys(exercise.canonical).length === 0) {
        expect(shown).toBeNull();
        continue;
      }
      for (const name of Object.keys(exercise.canonical)) {
        const value = numbers.match(new RegExp(`(?:^|, )${name} = ([^,]+)`))![1]!;
        expect(shown![1], `${exercise.id} ${name}`).toContain(`${exercise.paramNames[name] ?? name} = ${value}`);
      }
    }
    expect(template.stdout).not.toContain("The post's numbers:");
    // Fill the template from the key's CSV, one answer per part line, and grade it.
    const rows = cli(['--answer-key', '--roster', join(dir, 'roster.csv'), '--variants', '--format', 'csv'])
      .stdout.trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(`[${line}]`) as string[]);
    let filled = template.stdout;
    let current = '';
    filled = filled
      .split('\n')
      .map((line) => {
        const exercise = line.match(/^ {2}([\w-]+):$/);
        if (exercise) current = exercise[1]!;
        const part = line.match(/^ {4}(\w+):$/);
        const row = part && rows.find((r) => r[2] === current && r[4] === part[1]);
        return row ? `${line} ${JSON.stringify(row[5])}` : line;
      })
      .join('\n');
    writeFileSync(join(dir, 'ada.yaml'), filled);
    const [graded] = JSON.parse(cli([join(dir, 'ada.yaml'), '--variants', '--format', 'json']).stdout).files;
    expect(graded).toMatchObject({ status: 'graded', learner, variant: true, score: PARTS, errors: [], warnings: [] });
    // The text report and the feedback file name the same numbers under each exercise.
    const text = cli([join(dir, 'ada.yaml'), '--variants', '--feedback-dir', join(dir, 'feedback')]).stdout;
    // Without a roster the feedback file is named by the answers file, not by the id the file claims.
    const feedback = readFileSync(join(dir, 'feedback', 'ada.yaml.md'), 'utf8');
    const deeper = key.match(/^ {2}deeper-network {2}\(w = ([^,]+), depth = (\d+),/m)!;
    expect(text).toMatch(new RegExp(`deeper-network  3/3[^\\n]*\\n    Your variant's numbers: [^\\n]*w = ${deeper[1]}`));
    expect(feedback).toContain(`the number of hidden layers = ${deeper[2]}`);
    expect(cli([join(dir, 'ada.yaml'), '--no-variants']).stdout).not.toContain("Your variant's numbers");
    // The Markdown report (a CI job summary) names them under the parts to revisit, for the exercises that have one.
    writeFileSync(join(dir, 'half.yaml'), filled.replace(/^( {4}factor_per_layer:).*$/m, '$1 "1"'));
    const md = cli([join(dir, 'half.yaml'), '--variants', '--format', 'markdown']).stdout;
    expect(md).toMatch(
      new RegExp(
        `^- deeper-network: Your variant's numbers: w = ${deeper[1]!.replace('.', '\\.')}, the number of hidden layers = ${deeper[2]}`,
        'm',
      ),
    );
    expect(md).not.toMatch(/^- saturation:/m);
  });

  it('says so when a learner asks for a template while the course has variants off', () => {
    const { code, stdout, stderr } = cli(['--template', '--learner', 'bob@example.edu', '--no-variants']);
    expect(code).toBe(0);
    expect(stderr).toContain('variants are off');
    expect(stdout).toContain('learner: "bob@example.edu"');
    expect(stdout).toContain("The post's numbers: w = 0.1, the number of hidden layers = 4.");
    expect(stdout).not.toContain('Your numbers');
  });

  it("grades a learner's own variant only with variants on (course.config.ts has them off)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML); // names learner ada@example.edu
    const score = (args: string[]) => JSON.parse(cli([join(dir, 'ada.yaml'), '--format', 'json', ...args]).stdout).files[0].score;
    expect(score([])).toBe(PARTS);
    expect(score(['--no-variants'])).toBe(PARTS);
    expect(score(['--variants'])).toBeLessThan(PARTS); // the post's numbers are not this learner's answers
  });

  it('in GitHub Actions, prints at most 10 annotations and appends the Markdown report to the job summary', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blank.yaml'), 'answers: {}\n');
    const wrong = POST_ANSWERS_YAML.replace(/: [^\n#]+(?=\n {4}|\n {2}|\n$)/g, ': 12345');
    writeFileSync(join(dir, 'wrong.yaml'), wrong);
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const { code, stdout } = cli([join(dir, 'blank.yaml'), join(dir, 'wrong.yaml')], {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: dir,
    });
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((l) => l.startsWith('::error '))).toHaveLength(9);
    // 10 annotations, after the fence (stop-commands and its resume line) around the report.
    expect(stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(12);
    expect(
      stdout
        .split('\n')
        .slice(-11, -1)
        .every((l) => /^::(error|notice)[ :]/.test(l)),
    ).toBe(true);
    expect(stdout).toContain('::error file=wrong.yaml,line=5,');
    expect(readFileSync(summary, 'utf8')).toMatch(/^earlier step\n## Vanishing Gradients — grading report/);
  });
});

describe('the CLI with messy folders and inputs (decisions: messy classes)', { timeout: 120_000 }, () => {
  it("resolves relative paths from the caller's folder under npm (INIT_CWD), not the package root", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML);
    // npm runs the script in the package root and passes the caller's folder as INIT_CWD.
    const run = cli(['.', '--format', 'json', '--out', 'report.json', '--no-variants'], { INIT_CWD: dir, npm_lifecycle_event: 'grade' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['ada.yaml']);
    // Run again: the report written into the folder is skipped, by name (--out) and by content (a grader report).
    expect(cli(['.', '--format', 'json', '--out', 'report.json'], { INIT_CWD: dir, npm_lifecycle_event: 'grade' }).code).toBe(0);
    const copy = cli([dir, '--format', 'json', '--no-variants']);
    expect(copy.stderr).toBe(`skipped '${join(dir, 'report.json')}': it is a grader report, not an answers file\n`);
    expect(JSON.parse(copy.stdout).files).toHaveLength(1);
  });

  it('with --out, prints only the summary; counts graded, below the pass mark and not read apart', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML);
    writeFileSync(join(dir, 'blank.yaml'), 'answers: {}\n');
    writeFileSync(join(dir, 'bad.yaml'), 'answers: [\n');
    const run = cli([dir, '--min-score', '80', '--out', join(dir, 'r.md'), '--format', 'markdown']);
    expect(run).toMatchObject({ code: 1, stdout: '3 files: 2 graded (1 below the pass mark of 80%), 1 not read\n' });
    expect(cli([dir, '--min-score', '0.8'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('did you mean 80?') });
  });

  it('decodes UTF-16 with a BOM, and names UTF-16 without one and binary files', () => {
    const dir = tempDir();
    const utf16le = (text: string) => Buffer.from(text, 'utf16le');
    writeFileSync(join(dir, 'a-bom.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(POST_ANSWERS_YAML)]));
    const be = utf16le(POST_ANSWERS_YAML).swap16();
    writeFileSync(join(dir, 'b-bom-be.yaml'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    writeFileSync(join(dir, 'c-no-bom.yaml'), utf16le(POST_ANSWERS_YAML));
    writeFileSync(join(dir, 'd.yaml'), Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'));
    writeFileSync(join(dir, 'e.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    writeFileSync(join(dir, 'f.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const report = JSON.parse(cli([dir, '--format', 'json', '--no-variants']).stdout);
    expect(
      report.files.map((f: { path: string; status: string; score: number; errors: { message: string }[] }) => [
        f.path.slice(dir.length + 1),
        f.status,
        f.score,
        f.errors[0]?.message ?? '',
      ]),
    ).toEqual([
      ['a-bom.yaml', 'graded', PARTS, ''],
      ['b-bom-be.yaml', 'graded', PARTS, ''],
      [
        'c-no-bom.yaml',
        'error',
        0,
        'the file looks like UTF-16 text (little-endian, without a byte-order mark), not UTF-8; save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)',
      ],
      [
        'd.yaml',
        'error',
        0,
        'this looks like a PDF document, not an answers file; answers files are YAML or JSON text (start from the blank template)',
      ],
      [
        'e.yaml',
        'error',
        0,
        'this looks like a ZIP archive (or a Word, Excel or OpenDocument file, which are ZIP inside), not an answers file; answers files are YAML or JSON text (start from the blank template)',
      ],
      [
        'f.yaml',
        'error',
        0,
        'this looks like a PNG image, not an answers file; answers files are YAML or JSON text (start from the blank template)',
      ],
    ]);
  });

  it('reports symlink loops and links out of the folder, grades the rest, and never prints a stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML);
    symlinkSync('loop', join(dir, 'loop'));
    symlinkSync('/proc/self/environ', join(dir, 'env.yaml'));
    const run = cli([dir, '--format', 'json', '--no-variants']);
    // Links that were not read name no learner: the terminal lists them apart, to check by hand.
    expect(run.stderr.replaceAll(dir, '<dir>').split('\n').slice(0, 3)).toEqual([
      '2 files are in no gradebook row; check by hand:',
      '  <dir>/env.yaml: a symbolic link to a place outside the graded folder; links are followed only inside it, so it was not read',
      '  <dir>/loop: a symbolic link that leads back to itself (a loop), so it was not read',
    ]);
    expect(run.code).toBe(1);
    const files = JSON.parse(run.stdout).files.map((f: { path: string; status: string; errors: { code: string }[] }) => [
      f.path.slice(dir.length + 1),
      f.status,
      f.errors[0]?.code,
    ]);
    expect(files).toEqual([
      ['ada.yaml', 'graded', undefined],
      ['env.yaml', 'error', 'symlink'],
      ['loop', 'error', 'symlink'],
    ]);
    expect(run.stdout).not.toMatch(/PATH=|HOME=/);
  });

  it('turns an unexpected failure into one line and exit 2, never a stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML);
    // The job summary path is a folder: appending to it fails after grading.
    const run = cli([join(dir, 'ada.yaml'), '--no-variants'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^the grader stopped unexpectedly \(Error: EISDIR: illegal operation on a directory, open '.*'\); please report this\n$/,
    );
  });
});

describe('variants that can be trusted (decisions: messy classes)', { timeout: 120_000 }, () => {
  const score = (dir: string, name: string, args: string[]) =>
    JSON.parse(cli([join(dir, name), '--format', 'json', ...args]).stdout).files[0];

  it('compares learner ids after trimming and case folding', () => {
    const dir = tempDir();
    const own = JSON.parse(
      cli([
        (writeFileSync(join(dir, 'x.yaml'), 'learner: s123456@uni.edu\nanswers: {}\n'), join(dir, 'x.yaml')),
        '--format',
        'json',
        '--variants',
      ]).stdout,
    );
    expect(own.files[0]).toMatchObject({ learner: 's123456@uni.edu', variant: true });
    // The same learner's variant, however the id is cased or padded: the hash is of the folded id.
    for (const spelled of ['S123456@UNI.EDU', '  s123456@Uni.edu ', 'ｓ123456@uni.edu']) {
      writeFileSync(join(dir, 'y.yaml'), `learner: "${spelled}"\nanswers: {}\n`);
      expect(score(dir, 'y.yaml', ['--variants'])).toMatchObject({ learner: spelled, variant: true });
    }
  });

  it("with variants off, warns that a named learner was graded against the post's numbers, in every format", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML);
    const warning = "this file names learner 'ada@example.edu' but variants are off, so it was graded against the post's numbers";
    for (const format of ['text', 'json', 'markdown', 'junit']) {
      const out = cli([join(dir, 'ada.yaml'), '--format', format, '--no-variants']).stdout;
      expect(out.replaceAll('@&#8203;', '@'), format).toContain(warning);
    }
  });

  it('with variants on, a file with no learner or a blank one is not graded, and every format shows learner and variant', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'none.yaml'), 'answers: {}\n');
    writeFileSync(join(dir, 'blank.yaml'), 'learner: "  "\nanswers: {}\n');
    writeFileSync(join(dir, 'empty.yaml'), 'learner:\nanswers: {}\n');
    writeFileSync(join(dir, 'ada.yaml'), POST_ANSWERS_YAML);
    const message =
      'not graded: this course gives each learner their own numbers; set `learner:` to your id (the one your exercise pages use)';
    const json = JSON.parse(cli([dir, '--format', 'json', '--variants']).stdout);
    expect(
      json.files.map((f: { path: string; status: string; variant?: boolean; errors: { message: string }[] }) => [
        f.path.slice(dir.length + 1),
        f.status,
        f.variant,
        f.errors[0]?.message,
      ]),
    ).toEqual([
      ['ada.yaml', 'graded', true, undefined],
      ['blank.yaml', 'error', false, message],
      ['empty.yaml', 'error', false, message],
      ['none.yaml', 'error', false, message],
    ]);
    expect(cli([dir, '--variants']).stdout).toContain('learner ada@example.edu: graded with their own variant');
    expect(cli([dir, '--format', 'markdown', '--variants']).stdout).toContain('| ada@&#8203;example.edu (own variant) |');
    expect(cli([dir, '--format', 'junit', '--variants']).stdout).toContain(
      '<property name="learner" value="ada@example.edu"/>\n      <property name="variant" value="true"/>',
    );
  });
});

describe('npm run grade -- --template > answers.yaml (decisions: messy classes)', { timeout: 120_000 }, () => {
  it('writes only the template, though npm prints its banner to stdout first', () => {
    const dir = tempDir();
    const file = join(dir, 'answers.yaml');
    const npm = spawnSync('sh', ['-c', `npm run --prefix "${root}" grade -- --template > "${file}"`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: '', npm_lifecycle_event: '', INIT_CWD: '' },
    });
    expect(npm.status).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(written).toBe(cli(['--template']).stdout);
    expect(written.startsWith('# Vanishing Gradients: answers file.\n')).toBe(true);
    // Appending to a file with content keeps that content (the banner is then npm's, after it).
    writeFileSync(file, 'keep me\n');
    spawnSync('sh', ['-c', `npm run --prefix "${root}" grade -- --template >> "${file}"`], {
      cwd: dir,
      env: { ...process.env, npm_config_loglevel: '' },
    });
    expect(readFileSync(file, 'utf8').startsWith('keep me\n')).toBe(true);
  });
});
