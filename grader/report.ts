/**
 * Facts every formatter shares: a file's percentage, whether it passes
 * --min-score, and the summary. Formatters are pure functions of reports.
 */
import type { FileReport, Report } from './schema.ts';

/** Options every formatter takes. */
export interface FormatOptions {
  /** The pass mark in percent (--min-score); default 0. */
  minScore?: number;
}

/** The file's score as a percentage, 0–100. */
export function percent(report: FileReport): number {
  return report.maxScore === 0 ? 0 : (100 * report.score) / report.maxScore;
}

/** True when the file was graded and reached the pass mark. */
export function passes(report: FileReport, minScore = 0): boolean {
  return report.status === 'graded' && percent(report) >= minScore;
}

/** The JSON report's summary: files given, graded, and failed (unreadable or below the mark). */
export function summarize(reports: readonly FileReport[], minScore = 0): Report['summary'] {
  return {
    files: reports.length,
    graded: reports.filter((r) => r.status === 'graded').length,
    failed: reports.filter((r) => !passes(r, minScore)).length,
  };
}

/** The whole report as the JSON formatter writes it. */
export function toReport(reports: readonly FileReport[], options: FormatOptions = {}): Report {
  return { files: [...reports], summary: summarize(reports, options.minScore) };
}

/** "17/19 (89%)": the percentage rounded down, so 79.9% never shows as a pass mark of 80. */
export function scoreText(report: FileReport): string {
  return `${report.score}/${report.maxScore} (${Math.floor(percent(report))}%)`;
}
