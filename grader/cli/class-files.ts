/**
 * The class view's two files on disk: the roster read (--roster, a CSV with
 * a `learner` column) and the feedback files written (--feedback-dir). Both
 * are checked before any file is graded, so a typo stops the run at once.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { feedbackFiles } from '../class/feedback.ts';
import { readRoster, type RosterKind, type RosterLearner } from '../class/roster.ts';
import type { FileReport } from '../schema.ts';
import { readCapped } from './read-file.ts';
import { errorText } from './read-file.ts';
import { CLI } from './text.ts';

/** A roster is a list of names, far below this; the cap keeps a wrong path (a log, /dev/zero) from being read whole. */
const MAX_ROSTER_BYTES = 8 * 1024 * 1024;

/** The roster's learners and its notes, or the usage error that stops the run. */
export function loadRoster(
  given: string,
  path: string,
  column?: string,
): { learners: RosterLearner[]; notes: string[]; info?: { header: readonly string[]; kind: RosterKind; column: string } } | { error: string } {
  const read = readCapped(path, MAX_ROSTER_BYTES);
  if (!read.ok) {
    const detail = read.reason === 'error' ? read.detail : read.reason === 'too-large' ? `over ${MAX_ROSTER_BYTES / 1024 / 1024} MiB` : CLI.notAFile;
    return { error: CLI.rosterUnreadable(given, detail) };
  }
  const roster = readRoster(new TextDecoder('utf-8').decode(read.bytes), column === undefined ? {} : { column });
  if (!roster.ok) return { error: CLI.rosterProblem(given, roster.message) };
  const info = roster.header && roster.kind && roster.column ? { info: { header: roster.header, kind: roster.kind, column: roster.column } } : {};
  return { learners: roster.learners, notes: roster.warnings.map((w) => CLI.rosterNote(given, w)), ...info };
}

/** Why --feedback-dir cannot be used (it is a file), checked before grading; else undefined. */
export function feedbackDirProblem(given: string, dir: string): string | undefined {
  const stat = statSync(dir, { throwIfNoEntry: false });
  return stat && !stat.isDirectory() ? CLI.feedbackDirIsFile(given) : undefined;
}

/** Writes one feedback file per report into `dir` (created if missing); a failure is a message. */
export function writeFeedback(given: string, dir: string, reports: readonly FileReport[]): { written: number } | { error: string } {
  try {
    mkdirSync(dir, { recursive: true });
    const files = feedbackFiles(reports);
    for (const file of files) writeFileSync(join(dir, file.name), file.text);
    return { written: files.length };
  } catch (error) {
    return { error: CLI.cannotWriteFeedback(given, errorText(error)) };
  }
}
