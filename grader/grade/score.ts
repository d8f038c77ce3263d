/** A file's percentage: its own module, so the class summary can use it without importing the formatters' shared facts. */
import type { FileReport } from '../schema.ts';

/** The file's score as a percentage, 0–100. */
export function percent(report: Pick<FileReport, 'score' | 'maxScore'>): number {
  return report.maxScore === 0 ? 0 : (100 * report.score) / report.maxScore;
}
