import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { annotations, breakCommands, escapeData, fenced, stopToken } from '../../../grader/cli/actions.ts';
import { createGrader } from '../../../grader/grade/grader.ts';
import { PARTS } from '../../support/course.ts';
import { POST_ANSWERS_YAML } from '../fixtures.ts';
import { runnerCommands } from './runner.ts';

const { gradeText } = createGrader();

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Answer files a hostile learner might push, each aimed at the runner. */
function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grader-actions-'));
  const hostile = POST_ANSWERS_YAML.replace('learner: ada@example.edu', 'learner: "::error file=x::fake learner\\n##[add-mask]19"')
    .replace(/argmax_z: [^\n]*/, 'argmax_z: "##[stop-commands]x"')
    .replace(/max_value: [^\n]*/, 'max_value: "##[error]fake annotation"')
    .replace(/argmax_sigma: [^\n]*/, 'argmax_sigma: "##[add-mask]19"')
    .replace(/completed_square: [^\n]*/, 'completed_square: "0.25\\n::error::fake\\r\\n  ::warning::x\\u001b]0;t\\u0007\\u009b2J\\u202e"');
  writeFileSync(join(dir, 'answers.yaml'), hostile);
  writeFileSync(join(dir, '::notice::x.yaml'), 'answers:\n  "::set-output name=a::b": {}\n');
  writeFileSync(join(dir, '##[error]y.yaml'), 'answers: {}\n  bad: [\n');
  writeFileSync(join(dir, '  ::warning::z.yaml'), 'learner: "##[debug]x"\nanswers: {}\n');
  return dir;
}

/** The CLI in Actions mode over `dir`; `relative` runs it from inside `dir` on '.', so file names start their lines. */
function actionsRun(args: string[], dir: string, relative = false) {
  const summary = join(dir, '..', `${dir.split('/').at(-1)}-summary.md`);
  writeFileSync(summary, '');
  const run = spawnSync(process.execPath, [join(root, 'grader/cli.ts'), relative ? '.' : dir, ...args], {
    cwd: relative ? dir : root,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: dir, NO_COLOR: '1' },
  });
  return { ...run, summary: readFileSync(summary, 'utf8') };
}

// Each test runs the CLI as a process: slow on a loaded machine, so a generous timeout (no timing is asserted).
describe('GitHub Actions mode (decisions: hostile submissions): nothing a learner wrote can start, stop or fake a workflow command', {
  timeout: 60_000,
}, () => {
  const dir = hostileFolder();

  const cases: string[][] = [
    [],
    ['--format', 'json'],
    ['--format', 'junit'],
    ['--format', 'markdown'],
    ['--format', 'junit', '--out', join(dir, '..', 'r.xml')],
  ];
  for (const [args, relative] of [
    ...cases.map((a) => [a, false] as const),
    [[], true] as const,
    [['--format', 'markdown'], true] as const,
  ] as [string[], boolean][]) {
    it(`the runner sees only the grader's own commands: ${args.join(' ') || 'text'}${relative ? ', file names at line starts' : ''}`, () => {
      const run = actionsRun(args, dir, relative);
      if (relative && args.length === 0) expect(run.stdout).toMatch(new RegExp(String.raw`^:\\:notice::x\.yaml {2}0/${PARTS} `, 'm')); // the name shown, its leading :: broken
      expect(run.status).toBe(1);
      expect(run.stderr).not.toMatch(/^\s*::|##\[/m);
      const seen = runnerCommands(run.stdout + run.stderr);
      const names = seen.map((c) => c.name);
      // The grader's stop-commands (and nothing else) before the report; after it, only its own annotations.
      expect(names[0]).toBe('stop-commands');
      expect(seen[0]!.data).toMatch(/^[0-9a-f]{32}$/);
      expect(names.slice(1).every((n) => n === 'error' || n === 'notice')).toBe(true);
      expect(names.slice(1).length).toBeGreaterThanOrEqual(5); // the hostile parts and the unreadable file, annotated
      for (const c of seen.slice(1)) expect(c.line).toMatch(/^::(error file=[^:]*(,line=\d+)?(,title=[\w.-]+)?|notice)::/);
      // Each annotation is one line, with no control character and no second command inside.
      for (const c of seen) expect(c.line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]|##\[/);
      // A viewer that ignores stop-commands still finds no command-shaped line from a learner inside the fence.
      const unfenced = runnerCommands(run.stdout + run.stderr, { honourStop: false }).map((c) => c.name);
      expect(unfenced.filter((n) => !['stop-commands', 'error', 'notice', seen[0]!.data].includes(n))).toEqual([]);
      expect(unfenced.filter((n) => n === 'stop-commands')).toHaveLength(1);
    });
  }

  it("keeps the report data unchanged where the format can (JSON parses to the learner's exact text)", () => {
    const run = actionsRun(['--format', 'json'], dir);
    const lines = run.stdout.split('\n');
    const end = lines.findIndex((l, i) => i > 0 && /^::[0-9a-f]{32}::$/.test(l));
    const report = JSON.parse(lines.slice(1, end).join('\n'));
    const names = report.files.map((f: { path: string }) => f.path.slice(dir.length + 1));
    expect(names).toEqual(['  ::warning::z.yaml', '##[error]y.yaml', '::notice::x.yaml', 'answers.yaml']);
    expect(report.files[3].learner).toBe('::error file=x::fake learner\n##[add-mask]19');
  });

  it('the job summary has no raw control characters and no links from learner text', () => {
    const { summary } = actionsRun([], dir);
    expect(summary).toContain('## Vanishing Gradients — grading report');
    expect(summary).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
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
    expect(annotations([unreadable])).toEqual([
      "::error file=x%2Cy%3Az.yaml,line=2::duplicate key 'a' on lines 1 and 2; each key may appear only once",
    ]);
  });

  it("escapes data by the runner's rules after making ESC, BEL, C1 and bidi characters visible", () => {
    expect(escapeData('50% \u001b[31mred\u0007\r\nnext \u009b \u0085 \u202e ##[x]')).toBe(
      '50%25 \\u{1B}[31mred\\u{7}\\u{D}\\u{A}next \\u{9B} \\u{85} \\u{202E} ##\\[x]',
    );
    expect(escapeData('a,b:c', true)).toBe('a%2Cb%3Ac');
  });

  it('breaks `##[` anywhere and `::` at the start of a line, per format, and fences the output with a token', () => {
    expect(breakCommands('a ##[error]x\n  ::warning::y\nz::w', 'text')).toBe('a ##\\[error]x\n  :\\:warning::y\nz::w');
    expect(JSON.parse(breakCommands(JSON.stringify({ a: '##[error]x' }), 'json'))).toEqual({ a: '##[error]x' });
    expect(fenced('report\n', 'text', 'abc')).toBe('::stop-commands::abc\nreport\n::abc::\n');
  });
});

describe('stopToken', () => {
  it('is 128 random bits in hex, new each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => stopToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);
  });
});
