/**
 * The class view: everything the class summary shows, computed once from the
 * file reports (and the roster, when one is given). The text and Markdown
 * reports, the JSON summary and the browser's class report all read it.
 */
import type { FileReport, MisconceptionCount, PartCount, CopyGroup, RosterCheck } from '../schema.ts';
import { findCopies, type CopyOptions } from './copies.ts';
import { checkRoster, type RosterLearner } from './roster.ts';
import { misconceptionCounts, partCounts, scoreDistribution, type ScoreDistribution } from './summary.ts';

export interface ClassOptions {
  /** The roster's learners (--roster); without it there is no roster check. */
  roster?: readonly RosterLearner[];
  /** The possible copies, when already found (the browser finds them in steps, copySteps); else found here. */
  copies?: CopyGroup[];
}

/** What findCopies is given for these class options. */
export function copyOptions(options: ClassOptions): CopyOptions {
  return options.roster ? { learners: options.roster.map((r) => r.learner) } : {};
}

export interface ClassView {
  distribution: ScoreDistribution;
  parts: PartCount[];
  misconceptions: MisconceptionCount[];
  roster?: RosterCheck;
  copies: CopyGroup[];
}

/** The class view of these reports. */
export function classView(reports: readonly FileReport[], options: ClassOptions = {}): ClassView {
  const { roster } = options;
  return {
    distribution: scoreDistribution(reports),
    parts: partCounts(reports),
    misconceptions: misconceptionCounts(reports),
    ...(roster ? { roster: checkRoster(reports, roster) } : {}),
    copies: options.copies ?? findCopies(reports, copyOptions(options)),
  };
}

/** The text and Markdown reports end with the class summary when more than one file is graded, or a roster is held against them. */
export function showsClassSummary(reports: readonly FileReport[], options: ClassOptions = {}): boolean {
  return reports.length > 1 || options.roster !== undefined;
}
