/**
 * The gradebook's rows: one per learner, never one without a learner id.
 * Every gradebook format (csv, canvas, moodle, gradescope) and the class
 * summary read these rows, so they agree on who has which file:
 *  - several files of one learner make one row, by the --keep policy
 *    (latest: by `submitted:`, else the file's modification time; best: the
 *    most points, then the latest); the others are listed;
 *  - an unreadable file whose `learner:` line could be recovered is that
 *    learner's row, status `error` with the reason (never `missing`);
 *  - a file naming no learner is no row: it is listed apart, to check by hand;
 *  - with a roster, roster learners with no file are rows with status `missing`.
 */
import { learnerKey } from '../../exercises/index.ts';
import { filePoints, hasChallengeAnswers, pointsTable, withChallenges, type PointsTable } from '../grade/points.ts';
import type { FileReport } from '../schema.ts';
import type { RosterLearner } from './roster.ts';

const NO_ID = 'no learner: line could be read in it';
/** Problems of a path whose content was never read (so no `learner:` line could be looked for). */
const NOT_OPENED: readonly string[] = ['unlisted', 'symlink', 'unreadable', 'too-large', 'binary'];

/** Which of a learner's files counts. */
export type KeepPolicy = 'latest' | 'best';
export const KEEP_POLICIES: readonly KeepPolicy[] = ['latest', 'best'];

export interface GradebookOptions {
  roster?: readonly RosterLearner[];
  keep?: KeepPolicy;
  points?: PointsTable;
  /** When each file was last modified (ms since 1970), for files without `submitted:`; the CLI reads it from disk, the browser from the File. */
  modified?: ReadonlyMap<string, number>;
}

export interface GradebookRow {
  /** The id as the roster writes it, else as the kept file does. */
  learner: string;
  key: string;
  status: 'graded' | 'error' | 'missing';
  /** The kept file; none when missing. */
  report?: FileReport;
  /** The learner's other files, not counted. */
  others: FileReport[];
  /** The roster's entry, when the learner is on it. */
  rosterEntry?: RosterLearner;
  /** The first reason an `error` file could not be graded. */
  reason?: string;
}

/** A file that names no learner: which it is and why it is not in the gradebook. */
export interface ByHand {
  path: string;
  reason: string;
}

export interface Gradebook {
  rows: GradebookRow[];
  byHand: ByHand[];
  keep: KeepPolicy;
  points: PointsTable;
}

/** The rows: roster order first (with a roster), then learners by their first file. */
export function gradebook(reports: readonly FileReport[], options: GradebookOptions = {}): Gradebook {
  const keep = options.keep ?? 'latest';
  const table = options.points ?? pointsTable();
  const points = hasChallengeAnswers(reports) ? withChallenges(table) : table;
  const byKey = new Map<string, FileReport[]>();
  const byHand: ByHand[] = [];
  for (const report of reports) {
    const learner = report.learner?.trim();
    if (!learner) {
      const first = report.errors[0];
      const unopened = first !== undefined && NOT_OPENED.includes(first.code);
      byHand.push({
        path: report.path,
        reason:
          report.status === 'graded' ? 'the file names no learner' : unopened ? first.message : `${first?.message ?? 'not read'}; ${NO_ID}`,
      });
      continue;
    }
    const key = learnerKey(learner);
    const files = byKey.get(key);
    if (files) files.push(report);
    else byKey.set(key, [report]);
  }
  const when = (r: FileReport): number => {
    const submitted = r.submitted === undefined ? Number.NaN : Date.parse(r.submitted);
    return Number.isFinite(submitted) ? submitted : (options.modified?.get(r.path) ?? Number.NEGATIVE_INFINITY);
  };
  /** Graded before unreadable; then the policy; a tie goes to the later path, so the result never depends on the files' order. */
  const better = (a: FileReport, b: FileReport): boolean => {
    if ((a.status === 'graded') !== (b.status === 'graded')) return a.status === 'graded';
    if (keep === 'best') {
      const pa = filePoints(a, points).points;
      const pb = filePoints(b, points).points;
      if (pa !== pb) return pa > pb;
    }
    if (when(a) !== when(b)) return when(a) > when(b);
    return a.path > b.path;
  };
  const row = (key: string, files: FileReport[], rosterEntry?: RosterLearner): GradebookRow => {
    const kept = files.reduce((best, f) => (better(f, best) ? f : best));
    const others = files.filter((f) => f !== kept);
    const learner = rosterEntry?.learner ?? kept.learner!.trim();
    const base = { learner, key, report: kept, others, ...(rosterEntry ? { rosterEntry } : {}) };
    return kept.status === 'graded'
      ? { ...base, status: 'graded' }
      : { ...base, status: 'error', reason: kept.errors[0]?.message ?? 'not read' };
  };
  const rows: GradebookRow[] = [];
  const listed = new Set<string>();
  for (const entry of options.roster ?? []) {
    listed.add(entry.key);
    const files = byKey.get(entry.key);
    rows.push(
      files ? row(entry.key, files, entry) : { learner: entry.learner, key: entry.key, status: 'missing', others: [], rosterEntry: entry },
    );
  }
  for (const [key, files] of byKey) if (!listed.has(key)) rows.push(row(key, files));
  return { rows, byHand, keep, points };
}
