/**
 * The gradebook formats on a class as an instructor receives it (variants on,
 * gradebook-fixtures.ts): no student lost, none without an id, resubmissions
 * kept by a stated policy, and each LMS file read the way its LMS reads it
 * (lms-readers.ts, from the LMS's documentation). Each reader is also run on
 * the old gradebook's shape (one row per file, ids as typed, a blank id for
 * an unreadable file) and refuses it.
 */
import { describe, expect, it } from 'vitest';
import { readRoster, type RosterLearner } from '../../grader/class/roster.ts';
import type { ClassOptions } from '../../grader/class/view.ts';
import { parseCsv, toCsv } from '../../grader/read/rfc4180.ts';
import { formatCsv, gradebookHeader } from '../../grader/report/gradebook-csv.ts';
import { formatJson } from '../../grader/report/json-report.ts';
import { formatJunit } from '../../grader/report/junit.ts';
import { formatCanvas, formatGradescope, formatMoodle } from '../../grader/report/lms.ts';
import { formatMarkdown } from '../../grader/report/markdown.ts';
import { formatText } from '../../grader/report/text.ts';
import { createGrader } from '../../grader/grade/grader.ts';
import { pointsTable } from '../../grader/grade/points.ts';
import type { FileReport } from '../../grader/schema.ts';
import { CANVAS_ROSTER, hostileClass, LEARNERS, MOODLE_ROSTER, UNREADABLE } from './gradebook-fixtures.ts';
import { canvasImport, gradescopeRead, moodleImport } from './lms-readers.ts';
import { PARTS, partsOf } from '../support/course.ts';

/** Carol's final file leaves relu-swap empty (gradebook-fixtures.ts): every other part is right. */
const CAROL_FINAL = PARTS - partsOf('relu-swap');

/** "16/19 (84%)": a score as the reports print it, the percentage rounded down (grader/report/facts.ts). */
const shown = (score: number, max: number) => `${score}/${max} (${Math.floor((100 * score) / max)}%)`;

const { gradeText } = createGrader();

const reports: FileReport[] = hostileClass().map((f) =>
  gradeText(f.bytes, { path: `submissions/${f.path}`, variants: true, requireLearner: true }),
);

function rosterOptions(text: string): ClassOptions {
  const read = readRoster(text);
  if (!read.ok) throw new Error(read.message);
  return {
    roster: read.learners,
    rosterInfo: { header: read.header!, kind: read.kind!, column: read.column! },
    title: 'Vanishing Gradients',
  };
}
const canvas = rosterOptions(CANVAS_ROSTER);
const moodle = rosterOptions(MOODLE_ROSTER);

/** The gradebook before this change: one row per file, the learner as the file typed it (blank when unreadable), then missing roster learners. */
function oldGradebook(files: readonly FileReport[], roster: readonly RosterLearner[]): string {
  const rows = [['learner', 'file', 'status', 'score', 'max_score', 'percent']] as (string | number | undefined)[][];
  for (const r of files)
    rows.push([r.status === 'graded' ? r.learner?.trim() : undefined, r.path, r.status, r.score, r.maxScore, undefined]);
  const seen = new Set(files.filter((r) => r.status === 'graded').map((r) => r.learner?.trim().toLowerCase()));
  for (const l of roster) if (!seen.has(l.key)) rows.push([l.learner, undefined, 'missing', undefined, PARTS]);
  return toCsv(rows);
}

describe('no student lost', () => {
  it('attributes each unreadable file with a readable learner: line to that learner, and lists the one without apart', () => {
    for (const learner of UNREADABLE) expect(reports.find((r) => r.learner === learner)).toMatchObject({ status: 'error' });
    expect(reports.find((r) => r.path.endsWith('nobody.yaml'))!.learner).toBeUndefined();
  });

  it('gives an unreadable learner `error` with the reason in every format, never `missing`', () => {
    const csv = parseCsv(formatCsv(reports, moodle));
    for (const learner of UNREADABLE) {
      const row = csv.find((r) => r[0] === learner)!;
      expect(row[2]).toBe('error');
      expect(row.at(-1)).not.toBe('');
      expect(formatText(reports, moodle)).toContain(`learner ${learner}`);
      expect(formatMarkdown(reports, moodle)).toContain(learner.replace('@', '@&#8203;'));
      expect(formatJunit(reports)).toContain(learner);
      expect(JSON.parse(formatJson(reports, moodle)).files.find((f: FileReport) => f.learner === learner).status).toBe('error');
      expect(formatMoodle(reports, moodle)).toMatch(new RegExp(`^"${learner}",,"Your file could not be read`, 'm'));
    }
    expect(JSON.parse(formatJson(reports, moodle)).summary.roster.missing).toEqual(['absent@uni.edu']);
    expect(formatText(reports, moodle)).toContain(
      'On the roster, file not readable (status error):\n    tab@uni.edu: submissions/tab.yaml: YAML syntax error',
    );
  });

  it('has no row without a learner id in any gradebook format, and names the file to check by hand in the reports', () => {
    for (const csv of [formatCsv(reports), formatCsv(reports, moodle), formatCanvas(reports, canvas), formatMoodle(reports, moodle)]) {
      for (const row of parseCsv(csv).slice(1)) expect(row[0]!.trim()).not.toBe('');
    }
    expect(formatCsv(reports)).not.toContain('nobody.yaml');
    const byHand =
      'Files to check by hand (they name no learner, so they are in no gradebook row):\n    submissions/nobody.yaml: YAML syntax error: Tabs are not allowed as indentation; no learner: line could be read in it';
    expect(formatText(reports)).toContain(byHand);
    expect(formatMarkdown(reports)).toContain(
      '- submissions/nobody.yaml: YAML syntax error: Tabs are not allowed as indentation; no learner: line could be read in it',
    );
  });

  it('costs a duplicate key only the part it touches, and names both lines', () => {
    const dup = reports.find((r) => r.learner === 'dup@uni.edu')!;
    expect(dup).toMatchObject({ status: 'graded', score: PARTS - 1, maxScore: PARTS });
    const part = dup.exercises[0]!.parts[0]!;
    expect(part).toMatchObject({ id: 'max_value', verdict: 'invalid' });
    expect(part.feedback).toMatch(/^duplicate key 'max_value' on lines (\d+) and (\d+); each key may appear only once$/);
  });
});

describe('resubmissions', () => {
  it('keeps the latest by submitted: (default) or the best, one row per learner, the others listed', () => {
    const row = (options: ClassOptions) => parseCsv(formatCsv(reports, options)).filter((r) => r[0] === 'carol@uni.edu');
    expect(row({}).map((r) => [r[1], r[3], r.at(-1)])).toEqual([
      ['submissions/carol-final.yaml', String(CAROL_FINAL), 'kept the latest file; not counted: submissions/carol-draft.yaml'],
    ]);
    expect(row({ keep: 'best' }).map((r) => [r[1], r[3]])).toEqual([['submissions/carol-draft.yaml', String(PARTS)]]);
  });

  it('falls back to the modification time without submitted:, and to the path when times tie', () => {
    const plain = ['a.yaml', 'b.yaml'].map((path) => gradeText('learner: x\nanswers: {}\n', { path }));
    const kept = (modified?: Map<string, number>) => parseCsv(formatCsv(plain, modified ? { modified } : {}))[1]![1];
    expect(
      kept(
        new Map([
          ['a.yaml', 2000],
          ['b.yaml', 1000],
        ]),
      ),
    ).toBe('a.yaml');
    expect(
      kept(
        new Map([
          ['a.yaml', 1000],
          ['b.yaml', 2000],
        ]),
      ),
    ).toBe('b.yaml');
    expect(kept()).toBe('b.yaml');
  });
});

describe('points', () => {
  it('weighs parts by the course settings in every gradebook format, and the summary states the total', () => {
    const points = pointsTable({ 'sigmoid-max': 8, 'relu-swap': { vanishing_gone: 5 } });
    // 8 for sigmoid-max's 4 parts, relu-swap 1+1+5, every other part at 1: oracle worked by hand
    // (27 for the post's five: 8 + 3 + 5 + 4 + 7).
    const total = 8 + (PARTS - 4 - 3) + 7;
    expect(points.total).toBe(total);
    // Carol's final file misses relu-swap's 7 points.
    const carolPoints = total - 7;
    const carol = parseCsv(formatCsv(reports, { points })).find((r) => r[0] === 'carol@uni.edu')!;
    expect(carol.slice(3, 6)).toEqual([String(carolPoints), String(total), String(Math.round((10000 * carolPoints) / total) / 100)]);
    expect(formatText(reports, { points })).toContain(`Each learner's grade is out of ${total} points`);
    const carolShown = `${shown(CAROL_FINAL, PARTS)} · ${carolPoints}/${total} points`;
    expect(formatText(reports, { points })).toContain(`submissions/carol-final.yaml  ${carolShown}`);
    expect(formatMarkdown(reports, { points })).toContain(`| ${carolShown} |`);
    const json = JSON.parse(formatJson(reports, { points })).summary.points;
    expect(json.total).toBe(total);
    expect(json.files.find((f: { path: string }) => f.path === 'submissions/carol-final.yaml').points).toBe(carolPoints);
    // 1 per part (no setting): the reports stay as they were.
    expect(JSON.parse(formatJson(reports, {})).summary.points).toBeUndefined();
    const canvasRows = parseCsv(formatCanvas(reports, { ...canvas, points }));
    expect(canvasRows[1]!.at(-1)).toBe(String(total));
    expect(canvasRows.find((r) => r[3] === 'carol@uni.edu')!.at(-1)).toBe(String(carolPoints));
    expect(parseCsv(formatMoodle(reports, { ...moodle, points })).find((r) => r[0] === 'carol@uni.edu')![1]).toBe(String(carolPoints));
    expect(
      gradescopeRead(
        formatGradescope(
          reports.filter((r) => r.path.endsWith('carol-final.yaml')),
          { points },
        ),
      ).score,
    ).toBe(carolPoints);
  });
});

describe('Canvas', () => {
  const students = LEARNERS.map((l, i) => ({ sisLogin: i === 3 ? 'S066@uni.edu' : l, id: String(1000 + i) }));

  it('imports as Canvas reads it: its identity columns, one assignment column, every student once, matched case-folded; no file, empty cell', () => {
    const csv = formatCanvas(reports, canvas);
    expect(parseCsv(csv)[0]).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'Vanishing Gradients']);
    const scores = canvasImport(csv, students);
    expect(scores.size).toBe(LEARNERS.length);
    expect(scores.get('s066@uni.edu')).toBe(String(PARTS)); // the file wrote S066@UNI.EDU
    expect(scores.get('carol@uni.edu')).toBe(String(CAROL_FINAL));
    expect(scores.get('absent@uni.edu')).toBe('');
    for (const learner of UNREADABLE) expect(scores.get(learner)).toBe('');
  });

  it('refuses the old gradebook', () => {
    expect(() => canvasImport(oldGradebook(reports, canvas.roster!), students)).toThrow(/Canvas: the first columns must be/);
  });
});

describe('Moodle', () => {
  const users = LEARNERS.map((l, i) => (i === 3 ? 'S066@uni.edu' : l));

  it('imports as Moodle reads it: one identity column (as Moodle spells the e-mail), grade and feedback, no id it cannot find', () => {
    const grades = moodleImport(formatMoodle(reports, moodle), users, {
      identity: 'Email address',
      grade: 'Vanishing Gradients',
      feedback: 'Feedback',
    });
    expect(grades.get('S066@uni.edu')).toEqual({ grade: String(PARTS), feedback: `${PARTS}/${PARTS} points. Every part is correct.` });
    expect(grades.get('dup@uni.edu')!.feedback).toBe(`${PARTS - 1}/${PARTS} points. To look at again: sigmoid-max.max_value.`);
    expect(grades.has('absent@uni.edu')).toBe(false);
  });

  it('leaves out a learner Moodle does not know (checked by hand), where one would abort the import', () => {
    const extra = [
      ...reports,
      gradeText('learner: stranger@else.edu\nanswers: {}\n', { path: 'submissions/stranger.yaml', variants: true }),
    ];
    expect(() =>
      moodleImport(formatMoodle(extra, moodle), users, { identity: 'Email address', grade: 'Vanishing Gradients' }),
    ).not.toThrow();
  });

  it('refuses the old gradebook: a blank id, and S066 as typed, abort the import', () => {
    expect(() => moodleImport(oldGradebook(reports, moodle.roster!), users, { identity: 'learner', grade: 'score' })).toThrow(
      /user mapping error/,
    );
  });
});

describe('Gradescope', () => {
  it("writes results.json with Gradescope's fields and types, the tests adding up to the score", () => {
    const one = reports.filter((r) => r.learner === 'dup@uni.edu');
    const results = gradescopeRead(formatGradescope(one));
    expect(results.score).toBe(PARTS - 1); // the duplicate key costs max_value
    expect(results.tests).toHaveLength(PARTS);
    expect(results.tests.reduce((sum, t) => sum + t.score, 0)).toBe(results.score);
    expect(results.tests[0]).toEqual({
      name: 'sigmoid-max.max_value',
      score: 0,
      max_score: 1,
      output: expect.stringContaining('duplicate key'),
      visibility: 'visible',
    });
    const unreadable = gradescopeRead(formatGradescope(reports.filter((r) => r.learner === 'tab@uni.edu')));
    expect(unreadable.score).toBe(0);
    expect(unreadable.tests[0]!.output).toContain('Tabs are not allowed');
  });

  it('refuses the old output (the JSON report has no score or tests at the top)', () => {
    expect(() => gradescopeRead(formatJson(reports.slice(0, 1)))).toThrow(/score must be a number/);
  });
});

describe('the CSV gradebook', () => {
  it('says per learner whether their own variant was used', () => {
    const rows = parseCsv(formatCsv(reports));
    const at = gradebookHeader().indexOf('variant');
    expect(rows.find((r) => r[0] === 'ada@uni.edu')![at]).toBe('yes');
    expect(rows.find((r) => r[0] === 'tab@uni.edu')![at]).toBe('no');
  });
});

describe('the command line', () => {
  it("takes the roster's id column by --roster-column, refuses an unknown --keep, and needs a Canvas export for --format canvas", async () => {
    const { main } = await import('../../grader/cli/main.ts');
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'vg-gradebook-cli-'));
    mkdirSync(join(dir, 'submissions'));
    for (const f of hostileClass()) writeFileSync(join(dir, 'submissions', f.path), f.bytes);
    writeFileSync(join(dir, 'people.csv'), 'Name,Mail\nAda,ADA@uni.edu\n');
    const run = async (argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await main({
        argv,
        env: { COURSE_VARIANTS: '' },
        cwd: dir,
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        isTTY: false,
      });
      return { code, stdout, stderr };
    };
    const csv = await run(['submissions', '--variants', '--format', 'csv', '--roster', 'people.csv', '--roster-column', 'mail']);
    expect(parseCsv(csv.stdout)[1]!.slice(0, 3)).toEqual(['ADA@uni.edu', 'submissions/ada.yaml', 'graded']);
    expect(await run(['submissions', '--keep', 'first'])).toMatchObject({
      code: 2,
      stderr: "unknown --keep 'first'; use latest or best\nRun with --help for usage.\n",
    });
    const canvasRun = await run(['submissions', '--format', 'canvas', '--roster', 'people.csv', '--roster-column', 'mail']);
    expect(canvasRun.code).toBe(2);
    expect(canvasRun.stderr).toContain("--format canvas needs --roster with the course's Canvas gradebook export");
    expect((await run(['submissions', '--format', 'moodle'])).stderr).toContain('--format moodle needs --roster');
  });
});
