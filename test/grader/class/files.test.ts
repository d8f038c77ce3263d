/** The class's file rule (grader/class/files.ts) and the two walks that ask it: the CLI's and the browser class report's. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isGraderReport, isSkipped, lookAtFile, lookAtPath, tooLarge } from '../../../grader/class/files.ts';
import { main } from '../../../grader/cli/main.ts';
import { MAX_BYTES } from '../../../grader/constants.ts';
import { formatCsv } from '../../../grader/report/gradebook-csv.ts';
import { formatJson } from '../../../grader/report/json-report.ts';
import { formatJunit } from '../../../grader/report/junit.ts';
import type { FileReport } from '../../../grader/schema.ts';
import { type Dropped, fromDrop, fromFileList } from '../../../src/islands/class-report/collect.ts';
import { gradeFiles } from '../../../src/islands/class-report/grade-files.ts';
import { answersFile, referenceAnswers } from '../class-fixtures.ts';
import { sampleReports } from '../report/sample.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('isGraderReport: the JSON report', () => {
  it("recognises the grader's own JSON report, of one file or of none", () => {
    expect(isGraderReport(bytes(formatJson(sampleReports())))).toBe(true);
    expect(isGraderReport(bytes(formatJson([])))).toBe(true);
    expect(isGraderReport(bytes(JSON.stringify(JSON.parse(formatJson(sampleReports())), null, 2)))).toBe(true);
  });

  it('recognises a report whose summary key is written with escapes', () => {
    expect(isGraderReport(bytes('{"files": [], "summ\\u0061ry": {}}'))).toBe(true);
  });

  it('grades answers files, whatever they mention', () => {
    expect(isGraderReport(bytes('{"answers": {"saturation": {"ratio": 35.3}}}'))).toBe(false);
    expect(isGraderReport(bytes('{"files": [], "summary": {}, "answers": {}}'))).toBe(false);
    expect(isGraderReport(bytes('{"files": [], "note": "no \\"summary\\" here"}'))).toBe(false);
    expect(isGraderReport(bytes('files: []\nsummary: {}\n'))).toBe(false);
    expect(isGraderReport(bytes('{"files": [], "summary": {'))).toBe(false);
  });
});

describe('isGraderReport: the JUnit XML and the gradebook CSV, under any name', () => {
  it('recognises them at their first bytes', () => {
    expect(isGraderReport(bytes(formatJunit(sampleReports())))).toBe(true);
    expect(isGraderReport(bytes(`\uFEFF${formatCsv(sampleReports())}`))).toBe(true);
    expect(isGraderReport(bytes('learner,file,status,score,max_score,percent,variant,sigmoid-max\r\n'))).toBe(true); // saved by a spreadsheet
  });

  it('grades other XML, CSV and YAML that only look alike', () => {
    expect(isGraderReport(bytes('<?xml version="1.0"?>\n<testsuites name="pytest">\n'))).toBe(false);
    expect(isGraderReport(bytes('learner,file,status\nada,a.yaml,graded\n'))).toBe(false);
    expect(isGraderReport(bytes('learner: ada@uni.edu\nanswers: {}\n'))).toBe(false);
  });
});

describe('the rule for names', () => {
  it('grades answer names, notes near misses, and leaves hidden, installed and macOS entries', () => {
    expect(lookAtFile('answers.YAML', 'a/answers.YAML')).toBe('grade');
    expect(lookAtFile('answers.yaml.txt', 'a/answers.yaml.txt')).toEqual({
      reason: 'near-miss',
      path: 'a/answers.yaml.txt',
      meant: 'answers.yaml',
    });
    expect(lookAtFile('.answers.yaml.txt', 'a/.answers.yaml.txt')).toBe('leave');
    expect(lookAtFile('notes.txt', 'a/notes.txt')).toBe('leave');
    expect(['.git', 'node_modules', '__MACOSX', 'late'].map(isSkipped)).toEqual([true, true, true, false]);
    // The chosen folder itself (the first segment) is walked whatever its name, as a folder given to the CLI is.
    expect(lookAtPath('.class/ada/answers.yaml')).toBe('grade');
    expect(lookAtPath('class/.git/answers.yaml')).toBe('leave');
    expect(lookAtPath('class/node_modules/x/answers.yaml.txt')).toBe('leave');
  });

  it('reports a file over the limit as too large, and one at the limit not', () => {
    expect(tooLarge(MAX_BYTES)).toBeUndefined();
    expect(tooLarge(MAX_BYTES + 1)?.code).toBe('too-large');
  });
});

/**
 * One class folder, graded by both walks: the CLI's over the disk and the class report's over the same
 * tree as the browser gives it (File objects with webkitRelativePath from a chosen folder, and File and
 * Directory Entries from a drop). The expected lists are written out here, not taken from either walk.
 */
describe('both walks over one tree', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'vg-class-files-')));
  const answers = (learner: string) => answersFile(learner, referenceAnswers(undefined, false));
  const tree: Record<string, string> = {
    'class/ada/answers.yaml': answers('ada@uni.edu'), // JSON text is YAML too
    'class/bea/answers.json': answers('bea@uni.edu'),
    'class/cy/week 1/late/answers.yml': answers('cy@uni.edu'),
    'class/big/answers.yaml': `learner: big@uni.edu\n# ${'x'.repeat(MAX_BYTES)}\n`,
    'class/dee/answers.yaml.txt': answers('dee@uni.edu'),
    'class/eve/answers.JSON.docx': 'a word file',
    'class/.git/answers.yaml': answers('git@uni.edu'),
    'class/.git/answers.yaml.txt': answers('git@uni.edu'),
    'class/.hidden.yaml': answers('hidden@uni.edu'),
    'class/node_modules/pkg/package.json': '{"name": "pkg"}',
    'class/__MACOSX/ada/._answers.yaml': 'resource fork',
    'class/notes.txt': 'hand-in notes',
    'seed/one.json': answers('one@uni.edu'),
  };
  const expectedReports = [
    ['class/ada/answers.yaml', 'graded'],
    ['class/bea/answers.json', 'graded'],
    ['class/big/answers.yaml', 'error: too-large'],
    ['class/cy/week 1/late/answers.yml', 'graded'],
  ];
  // The walk's notes, then the grader reports found on reading, each in path order.
  const expectedNotes = [
    "skipped 'class/dee/answers.yaml.txt': its name ends in an extra extension; rename it to 'answers.yaml' to grade it",
    "skipped 'class/eve/answers.JSON.docx': its name ends in an extra extension; rename it to 'answers.JSON' to grade it",
    "skipped 'class/ci/junit-report.yml': it is a grader report, not an answers file",
    "skipped 'class/report.json': it is a grader report, not an answers file",
  ];

  beforeAll(async () => {
    for (const [path, text] of Object.entries(tree)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    mkdirSync(join(root, 'class/ci'));
    // The CLI's own reports of an earlier run, written into the class folder: JSON, JUnit XML, and JUnit under a YAML name.
    for (const [format, out] of [
      ['json', 'class/report.json'],
      ['junit', 'class/ci/junit.xml'],
      ['junit', 'class/ci/junit-report.yml'],
    ])
      expect((await cli(['seed', '--format', format!, '--out', out!, '--no-variants'])).code).toBe(0);
  });

  it('the CLI grades the expected files and prints the expected notes', async () => {
    const run = await cli(['class', '--format', 'json', '--no-variants']);
    const report = JSON.parse(run.stdout) as { files: FileReport[] };
    expect(report.files.map(row)).toEqual(expectedReports);
    // stderr goes on with the class's warnings (the big file names no learner); the page shows those in its gradebook.
    expect(run.stderr.split('\n').filter((line) => line.startsWith('skipped '))).toEqual(expectedNotes);
  });

  it('the class report grades the same files with the same notes, from a chosen folder and from a drop', async () => {
    for (const collected of [fromFileList(chosenFolder(root, 'class')), await fromDrop(dropped(root, 'class'))]) {
      const result = await gradeFiles(collected, { variants: false, settings: { title: 'Test', variants: false } });
      expect(result.reports.map(row)).toEqual(expectedReports);
      expect(result.notes).toEqual(expectedNotes);
    }
  });

  it('the CLI says how to rename a near miss when it finds nothing else, as the class report does', async () => {
    const run = await cli(['class/dee']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      "no answer files (*.yaml, *.yml, *.json) found in 'class/dee'",
      "skipped 'class/dee/answers.yaml.txt': its name ends in an extra extension; rename it to 'answers.yaml' to grade it",
    ]);
  });

  async function cli(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main({
      argv,
      env: { COURSE_VARIANTS: '' },
      cwd: root,
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      isTTY: false,
    });
    return { code, stdout, stderr };
  }
});

/** A report as [path, status], with the first error's code for a file not graded. */
const row = (r: FileReport): string[] => [r.path, r.status === 'error' ? `error: ${r.errors[0]?.code}` : r.status];

/** Every file under `folder`, as <input webkitdirectory> gives them: File objects with their path from the folder chosen. */
function chosenFolder(root: string, folder: string): File[] {
  return filesUnder(root, folder).map((path) => {
    const file = new File([readFileSync(join(root, path))], basename(path));
    Object.defineProperty(file, 'webkitRelativePath', { value: path });
    return file;
  });
}

function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(root, `${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );
}

/** The folder as a drop gives it: File and Directory Entries, listed two at a time (Chromium gives 100). */
function dropped(root: string, folder: string): Dropped {
  const entry = (path: string): FileSystemEntry => {
    const name = basename(path);
    const fullPath = `/${path}`;
    if (!statSync(join(root, path)).isDirectory()) {
      const file = new File([readFileSync(join(root, path))], name);
      return { name, fullPath, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(file) } as unknown as FileSystemEntry;
    }
    const children = readdirSync(join(root, path)).map((child) => entry(`${path}/${child}`));
    const createReader = () => {
      let at = 0;
      return { readEntries: (ok: (batch: FileSystemEntry[]) => void) => ok(children.slice(at, (at += 2))) };
    };
    return { name, fullPath, isFile: false, isDirectory: true, createReader } as unknown as FileSystemEntry;
  };
  return { entries: [entry(folder)], files: [] };
}
