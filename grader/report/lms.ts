/**
 * Gradebooks an LMS imports as they are, from the same rows as the CSV
 * gradebook (class/gradebook.ts). Each follows its LMS's documented contract
 * (docs/…: the instructors' guide cites them):
 *  - canvas: Canvas's own gradebook export as the roster; its identity
 *    columns as exported (Student, ID, SIS User ID, SIS Login ID, Section…),
 *    the "Points Possible" line, then one assignment column with the points;
 *    a roster learner with no graded file gets an empty cell, never a row of
 *    their own, and a file not on the roster is not written (checked by hand);
 *  - moodle: one identity column (the roster's e-mail or ID number, spelled
 *    as the roster spells it: Moodle matches e-mail case-sensitively), the
 *    grade and a feedback column; only learners on the roster, since one id
 *    Moodle cannot find aborts its whole import;
 *  - gradescope: the autograder's results.json for one submission.
 */
import { EXERCISES } from '../../exercises/index.ts';
import type { Gradebook, GradebookRow } from '../class/gradebook.ts';
import { gradebookOf } from '../class/view.ts';
import { toCsv, type CsvCell } from '../read/rfc4180.ts';
import { GRADEBOOK_NOTES } from '../messages/class.ts';
import { LABELS } from '../messages/report.ts';
import { filePoints, roundPoints } from '../grade/points.ts';
import type { FormatOptions } from './facts.ts';
import type { FileReport } from '../schema.ts';

/** Canvas's identity columns, as its gradebook export names them (the ones present are kept, in the export's order). */
const CANVAS_IDENTITY = ['student', 'id', 'sis user id', 'sis login id', 'integration id', 'root account', 'section'];

/** The assignment's column name: the course title, unless the options give one. */
const assignment = (options: FormatOptions): string => options.title ?? LABELS.courseTitle;

/** Rows whose file counts toward a grade: graded (an unreadable file is its learner's, with the reason, but earns no points). */
const pointsOf = (row: GradebookRow, book: Gradebook): number | undefined =>
  row.status === 'graded' && row.report ? filePoints(row.report, book.points).points : undefined;

/** What the LMS file leaves out and a person must look at: files naming no learner, and learners the LMS roster does not know. */
export function lmsByHand(
  reports: readonly FileReport[],
  options: FormatOptions,
  lms: 'Canvas' | 'Moodle',
): { path: string; reason: string }[] {
  const book = gradebookOf(reports, options);
  const off = book.rows.filter((r) => r.report && !r.rosterEntry).flatMap((r) => [r.report!, ...r.others]);
  return [...book.byHand, ...off.map((r) => ({ path: r.path, reason: `${r.learner ?? ''}: ${GRADEBOOK_NOTES.notInLms(lms)}` }))];
}

/** The Canvas gradebook import file (needs a Canvas export as the roster; the CLI checks that first). */
export function formatCanvas(reports: readonly FileReport[], options: FormatOptions = {}): string {
  const header = options.rosterInfo?.header ?? [];
  const names = header.map((h) => h.trim().toLowerCase());
  const identity = header.map((_, i) => i).filter((i) => CANVAS_IDENTITY.includes(names[i]!));
  const book = gradebookOf(reports, options);
  const rows: CsvCell[][] = [[...identity.map((i) => header[i]!.trim()), assignment(options)]];
  rows.push([GRADEBOOK_NOTES.pointsPossible, ...identity.slice(1).map(() => undefined), book.points.total]);
  for (const row of book.rows) {
    if (!row.rosterEntry) continue;
    const cells = row.rosterEntry.cells ?? [];
    rows.push([...identity.map((i) => cells[i] ?? ''), pointsOf(row, book)]);
  }
  return toCsv(rows);
}

/** The Moodle grade import file (needs a roster; the CLI checks that first). */
export function formatMoodle(reports: readonly FileReport[], options: FormatOptions = {}): string {
  const book = gradebookOf(reports, options);
  const rows: CsvCell[][] = [[options.rosterInfo?.column ?? 'learner', assignment(options), 'Feedback']];
  for (const row of book.rows) {
    // Only learners with a file: Moodle leaves the others' grades alone; and only roster learners: Moodle finds those.
    if (!row.rosterEntry || !row.report) continue;
    rows.push([row.rosterEntry.learner, pointsOf(row, book), feedbackOf(row, book)]);
  }
  return toCsv(rows);
}

/** One line of feedback: the points, and the parts to look at again (never the answers). */
function feedbackOf(row: GradebookRow, book: Gradebook): string {
  if (row.status !== 'graded') return GRADEBOOK_NOTES.notRead(row.reason ?? '');
  const report = row.report!;
  const wrong = report.exercises.flatMap((e) => e.parts.filter((p) => p.verdict !== 'correct').map((p) => `${e.id}.${p.id}`));
  const points = filePoints(report, book.points);
  return GRADEBOOK_NOTES.feedback(points.points, points.maxPoints, wrong);
}

/** Gradescope's results.json fields (gradescope-autograders.readthedocs.io/en/latest/specs/). */
export interface GradescopeResults {
  score: number;
  output: string;
  tests: { name: string; score: number; max_score: number; output: string; visibility: 'visible' }[];
  extra_data: { file?: string; learner?: string; variant: boolean; others: string[] };
}

/** Gradescope's results.json for one submission: the kept file of what was handed in (several files: by --keep). */
export function gradescopeResults(reports: readonly FileReport[], options: FormatOptions = {}): GradescopeResults {
  // A Gradescope submission is one learner's, whatever its files say: they are ranked together.
  const one = reports.map((r) => ({ ...r, learner: 'submission' }));
  const book = gradebookOf(one, { ...options, roster: undefined });
  const row = book.rows[0];
  const kept = row?.report ? reports[one.findIndex((r) => r === row.report)] : undefined;
  const others = row ? row.others.map((o) => o.path) : [];
  const table = book.points;
  const tests = EXERCISES.flatMap((e) =>
    e.parts.map((p) => {
      const max = roundPoints(table.parts.get(e.id)!.get(p.id)!);
      const part = kept?.exercises.find((x) => x.id === e.id)?.parts.find((x) => x.id === p.id);
      const output =
        kept?.status !== 'graded'
          ? GRADEBOOK_NOTES.notRead(kept?.errors[0]?.message ?? 'no answers file was handed in')
          : `${part?.verdict ?? 'missing'}: ${part?.feedback ?? ''}`;
      return {
        name: `${e.id}.${p.id}`,
        score: part?.verdict === 'correct' ? max : 0,
        max_score: max,
        output,
        visibility: 'visible' as const,
      };
    }),
  );
  const score = kept ? filePoints(kept, table).points : 0;
  const output =
    kept?.status === 'graded'
      ? GRADEBOOK_NOTES.feedback(
          score,
          table.total,
          tests.filter((t) => t.score < t.max_score).map((t) => t.name),
        )
      : tests[0]!.output;
  return {
    score,
    output,
    tests,
    extra_data: {
      ...(kept ? { file: kept.path } : {}),
      ...(kept?.learner ? { learner: kept.learner } : {}),
      variant: kept?.variant === true,
      others,
    },
  };
}

/** results.json as text. */
export function formatGradescope(reports: readonly FileReport[], options: FormatOptions = {}): string {
  return `${JSON.stringify(gradescopeResults(reports, options), null, 2)}\n`;
}
