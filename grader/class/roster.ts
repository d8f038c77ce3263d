/**
 * The class roster (--roster FILE): a CSV with a `learner` column, held
 * against the files graded. Learner ids are compared as the variants compare
 * them (exercises' learnerKey: trimmed, NFKC, case-folded), so " Ada@Uni.edu"
 * on the roster is the file's "ada@uni.edu".
 */
import { learnerKey } from '../../exercises/index.ts';
import { readCsv } from '../csv.ts';
import { ROSTER } from '../messages/class.ts';
import type { FileReport, RosterCheck } from '../schema.ts';

/** A roster learner: the id as the roster writes it (trimmed) and the key it is compared by. */
export interface RosterLearner {
  learner: string;
  key: string;
}

export type RosterRead =
  | { ok: true; learners: RosterLearner[]; warnings: string[] }
  | { ok: false; message: string };

export { learnerKey };

/** Reads a roster's text; the `learner` column is found by its header, whatever its place or case. */
export function readRoster(text: string): RosterRead {
  const { rows, openQuoteLine } = readCsv(text);
  const header = rows[0];
  if (!header) return { ok: false, message: ROSTER.empty };
  const column = header.findIndex((name) => name.trim().toLowerCase() === 'learner');
  if (column < 0) return { ok: false, message: ROSTER.noLearnerColumn(header.map((h) => h.trim()).filter(Boolean)) };
  const learners: RosterLearner[] = [];
  const seen = new Set<string>();
  // A quote never closed swallows the rest of the roster into one field: say so, or learners vanish silently.
  const warnings: string[] = openQuoteLine === undefined ? [] : [ROSTER.openQuote(openQuoteLine)];
  rows.slice(1).forEach((row, i) => {
    const learner = (row[column] ?? '').trim();
    if (learner === '') return void warnings.push(ROSTER.blankRow(i + 2));
    const key = learnerKey(learner);
    if (seen.has(key)) return void warnings.push(ROSTER.repeated(learner, i + 2));
    seen.add(key);
    learners.push({ learner, key });
  });
  if (learners.length === 0) return { ok: false, message: ROSTER.noLearners };
  return { ok: true, learners, warnings };
}

/** Roster learners with no graded file, graded files off the roster or naming nobody, and learners with several graded files. */
export function checkRoster(reports: readonly FileReport[], roster: readonly RosterLearner[]): RosterCheck {
  const onRoster = new Set(roster.map((r) => r.key));
  const byLearner = new Map<string, { learner: string; paths: string[] }>();
  const offRoster: RosterCheck['offRoster'] = [];
  for (const report of reports) {
    // A file that could not be read names no one we can trust; it is listed with the errors instead.
    if (report.status !== 'graded') continue;
    if (report.learner === undefined || report.learner.trim() === '') {
      offRoster.push({ path: report.path });
      continue;
    }
    const key = learnerKey(report.learner);
    if (!onRoster.has(key)) offRoster.push({ path: report.path, learner: report.learner });
    const entry = byLearner.get(key);
    if (entry) entry.paths.push(report.path);
    else byLearner.set(key, { learner: report.learner.trim(), paths: [report.path] });
  }
  return {
    learners: roster.length,
    missing: roster.filter((r) => !byLearner.has(r.key)).map((r) => r.learner),
    offRoster,
    several: [...byLearner.values()].filter((e) => e.paths.length > 1),
  };
}
