/**
 * Grades the text or bytes of an answers file: read under limits, then
 * grade. This is what the CLI runs for each file; it loads the YAML parser.
 */
import type { GraderContext } from './context.ts';
import { errorReport, gradeAnswers } from './grade-document.ts';
import { problem } from '../messages/problems.ts';
import { readAnswersText } from '../read/answers-file.ts';
import { recoverLearner } from '../read/recover-learner.ts';
import type { FileReport } from '../schema.ts';

export interface GradeTextOptions {
  /** The path shown in the report; its extension picks YAML or JSON (else the content decides). */
  path: string;
  /** Use the learner's variant parameters; default false. */
  variants?: boolean;
  /** With variants on, a file without a learner is an error (GradeOptions.requireLearner). */
  requireLearner?: boolean;
}

/** Reads and grades one file's content with a grader's caches (createGrader); never throws. */
export function gradeText(text: string | Uint8Array, options: GradeTextOptions, grader: GraderContext): FileReport {
  try {
    const read = readAnswersText(text, options.path);
    if (!read.ok) {
      // Whose file it is, when a `learner:` line can still be read: the error is theirs, not an anonymous row's.
      const learner = read.problems[0]?.code === 'too-large' ? undefined : recoverLearner(text);
      return { ...errorReport(options.path, read.problems), ...(learner === undefined ? {} : { learner }) };
    }
    return gradeAnswers(
      read.data,
      { ...options, positions: read.positions, ...(read.conflicts ? { conflicts: read.conflicts } : {}) },
      grader,
    );
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    return errorReport(options.path, [problem('internal', '', { detail })]);
  }
}
