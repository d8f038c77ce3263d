/**
 * The grader's public API. Browser code that only grades a form should import
 * `gradeAnswers` from './grade/grade-document.ts' directly: this index also loads the YAML
 * parser (for gradeText and answersToYaml). The CLI is not exported here.
 */
export { gradeAnswers, errorReport, envelopeProblems, type GradeOptions } from './grade/grade-document.ts';
export { joinPath } from './read/answer-paths.ts';
export { gradeText, type GradeTextOptions } from './grade/grade-text.ts';
export { gradePart, type PartOutcome, type PartPlace, type PartQuestion } from './grade/part.ts';
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
