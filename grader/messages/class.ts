/**
 * The instructor's class view, worded in one place: the class summary at the
 * end of the text and Markdown reports, the roster check, possible copies,
 * the gradebook's header, and the feedback file sent back to each learner.
 */

import { clip } from './quote.ts';

const q = (text: string): string => `'${text}'`;
/** Header cells named in a roster error, at most (a roster of 200,000 columns once printed them all). */
const MAX_COLUMNS_SHOWN = 8;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Reading --roster. */
export const ROSTER = {
  empty: 'the roster is empty; it needs a header line with a learner column',
  noLearnerColumn: (columns: readonly string[], named?: string) => {
    const shown = columns.slice(0, MAX_COLUMNS_SHOWN).map((c) => q(clip(c)));
    if (columns.length > MAX_COLUMNS_SHOWN) shown.push(`and ${columns.length - MAX_COLUMNS_SHOWN} more`);
    return (
      `the roster has no ${named === undefined ? "'learner' column (nor a Canvas or Moodle id column)" : `column ${q(named)}`}${columns.length ? ` (its columns: ${shown.join(', ')})` : ''}; ` +
      "name the column of learner ids 'learner', or give its name with --roster-column"
    );
  },
  openQuote: (line: number) =>
    `roster line ${line} opens a quote (") that is never closed, so everything after it was read as one field; close the quote`,
  noLearners: "the roster's learner column is empty",
  blankRow: (line: number) => `roster line ${line} has no learner id; skipped`,
  repeated: (learner: string, line: number) => `roster line ${line} repeats ${q(learner)}; counted once`,
};

/** The class summary's headings and lines. */
export const CLASS = {
  title: 'Class summary',
  distribution: 'Score distribution',
  band: (from: number, to: number) => (from === to ? `${from}%` : `${from}–${to - 1}%`),
  statistics: (s: { graded: number; mean: string; median: string; min: number; max: number; maxScore: number }) =>
    `${plural(s.graded, 'graded file')}: mean ${s.mean}/${s.maxScore}, median ${s.median}/${s.maxScore}, lowest ${s.min}, highest ${s.max}`,
  noneGraded: 'No file was graded.',
  /** "12 of 30 graded files reach the course's passing score of 80%." */
  passing: (files: number, graded: number, score: number) =>
    `${files} of ${plural(graded, 'graded file')} ${files === 1 ? 'reaches' : 'reach'} the course's passing score of ${score}%.`,
  parts: 'Verdicts per part',
  partColumns: { part: 'Part', correct: 'correct', incorrect: 'incorrect', invalid: 'invalid', missing: 'missing', rate: 'pass rate' },
  misconceptions: 'Misconceptions met, most common first',
  noMisconceptions: 'No answer matched a catalogued misconception.',
  misconceptionColumns: { part: 'Part', id: 'Misconception', description: 'What it is', count: 'Files' },
  unreadable: 'On the roster, file not readable (status error)',
  gradebook: 'Gradebook',
  gradebookLine: (total: number, keep: string) => `Each learner's grade is out of ${total} points; of several files, the ${keep} counts.`,
  kept: (learner: string, kept: string, others: readonly string[]) => `${learner}: counted ${kept}; not counted: ${others.join(', ')}`,
  byHand: 'Files to check by hand (they name no learner, so they are in no gradebook row):',
  roster: 'Roster',
  rosterLine: (learners: number, missing: number, offRoster: number, several: number) =>
    `${plural(learners, 'learner')} on the roster: ${missing} without a file, ${plural(offRoster, 'file')} not on the roster, ${several} with several files`,
  missing: 'On the roster, no file graded',
  offRoster: 'Files not on the roster',
  noLearner: '(names no learner)',
  several: 'Learners with several files',
  copies: 'Possible copies (worth a look, not a verdict)',
  noCopies: 'No group of files shares unusual wrong answers.',
  sharedWrong: (files: number, parts: number) => `${plural(files, 'file')} give the same unusual wrong answers on ${plural(parts, 'part')}`,
  otherVariant: (file: string, fits: number, named: readonly string[]) =>
    `${file} answers with numbers that are not their own (they fit the numbers of ${plural(fits, 'learner')}${named.length ? `, on the roster: ${named.join(', ')}` : ''})`,
  noFile: '(no file)',
  sameFiles: 'The same file under several paths (a link or a copy)',
  more: (count: number) => `… and ${count} more`,
};

/** The gradebook's fixed columns (DESIGN.md: `--format csv`). */
export const GRADEBOOK_COLUMNS = ['learner', 'file', 'status', 'score', 'max_score', 'percent', 'variant'] as const;

/** The gradebooks' notes and the LMS formats' fixed words. */
export const GRADEBOOK_NOTES = {
  others: (keep: 'latest' | 'best', paths: readonly string[]) => `kept the ${keep} file; not counted: ${paths.join(', ')}`,
  notRead: (reason: string) => `Your file could not be read, so it was not graded: ${reason}`,
  feedback: (points: number, max: number, wrong: readonly string[]) =>
    `${points}/${max} points.${wrong.length > 0 ? ` To look at again: ${wrong.join(', ')}.` : ' Every part is correct.'}`,
  pointsPossible: 'Points Possible',
  byHand: 'Files to check by hand (in no gradebook row)',
  byHandLine: (path: string, reason: string) => `${path}: ${reason}`,
  notInLms: (lms: string) => `not on the ${lms} roster, so not in the ${lms} file`,
};

/** The Markdown feedback file sent back to one learner. */
export const FEEDBACK_FILE = {
  title: (course: string) => `${course} — your feedback`,
  learner: (learner: string) => `Learner: ${learner}`,
  file: (file: string) => `File: ${file}`,
  variant: (variant: boolean) => (variant ? 'Graded with your own numbers (your variant).' : "Graded with the post's numbers."),
  score: (score: number, maxScore: number, percent: number) => `Score: ${score}/${maxScore} (${percent}%)`,
  notGraded: 'Your file could not be graded. Fix the problems below and hand it in again:',
  problems: 'Problems',
  warnings: 'Warnings',
  columns: { part: 'Part', verdict: 'Verdict', feedback: 'Feedback' },
  allCorrect: 'Every part is correct.',
  regrade:
    "Check a corrected file yourself on the course site's exercise pages (load it with the exercise form), or with the course's " +
    'one-file grader and Node 20 or later: download `grade.mjs` from the course site, then run `node grade.mjs answers.yaml`.',
};
