/** The class view through the command line (cli/main.ts in-process, as the shell runs it): csv, --roster, --feedback-dir, the class summary. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../grader/cli/main.ts';
import { parseArgs } from '../../grader/cli/args.ts';
import { parseCsv } from '../../grader/read/rfc4180.ts';
import { gradebookHeader } from '../../grader/report/gradebook-csv.ts';
import { generatedClass, misconceptionValue, ROSTER_CSV, variantClass } from './class-fixtures.ts';
import { PARTS } from '../support/course.ts';

/** A folder holding the class, and the roster beside it. */
function classFolder(files = generatedClass()): { root: string; dir: string; roster: string } {
  const root = mkdtempSync(join(tmpdir(), 'vg-class-cli-'));
  const dir = join(root, 'submissions');
  mkdirSync(dir);
  for (const f of files) writeFileSync(join(dir, f.path), f.text);
  writeFileSync(join(root, 'roster.csv'), ROSTER_CSV);
  return { root, dir, roster: join(root, 'roster.csv') };
}

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    env: { COURSE_VARIANTS: '' },
    cwd,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe('the flags', () => {
  it('reads --format csv, --roster and --feedback-dir', () => {
    expect(parseArgs(['s', '--format', 'csv', '--roster', 'r.csv', '--feedback-dir=fb'])).toEqual({
      kind: 'grade',
      paths: ['s'],
      format: 'csv',
      minScore: 0,
      roster: 'r.csv',
      feedbackDir: 'fb',
      out: undefined,
    });
    expect(parseArgs(['s', '--roster'])).toEqual({ kind: 'usage-error', message: '--roster needs a value' });
  });
});

describe('the class view from the command line', () => {
  it("writes the gradebook with a row per learner, never one without an id, and one per missing roster learner, paths from the caller's folder", async () => {
    const { root, roster } = classFolder();
    const { code, stdout, stderr } = await run(
      ['submissions', '--format', 'csv', '--roster', 'roster.csv', '--no-variants', '--keep', 'best'],
      root,
    );
    expect(code).toBe(1); // broken.yaml cannot be read
    const rows = parseCsv(stdout);
    expect(rows[0]).toEqual(gradebookHeader());
    // Roster order, ids as the roster writes them; Ada's two files make one row (the best); the two files that name nobody are no row.
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['ada@uni.edu', 'submissions/ada.json', 'graded'],
      ['bob@uni.edu', 'submissions/bob.json', 'graded'],
      ['carol@uni.edu', 'submissions/carol.json', 'graded'],
      ['dan@uni.edu', 'submissions/dan.json', 'graded'],
      ['eve@uni.edu', 'submissions/eve.json', 'graded'],
      ['grace@uni.edu', '', 'missing'],
      ['heidi@uni.edu', '', 'missing'],
      ['zed@uni.edu', 'submissions/zed.json', 'graded'],
    ]);
    expect(rows.every((r) => r[0] !== '')).toBe(true);
    expect(rows.find((r) => r[0] === 'ada@uni.edu')!.at(-1)).toBe('kept the best file; not counted: submissions/ada-late.json');
    expect(stderr).toContain('2 files are in no gradebook row; check by hand:\n  submissions/broken.yaml: YAML syntax error');
    expect(stderr).toContain('  submissions/nobody.json: the file names no learner\n');
    expect(stdout.endsWith('\r\n')).toBe(true);
    expect(roster).toContain(root);
  });

  it('ends the text and Markdown reports with the class summary and the roster check, the JSON with summary.parts, misconceptions, roster and copies', async () => {
    const { root } = classFolder();
    const text = (await run(['submissions', '--roster', 'roster.csv', '--no-variants'], root)).stdout;
    expect(text).toContain('== Class summary ==');
    expect(text).toContain('On the roster, no file graded:\n    grace@uni.edu\n    heidi@uni.edu');
    expect(text).toContain(
      'Files not on the roster:\n    submissions/nobody.json  (names no learner)\n    submissions/zed.json  zed@uni.edu',
    );
    expect(text).toContain('Learners with several files:\n    ADA@uni.edu: submissions/ada-late.json, submissions/ada.json');
    expect(text).toMatch(/3 files give the same unusual wrong answers on 3 parts\n {4}submissions\/carol\.json/);
    const md = (await run(['submissions', '--format', 'markdown', '--roster', 'roster.csv', '--no-variants'], root)).stdout;
    expect(md).toContain('### Verdicts per part');
    expect(md).toContain('| saturation.dsigma\\_at\\_5 | 7 | 1 | 0 | 0 | 87% |');
    const json = JSON.parse((await run(['submissions', '--format', 'json', '--roster', 'roster.csv', '--no-variants'], root)).stdout);
    expect(json.summary.parts).toHaveLength(PARTS);
    // Bob's two slips are the first catalogued misconception of each part (class-fixtures.ts).
    const slips = [
      misconceptionValue('deeper-network', 'gradient_5_layers', undefined, false).id,
      misconceptionValue('saturation', 'dsigma_at_5', undefined, false).id,
    ];
    expect(json.summary.misconceptions.map((m: { id: string }) => m.id)).toEqual(slips);
    const bob = json.files.find((f: { path: string }) => f.path === 'submissions/bob.json');
    expect(bob.exercises[1].parts[1]).toMatchObject({ id: 'gradient_5_layers', verdict: 'incorrect', misconception: slips[0] });
    expect(json.summary.roster).toMatchObject({ learners: 7, missing: ['grace@uni.edu', 'heidi@uni.edu'] });
    expect(json.summary.copies).toHaveLength(1);
    // One file: no class summary.
    expect((await run(['submissions/ada.json', '--no-variants'], root)).stdout).not.toContain('Class summary');
  });

  it("grades a classmate's file linked into another folder once, under its own path, and says so on stderr and in the report (decisions: hostile classes)", async () => {
    const { root, dir } = classFolder();
    mkdirSync(join(dir, 'aaron'));
    symlinkSync('../carol.json', join(dir, 'aaron', 'answers.json'));
    const { stdout, stderr } = await run(['submissions', '--format', 'json', '--no-variants'], root);
    const json = JSON.parse(stdout);
    expect(json.files.map((f: { path: string }) => f.path)).not.toContain('submissions/aaron/answers.json');
    const carol = json.files.find((f: { path: string }) => f.path === 'submissions/carol.json');
    expect(carol.learner).toBe('carol@uni.edu');
    expect(carol.warnings).toContainEqual(
      expect.objectContaining({
        code: 'also-reached',
        message: expect.stringContaining("'submissions/aaron/answers.json' (a symbolic link to it)"),
      }),
    );
    expect(stderr).toContain(
      "'submissions/aaron/answers.json' is a symbolic link to 'submissions/carol.json': graded once, under 'submissions/carol.json'",
    );
  });

  it('flags a learner who answers with numbers not their own when variants are on, naming no one without a roster', async () => {
    const { root } = classFolder(variantClass());
    const json = JSON.parse((await run(['submissions', '--format', 'json', '--variants'], root)).stdout);
    expect(json.summary.copies).toEqual([
      { kind: 'other-variant', files: [{ path: 'submissions/judy.json', learner: 'judy@uni.edu' }], parts: expect.any(Array), fits: 1 },
    ]);
    expect(json.summary.copies[0].parts.length).toBeGreaterThanOrEqual(5);
  });

  it('writes one feedback file per file into --feedback-dir, named by path without a roster, with no absolute path', async () => {
    const { root, dir } = classFolder();
    const { code, stderr } = await run(
      [dir, '--feedback-dir', 'feedback', '--out', 'report.md', '--format', 'markdown', '--no-variants'],
      root,
    );
    expect(code).toBe(1);
    expect(stderr).toContain("wrote 9 feedback files into 'feedback'");
    const names = readdirSync(join(root, 'feedback')).sort();
    expect(names).toEqual([
      'ada-late.json.md',
      'ada.json.md',
      'bob.json.md',
      'broken.yaml.md',
      'carol.json.md',
      'dan.json.md',
      'eve.json.md',
      'nobody.json.md',
      'zed.json.md',
    ]);
    for (const name of names) {
      const text = readFileSync(join(root, 'feedback', name), 'utf8');
      expect(text).not.toContain(root);
      expect(text).not.toContain('/tmp');
    }
    expect(readFileSync(join(root, 'feedback', 'broken.yaml.md'), 'utf8')).toContain('File: broken.yaml');
  });

  it('names feedback files by roster id, case-folded, only when one file claims it; never follows a link or overwrites; counts what is on disk (decisions: hostile classes)', async () => {
    const { root, roster } = classFolder();
    mkdirSync(join(root, 'feedback'));
    writeFileSync(join(root, 'victim.txt'), 'keep me\n');
    symlinkSync(join(root, 'victim.txt'), join(root, 'feedback', 'carol@uni.edu.md')); // planted before the run
    writeFileSync(join(root, 'feedback', 'dan@uni.edu.md'), 'an earlier run\n');
    const { stderr } = await run(
      ['submissions', '--roster', roster, '--feedback-dir', 'feedback', '--out', 'gb.csv', '--format', 'csv', '--no-variants'],
      root,
    );
    expect(readFileSync(join(root, 'victim.txt'), 'utf8')).toBe('keep me\n');
    expect(readFileSync(join(root, 'feedback', 'dan@uni.edu.md'), 'utf8')).toBe('an earlier run\n');
    const names = readdirSync(join(root, 'feedback')).sort();
    // Ada has two files (ada.json, ada-late.json): neither takes her id. Bob's " Bob@Uni.edu " is the roster's bob@uni.edu.
    expect(names).toEqual([
      'ada-late.json.md',
      'ada.json.md',
      'bob@uni.edu.md',
      'broken.yaml.md',
      'carol@uni.edu-2.md',
      'carol@uni.edu.md',
      'dan@uni.edu-2.md',
      'dan@uni.edu.md',
      'eve@uni.edu.md',
      'nobody.json.md',
      'zed.json.md',
    ]);
    expect(stderr).toContain("wrote 9 feedback files into 'feedback'");
    expect(readFileSync(join(root, 'feedback', 'carol@uni.edu-2.md'), 'utf8')).toContain('File: carol.json');
  });

  it('stops with a usage error (exit 2) before grading on a bad roster or feedback folder', async () => {
    const { root } = classFolder();
    writeFileSync(join(root, 'names.csv'), 'name,email\nAda,ada@uni.edu\n');
    writeFileSync(join(root, 'taken'), 'a file');
    const missing = await run(['submissions', '--roster', 'nope.csv'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^cannot read --roster 'nope\.csv' \(ENOENT/);
    const noColumn = await run(['submissions', '--roster', 'names.csv'], root);
    expect(noColumn).toMatchObject({ code: 2, stdout: '' });
    expect(noColumn.stderr).toContain(
      "--roster 'names.csv': the roster has no 'learner' column (nor a Canvas or Moodle id column) (its columns: 'name', 'email')",
    );
    const file = await run(['submissions', '--feedback-dir', 'taken'], root);
    expect(file).toMatchObject({ code: 2, stdout: '' });
    expect(file.stderr).toContain("--feedback-dir 'taken' is a file");
  });
});
