/**
 * The gradebook (`--format csv`): one row per file, and one per roster
 * learner with no file (status `missing`). Columns: learner, file, status,
 * score, max_score, percent, one per exercise (its score), one per
 * `<exercise>.<part>` (its verdict). RFC 4180, and safe to open in a
 * spreadsheet (see ../csv.ts).
 */
import { CHALLENGE_IDS, SETUP_PART } from '../../exercises/challenges/types.ts';
import { EXERCISES } from '../../exercises/index.ts';
import { checkRoster } from '../class/roster.ts';
import { toCsv, type CsvCell } from '../csv.ts';
import { GRADEBOOK_COLUMNS } from '../messages/class.ts';
import type { FormatOptions } from '../report.ts';
import type { FileReport } from '../schema.ts';
import { percent } from '../score.ts';

/** The header row: the fixed columns, the exercises, then their parts; then, when some file answered one, each lab challenge and its verdict. */
export function gradebookHeader(withChallenges = false): string[] {
  return [
    ...GRADEBOOK_COLUMNS,
    ...EXERCISES.map((e) => e.id),
    ...EXERCISES.flatMap((e) => e.parts.map((p) => `${e.id}.${p.id}`)),
    ...(withChallenges ? [...CHALLENGE_IDS, ...CHALLENGE_IDS.map((id) => `${id}.${SETUP_PART}`)] : []),
  ];
}

/** Whether some file's report holds the lab challenges (grader/challenges.ts adds them only to files that answer one). */
const hasChallenges = (reports: readonly FileReport[]): boolean =>
  reports.some((r) => r.exercises.some((e) => (CHALLENGE_IDS as readonly string[]).includes(e.id)));

/** A percentage with at most two decimals, as a number (89.47, 100). */
function percentCell(report: FileReport): number {
  return Math.round(100 * percent(report)) / 100;
}

/** The gradebook as CSV text. */
export function formatCsv(reports: readonly FileReport[], options: FormatOptions = {}): string {
  const maxScore = EXERCISES.reduce((sum, e) => sum + e.parts.length, 0);
  const challenges = hasChallenges(reports);
  const rows: CsvCell[][] = [gradebookHeader(challenges)];
  for (const report of reports) {
    const graded = report.status === 'graded';
    const byId = new Map(report.exercises.map((e) => [e.id, e]));
    rows.push([
      report.learner?.trim() || undefined,
      report.path,
      report.status,
      report.score,
      report.maxScore,
      percentCell(report),
      ...EXERCISES.map((e) => (graded ? byId.get(e.id)?.score : undefined)),
      ...EXERCISES.flatMap((e) => e.parts.map((p) => byId.get(e.id)?.parts.find((x) => x.id === p.id)?.verdict)),
      ...(challenges ? [...CHALLENGE_IDS.map((id) => (graded ? byId.get(id)?.score : undefined)), ...CHALLENGE_IDS.map((id) => byId.get(id)?.parts[0]?.verdict)] : []),
    ]);
  }
  if (options.roster) {
    // Blank scores, not zeros: a gradebook import then leaves the learner's grade as it was.
    for (const learner of checkRoster(reports, options.roster).missing) rows.push([learner, undefined, 'missing', undefined, maxScore, undefined]);
  }
  return toCsv(rows);
}
