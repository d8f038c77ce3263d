/**
 * The gradebook (`--format csv`): one row per learner (gradebook.ts: never
 * a row without a learner id; several files of one learner make one row by
 * --keep), and one per roster learner with no file (status `missing`).
 * Columns: learner, file, status, score, max_score, percent (in points, the
 * course settings'; 1 per part by default), variant (yes when the learner's
 * own numbers were used), one per exercise (its points), one per
 * `<exercise>.<part>` (its verdict), then note (why a file was not graded,
 * and the learner's other files). RFC 4180, and safe to open in a
 * spreadsheet (see ../csv.ts).
 */
import { CHALLENGE_IDS, SETUP_PART } from '../../exercises/challenges/types.ts';
import { EXERCISES } from '../../exercises/index.ts';
import { gradebookOf } from '../class/view.ts';
import { toCsv, type CsvCell } from '../read/rfc4180.ts';
import { GRADEBOOK_COLUMNS, GRADEBOOK_NOTES } from '../messages/class.ts';
import { filePoints, hasChallengeAnswers, roundPoints } from '../grade/points.ts';
import type { FormatOptions } from './facts.ts';
import type { FileReport } from '../schema.ts';

/** The header row: the fixed columns, the exercises, then their parts; when some file answered one, each lab challenge and its verdict; then the note. */
export function gradebookHeader(withChallenges = false): string[] {
  return [
    ...GRADEBOOK_COLUMNS,
    ...EXERCISES.map((e) => e.id),
    ...EXERCISES.flatMap((e) => e.parts.map((p) => `${e.id}.${p.id}`)),
    ...(withChallenges ? [...CHALLENGE_IDS, ...CHALLENGE_IDS.map((id) => `${id}.${SETUP_PART}`)] : []),
    'note',
  ];
}

/** yes / no: whether the file was graded against the learner's own variant. */
export const variantCell = (report: FileReport): string => (report.variant === true ? 'yes' : 'no');

/** The gradebook as CSV text. */
export function formatCsv(reports: readonly FileReport[], options: FormatOptions = {}): string {
  const book = gradebookOf(reports, options);
  const challenges = hasChallengeAnswers(reports);
  const rows: CsvCell[][] = [gradebookHeader(challenges)];
  for (const row of book.rows) {
    const report = row.report;
    if (!report) {
      // Blank scores, not zeros: a gradebook import then leaves the learner's grade as it was.
      rows.push([row.learner, undefined, 'missing', undefined, book.points.total, undefined]);
      continue;
    }
    const graded = report.status === 'graded';
    const points = filePoints(report, book.points);
    const byId = new Map(report.exercises.map((e) => [e.id, e]));
    const notes = [
      ...(row.reason ? [row.reason] : []),
      ...(row.others.length > 0
        ? [
            GRADEBOOK_NOTES.others(
              book.keep,
              row.others.map((o) => o.path),
            ),
          ]
        : []),
    ];
    rows.push([
      row.learner,
      report.path,
      row.status,
      // An unreadable file scores nothing yet: blank, like a missing one, so an import leaves the grade alone until it is fixed.
      graded ? points.points : undefined,
      points.maxPoints,
      !graded ? undefined : points.maxPoints === 0 ? 0 : roundPoints((100 * points.points) / points.maxPoints),
      variantCell(report),
      ...EXERCISES.map((e) => (graded ? points.exercises.get(e.id)?.points : undefined)),
      ...EXERCISES.flatMap((e) => e.parts.map((p) => byId.get(e.id)?.parts.find((x) => x.id === p.id)?.verdict)),
      ...(challenges
        ? [
            ...CHALLENGE_IDS.map((id) => (graded ? points.exercises.get(id)?.points : undefined)),
            ...CHALLENGE_IDS.map((id) => byId.get(id)?.parts[0]?.verdict),
          ]
        : []),
      notes.join('; ') || undefined,
    ]);
  }
  return toCsv(rows);
}
