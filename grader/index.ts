/**
 * The grader's public API. Browser code that only grades a form should import
 * `gradeAnswers` from './grade.ts' directly: this index also loads the YAML
 * parser (for gradeText and answersToYaml). The CLI is not exported here.
 */
export { gradeAnswers, errorReport, envelopeProblems, type GradeOptions } from './grade.ts';
export { joinPath } from './paths.ts';
export { gradeText, type GradeTextOptions } from './grade-text.ts';
export { gradePart, type PartOutcome, type PartPlace } from './part.ts';
export { withinTolerance } from '../exercises/catalogue.ts';
export { readAnswersText, checkSize, MAX_BYTES, type ReadResult, type SourceFormat } from './read.ts';
export { answersToYaml } from './serialize.ts';
export { blankTemplate } from './template.ts';
export { formatText, type TextOptions } from './format/text.ts';
export { formatJson } from './format/json.ts';
export { formatJunit } from './format/junit.ts';
export { formatMarkdown } from './format/markdown.ts';
export { passes, percent, summarize, toReport, type FormatOptions } from './report.ts';
export { readNumber, describeNumber } from './number.ts';
export { readChoice } from './choice.ts';
export { parseExpression, printExpression, evaluate } from './expression.ts';
export { equivalent, isCompletedSquare } from './equivalence.ts';
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
