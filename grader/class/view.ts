/**
 * The class view: everything the class summary shows, computed once from the
 * file reports (and the roster, when one is given). The text and Markdown
 * reports, the JSON summary and the browser's class report all read it.
 */
import type { ChallengeSummary, FileReport, MisconceptionCount, PartCount, CopyGroup, RosterCheck } from '../schema.ts';
import { challengeSummaries } from './challenge-summary.ts';
import { findCopies, type CopyOptions } from './copies.ts';
import type { PointsTable } from '../grade/points.ts';
import { gradebook, type Gradebook, type KeepPolicy } from './gradebook.ts';
import { checkRoster, type RosterKind, type RosterLearner } from './roster.ts';
import { misconceptionCounts, partCounts, scoreDistribution, type ScoreDistribution } from './summary.ts';

export interface ClassOptions {
  /** The roster's learners (--roster); without it there is no roster check. */
  roster?: readonly RosterLearner[];
  /** The possible copies, when already found (the browser finds them in steps, copySteps); else found here. */
  copies?: CopyGroup[];
  /** The roster's header, kind and id column, as read (the Canvas and Moodle formats write them back). */
  rosterInfo?: { header: readonly string[]; kind: RosterKind; column: string };
  /** Which of a learner's several files counts (--keep; default latest). */
  keep?: KeepPolicy;
  /** Points per part (the course settings; default 1 per part). */
  points?: PointsTable;
  /** Files' modification times (ms), for `--keep latest` when a file has no `submitted:`. */
  modified?: ReadonlyMap<string, number>;
  /** The course title (the course settings): the Markdown report's heading, the LMS formats' assignment name. */
  title?: string;
  /** The score in percent that counts as passing (the course settings): the class summary counts the files that reach it. */
  passingScore?: number;
}

/** What findCopies is given for these class options. */
export function copyOptions(options: ClassOptions): CopyOptions {
  return options.roster ? { learners: options.roster.map((r) => r.learner) } : {};
}

/** The gradebook rows these options give (gradebook.ts). */
export function gradebookOf(reports: readonly FileReport[], options: ClassOptions = {}): Gradebook {
  const { roster, keep, points, modified } = options;
  return gradebook(reports, {
    ...(roster ? { roster } : {}),
    ...(keep ? { keep } : {}),
    ...(points ? { points } : {}),
    ...(modified ? { modified } : {}),
  });
}

export interface ClassView {
  distribution: ScoreDistribution;
  parts: PartCount[];
  misconceptions: MisconceptionCount[];
  roster?: RosterCheck;
  copies: CopyGroup[];
  gradebook: Gradebook;
  /** The lab challenges some file answered; absent when none did. */
  challenges?: ChallengeSummary[];
}

/** The class view of these reports. */
export function classView(reports: readonly FileReport[], options: ClassOptions = {}): ClassView {
  const { roster } = options;
  const challenges = challengeSummaries(reports);
  return {
    distribution: scoreDistribution(reports, options.passingScore),
    parts: partCounts(reports),
    misconceptions: misconceptionCounts(reports),
    ...(roster ? { roster: checkRoster(reports, roster) } : {}),
    copies: options.copies ?? findCopies(reports, copyOptions(options)),
    gradebook: gradebookOf(reports, options),
    ...(challenges.length > 0 ? { challenges } : {}),
  };
}

/** The text and Markdown reports end with the class summary when more than one file is graded, or a roster is held against them. */
export function showsClassSummary(reports: readonly FileReport[], options: ClassOptions = {}): boolean {
  return reports.length > 1 || options.roster !== undefined;
}
