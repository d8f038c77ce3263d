/**
 * The class roster (--roster FILE): a CSV with a `learner` column, held
 * against the files graded. Learner ids are compared as the variants compare
 * them (exercises' learnerKey: trimmed, NFKC, case-folded), so " Ada@Uni.edu"
 * on the roster is the file's "ada@uni.edu".
 */
import { learnerKey } from '../../exercises/index.ts';
import { readCsv } from '../read/rfc4180.ts';
import { ROSTER } from '../messages/class.ts';
import type { FileReport, RosterCheck } from '../schema.ts';

/** A roster learner: the id as the roster writes it (trimmed) and the key it is compared by. */
export interface RosterLearner {
  learner: string;
  key: string;
  /** The roster's whole row, as exported (the Canvas format writes its identity columns back). */
  cells?: readonly string[];
}

/** Where a roster came from, told by its header: a Canvas gradebook export, a Moodle export, or a plain list. */
export type RosterKind = 'canvas' | 'moodle' | 'plain';

export type RosterRead =
  | { ok: true; learners: RosterLearner[]; warnings: string[]; header?: readonly string[]; kind?: RosterKind; column?: string }
  | { ok: false; message: string };

/** The id column when none is named: `learner`, else Canvas's SIS Login ID, else an e-mail or ID-number column (Moodle's exports). */
const ID_COLUMNS = ['learner', 'sis login id', 'email address', 'id number'];

/** A Canvas gradebook export names these identity columns; its second line may be "Points Possible" (not a learner). */
const isCanvas = (names: readonly string[]): boolean => names.includes('student') && names.includes('sis login id');
const isMoodle = (names: readonly string[]): boolean =>
  names.includes('email address') && (names.includes('first name') || names.includes('last name'));

export { learnerKey };

/**
 * Reads a roster's text; the id column is found by its header, whatever its place or case: `column`
 * (--roster-column) when given, else `learner`, else the columns Canvas and Moodle export (ID_COLUMNS).
 */
export function readRoster(text: string, options: { column?: string } = {}): RosterRead {
  const { rows, openQuoteLine } = readCsv(text);
  const header = rows[0];
  if (!header) return { ok: false, message: ROSTER.empty };
  const names = header.map((name) => name.trim().toLowerCase());
  const wanted = options.column === undefined ? ID_COLUMNS : [options.column.trim().toLowerCase()];
  const found = wanted.find((name) => names.includes(name));
  const column = found === undefined ? -1 : names.indexOf(found);
  if (column < 0) return { ok: false, message: ROSTER.noLearnerColumn(header.map((h) => h.trim()).filter(Boolean), options.column) };
  const kind: RosterKind = isCanvas(names) ? 'canvas' : isMoodle(names) ? 'moodle' : 'plain';
  const student = names.indexOf('student');
  const learners: RosterLearner[] = [];
  const seen = new Set<string>();
  // A quote never closed swallows the rest of the roster into one field: say so, or learners vanish silently.
  const warnings: string[] = openQuoteLine === undefined ? [] : [ROSTER.openQuote(openQuoteLine)];
  rows.slice(1).forEach((row, i) => {
    // Canvas's export puts the assignments' points on a row of its own, and a test student may be listed.
    if (kind === 'canvas' && (row[student] ?? '').trim().toLowerCase() === 'points possible') return;
    const learner = (row[column] ?? '').trim();
    if (learner === '') return void warnings.push(ROSTER.blankRow(i + 2));
    const key = learnerKey(learner);
    if (seen.has(key)) return void warnings.push(ROSTER.repeated(learner, i + 2));
    seen.add(key);
    learners.push({ learner, key, cells: row });
  });
  if (learners.length === 0) return { ok: false, message: ROSTER.noLearners };
  return { ok: true, learners, warnings, header, kind, column: header[column]!.trim() };
}

/** Roster learners with no graded file, graded files off the roster or naming nobody, and learners with several graded files. */
export function checkRoster(reports: readonly FileReport[], roster: readonly RosterLearner[]): RosterCheck {
  const onRoster = new Set(roster.map((r) => r.key));
  const byLearner = new Map<string, { learner: string; paths: string[] }>();
  const offRoster: RosterCheck['offRoster'] = [];
  const unreadable: NonNullable<RosterCheck['unreadable']> = [];
  for (const report of reports) {
    // A file that could not be read is still its learner's when its `learner:` line was recovered: `error`, not `missing`.
    if (report.status !== 'graded') {
      const learner = report.learner?.trim();
      if (learner) unreadable.push({ learner, path: report.path, reason: report.errors[0]?.message ?? '' });
      continue;
    }
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
  const handedIn = new Set(unreadable.map((u) => learnerKey(u.learner)));
  return {
    learners: roster.length,
    missing: roster.filter((r) => !byLearner.has(r.key) && !handedIn.has(r.key)).map((r) => r.learner),
    unreadable,
    offRoster,
    several: [...byLearner.values()].filter((e) => e.paths.length > 1),
  };
}
