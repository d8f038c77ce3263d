/**
 * Why a file found among a class's answer files was not graded, worded once
 * for the CLI's terminal and the browser's class report (grader/class/files.ts
 * decides; this says it).
 */
import { q } from './quote.ts';

export const SKIPS = {
  /** The class report's heading over the notes. */
  heading: 'Files not graded',
  nearMiss: (path: string, meant: string) =>
    `skipped ${q(path)}: its name ends in an extra extension; rename it to ${q(meant)} to grade it`,
  graderReport: (path: string) => `skipped ${q(path)}: it is a grader report, not an answers file`,
};
