/**
 * Facts every formatter shares: a file's percentage, whether it passes
 * --min-score, and the summary. Formatters are pure functions of reports.
 */
import { classView, type ClassOptions } from '../class/view.ts';
import type { FileReport, Report } from '../schema.ts';
import { percent } from '../grade/score.ts';
import { filePoints, isDefaultPoints } from '../grade/points.ts';

/** Options every formatter takes. */
export interface FormatOptions extends ClassOptions {
  /** The pass mark in percent (--min-score); default 0. */
  minScore?: number;
}

export { percent };

/** True when the file was graded and reached the pass mark. */
export function passes(report: FileReport, minScore = 0): boolean {
  return report.status === 'graded' && percent(report) >= minScore;
}

/**
 * The JSON report's counts: files given, graded, and failed (DESIGN.md: not read, or below the mark),
 * with failed split into its two kinds, which never overlap: notRead + belowMark = failed, graded + notRead = files.
 */
export function summarize(
  reports: readonly FileReport[],
  minScore = 0,
): Pick<Report['summary'], 'files' | 'graded' | 'failed' | 'belowMark' | 'notRead'> {
  const graded = reports.filter((r) => r.status === 'graded');
  const belowMark = graded.filter((r) => !passes(r, minScore)).length;
  const notRead = reports.length - graded.length;
  return { files: reports.length, graded: graded.length, failed: notRead + belowMark, belowMark, notRead };
}

/** The whole report as the JSON formatter writes it: the counts, then the class view (verdicts per part, misconceptions, roster, copies). */
export function toReport(reports: readonly FileReport[], options: FormatOptions = {}): Report {
  const { parts, misconceptions, roster, copies, challenges } = classView(reports, options);
  const summary: Report['summary'] = { ...summarize(reports, options.minScore), parts, misconceptions };
  // Points other than 1 per part (the course settings): the total, and each file's points by path.
  if (options.points && !isDefaultPoints(options.points)) {
    summary.points = {
      total: options.points.total,
      files: reports.map((r) => ({ path: r.path, points: filePoints(r, options.points!).points })),
    };
  }
  if (roster) summary.roster = roster;
  summary.copies = copies;
  if (challenges) summary.challenges = challenges;
  return { files: [...reports], summary };
}

/** "17/19 (89%)": the percentage rounded down, so 79.9% never shows as a pass mark of 80; with points other than 1 per part, "… · 20/27 points". */
export function scoreText(report: FileReport, options: Pick<FormatOptions, 'points'> = {}): string {
  const parts = `${report.score}/${report.maxScore} (${Math.floor(percent(report))}%)`;
  if (!options.points || isDefaultPoints(options.points)) return parts;
  const points = filePoints(report, options.points);
  return `${parts} · ${points.points}/${points.maxPoints} points`;
}
