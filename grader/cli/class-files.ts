/**
 * The class view's two files on disk: the roster read (--roster, a CSV with
 * a `learner` column) and the feedback files written (--feedback-dir). Both
 * are checked before any file is graded, so a typo stops the run at once.
 */
import { closeSync, constants, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { feedbackFiles, fold } from '../class/feedback-files.ts';
import { readRoster, type RosterKind, type RosterLearner } from '../class/roster.ts';
import type { FileReport } from '../schema.ts';
import { readCapped } from './read-file.ts';
import { errorText } from './read-file.ts';
import { CLI } from './help-text.ts';

/** A roster is a list of names, far below this; the cap keeps a wrong path (a log, /dev/zero) from being read whole. */
const MAX_ROSTER_BYTES = 8 * 1024 * 1024;

/** The roster's learners and its notes, or the usage error that stops the run. */
export function loadRoster(
  given: string,
  path: string,
  column?: string,
):
  | { learners: RosterLearner[]; notes: string[]; info?: { header: readonly string[]; kind: RosterKind; column: string } }
  | { error: string } {
  const read = readCapped(path, MAX_ROSTER_BYTES);
  if (!read.ok) {
    const detail =
      read.reason === 'error' ? read.detail : read.reason === 'too-large' ? `over ${MAX_ROSTER_BYTES / 1024 / 1024} MiB` : CLI.notAFile;
    return { error: CLI.rosterUnreadable(given, detail) };
  }
  const roster = readRoster(new TextDecoder('utf-8').decode(read.bytes), column === undefined ? {} : { column });
  if (!roster.ok) return { error: CLI.rosterProblem(given, roster.message) };
  const info =
    roster.header && roster.kind && roster.column ? { info: { header: roster.header, kind: roster.kind, column: roster.column } } : {};
  return { learners: roster.learners, notes: roster.warnings.map((w) => CLI.rosterNote(given, w)), ...info };
}

/** Why --feedback-dir cannot be used (it is a file), checked before grading; else undefined. */
export function feedbackDirProblem(given: string, dir: string): string | undefined {
  const stat = statSync(dir, { throwIfNoEntry: false });
  return stat && !stat.isDirectory() ? CLI.feedbackDirIsFile(given) : undefined;
}

/** A new file only: never through a link, never over a file already there. */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Writes one feedback file per report into `dir` (created if missing), never following a link and never
 * replacing anything already there (a file of that name, from an earlier run or planted, moves this one to
 * the next free name, "-2" on); the count is of files created. A failure is a message.
 */
export function writeFeedback(
  given: string,
  dir: string,
  reports: readonly FileReport[],
  options: { roster?: readonly RosterLearner[]; title?: string } = {},
): { written: number } | { error: string } {
  let written = 0;
  try {
    mkdirSync(dir, { recursive: true });
    const files = feedbackFiles(reports, options);
    const taken = new Set(files.map((f) => fold(f.name)));
    for (const file of files) {
      const fd = createNew(dir, file.name, taken);
      try {
        const bytes = Buffer.from(file.text);
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      } finally {
        closeSync(fd);
      }
      written++;
    }
    return { written };
  } catch (error) {
    return { error: CLI.cannotWriteFeedback(given, errorText(error), written) };
  }
}

/** Opens `name` in `dir` as a new file, or the first free "-n" name after it that no other feedback file takes. */
function createNew(dir: string, name: string, taken: Set<string>): number {
  const stem = name.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}.md`;
    if (n > 1 && taken.has(fold(candidate))) continue;
    try {
      const fd = openSync(join(dir, candidate), CREATE_NEW, 0o644);
      taken.add(fold(candidate));
      return fd;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && (error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
    }
  }
}
