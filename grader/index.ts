/**
 * The grader's public API. createGrader() makes a grader with caches of its
 * own; gradeText, gradeAnswers and gradePart here are those of one shared
 * grader, made when this module loads, for a caller with one job. Browser
 * code that only grades a form should import `gradeAnswers` from
 * './grade/grade-document.ts' and `createGraderContext` from
 * './grade/context.ts' directly: this index also loads the YAML parser (for
 * gradeText and answersToYaml). The CLI is not exported here.
 */
import { createGrader } from './grade/grader.ts';

export { createGrader, type Grader, type GraderOptions } from './grade/grader.ts';
export { CACHE_LIMITS, createGraderContext, type CacheName, type GraderContext } from './grade/context.ts';
export { errorReport, envelopeProblems, type GradeOptions } from './grade/grade-document.ts';
export { joinPath } from './read/answer-paths.ts';
export type { GradeTextOptions } from './grade/grade-text.ts';
export type { PartOutcome, PartPlace, PartQuestion } from './grade/part.ts';

/** The shared grader behind the functions below: the only grader state this module keeps. */
export const defaultGrader = createGrader();
/** Reads and grades one answers file's content with the shared grader; never throws. */
export const gradeText = defaultGrader.gradeText;
/** Grades an answers document with the shared grader; never throws. */
export const gradeAnswers = defaultGrader.gradeAnswers;
/** Grades one answer to one part with the shared grader. */
export const gradePart = defaultGrader.gradePart;
export { withinTolerance } from '../exercises/catalogue.ts';
export { readAnswersText, checkSize, MAX_BYTES, type ReadResult, type SourceFormat } from './read/answers-file.ts';
export { answersToYaml } from './report/answers-yaml.ts';
export { blankTemplate } from './report/answers-template.ts';
export { formatText, type TextOptions } from './report/text.ts';
export { formatJson } from './report/json-report.ts';
export { formatJunit } from './report/junit.ts';
export { formatMarkdown } from './report/markdown.ts';
export { passes, percent, summarize, toReport, type FormatOptions } from './report/facts.ts';
export { readNumber, describeNumber } from './read/number.ts';
export { readChoice } from './read/choice.ts';
export { parseExpression, printExpression, evaluate } from './read/expression.ts';
export { equivalent, isCompletedSquare } from './grade/equivalence.ts';
export { MESSAGES, problem, type ProblemCode } from './messages/problems.ts';
export { PROBLEM_CODES } from './messages/codes.ts';
export {
  AnswerEnvelopeSchema,
  AnswerFileSchema,
  AnswerValueSchema,
  ExerciseAnswersSchema,
  FileReportSchema,
  ExerciseReportSchema,
  PartReportSchema,
  ProblemSchema,
  ReportSchema,
  VerdictSchema,
  type AnswerFile,
  type AnswerValue,
  type ExerciseReport,
  type FileReport,
  type PartReport,
  type Position,
  type Problem,
  type Report,
  type Verdict,
} from './schema.ts';
