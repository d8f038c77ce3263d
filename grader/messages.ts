/**
 * Every English sentence the grader prints lives here, so wording is reviewed
 * (and could be translated) in one place. Problems are data ({code, path,
 * line?, column?, message}); these pure functions turn a code and its
 * parameters into the message.
 */

import { COURSE_ID } from './constants.ts';
import type { Position, Problem } from './schema.ts';

/** Parameters for each problem code; the code decides the wording. */
export interface ProblemParams {
  // The file as a whole: it could not be read or validated.
  'too-large': { bytes: number; limit: number };
  'invalid-encoding': Record<string, never>;
  syntax: { format: 'YAML' | 'JSON'; detail: string };
  'duplicate-key': { key: string };
  alias: Record<string, never>;
  tag: { tag: string };
  'too-deep': { limit: number };
  'complex-key': Record<string, never>;
  empty: Record<string, never>;
  'not-a-mapping': { got: string };
  'missing-answers': Record<string, never>;
  'invalid-answers': { got: string };
  'wrong-course': { got: string };
  'invalid-learner': { got: string; limit: number };
  unreadable: { detail: string };
  unlisted: { detail: string };
  internal: { detail: string };
  // One exercise or one part: the part is `invalid`, the rest is graded.
  'invalid-exercise': { exercise: string; got: string };
  'wrong-type': { got: string; expected: string };
  'not-a-number': { text: string };
  /** Arithmetic such as 0.4^3: readable, but a number part takes the value, not the working. */
  calculation: { text: string };
  'not-finite': { text: string };
  /** `fraction`: the learner's own percentage as a fraction ("0.064" for "6.4%"), when it reads as one. */
  percent: { text: string; fraction?: string };
  /** `dotted`: the learner's own text with the comma as a point ("0.25" for "0,25"). */
  'decimal-comma': { text: string; dotted: string };
  'bad-expression': { detail: string; column: number };
  'expression-too-long': { length: number; limit: number };
  'expression-too-deep': { limit: number };
  'not-a-choice': { text: string; choices: readonly string[] };
  // Warnings: reported, never failing the file.
  'unknown-key': { key: string; suggestion?: string };
  'unknown-exercise': { exercise: string; suggestion?: string };
  'unknown-part': { exercise: string; part: string; suggestion?: string; owner?: string };
  'too-many-problems': { count: number };
}

export type ProblemCode = keyof ProblemParams;

const NUMBER_EXAMPLE = 'expected a number such as 1.56e-5 or 1.56 × 10^-5';
const q = (text: string): string => `'${text}'`;
const didYouMean = (suggestion?: string): string => (suggestion ? `; did you mean ${q(suggestion)}?` : '');

/** The wording of each problem code. */
export const MESSAGES: { [K in ProblemCode]: (p: ProblemParams[K]) => string } = {
  'too-large': (p) =>
    `the file is ${kib(p.bytes)} (${p.bytes.toLocaleString('en-US')} bytes); answer files are limited to ` +
    `${kib(p.limit)}, so it was not read`,
  'invalid-encoding': () => 'the file is not valid UTF-8 text; save it as UTF-8',
  syntax: (p) => `${p.format} syntax error: ${p.detail}`,
  'duplicate-key': (p) => `duplicate key ${q(clip(p.key))}; each key may appear only once`,
  alias: () => 'YAML aliases (*name) are not allowed in answer files; write each value out',
  tag: (p) => `the YAML tag ${q(p.tag)} is not allowed in answer files; write plain values`,
  'too-deep': (p) => `the file nests deeper than ${p.limit} levels; an answers file needs only three`,
  'complex-key': () => "keys must be plain words, such as 'relu-swap'",
  empty: () => "the file is empty; it needs an 'answers' mapping (start from the blank template)",
  'not-a-mapping': (p) => `the file must be a mapping with an 'answers' key, but it holds ${p.got}`,
  'missing-answers': () => "the file has no 'answers' mapping",
  'invalid-answers': (p) => `'answers' must be a mapping from exercise ids to their answers, but it holds ${p.got}`,
  'wrong-course': (p) => `'course' must be ${q(COURSE_ID)} (this course), but the file has ${p.got}`,
  'invalid-learner': (p) =>
    `'learner' must be text of 1 to ${p.limit} characters, such as ada@example.edu, but it holds ${p.got}` +
    // A numeric id read as a YAML number may already have lost leading zeros, so ask for quotes rather than guess.
    (p.got.startsWith('the number') ? '; put a numeric id in quotes, e.g. learner: "00123"' : ''),
  unreadable: (p) => `the file could not be read (${p.detail})`,
  unlisted: (p) => `the folder could not be listed (${p.detail}), so the answer files in it were not graded`,
  internal: (p) => `the grader failed unexpectedly (${p.detail}); please report this`,
  'invalid-exercise': (p) =>
    `the answers for ${q(p.exercise)} must be a mapping from part ids to answers, but they hold ${p.got}`,
  'wrong-type': (p) => `expected ${p.expected}, but got ${p.got}`,
  'not-a-number': (p) => `could not read ${q(clip(p.text))} as a number; ${NUMBER_EXAMPLE}`,
  'not-finite': (p) => `${q(clip(p.text))} is not a finite number; ${NUMBER_EXAMPLE}`,
  calculation: (p) =>
    `${q(clip(p.text))} is a calculation; work out its value and write that as a number, such as 1.56e-5 or 1.56 × 10^-5`,
  // Both examples echo the learner's own number: a fixed example could be some exercise's answer.
  percent: (p) =>
    p.fraction === undefined
      ? `percentages are not accepted; write ${q(clip(p.text))} as a plain number`
      : `percentages are not accepted; write ${p.fraction} rather than ${clip(p.text)}`,
  'decimal-comma': (p) =>
    `a comma is read only as a thousands separator, as in 64,128; write decimals with a point: ${clip(p.dotted)} rather than ${clip(p.text)}`,
  'bad-expression': (p) => `could not read the expression: ${p.detail} (at character ${p.column})`,
  'expression-too-long': (p) => `the expression is ${p.length} characters long; the limit is ${p.limit}`,
  'expression-too-deep': (p) => `the expression is nested more than ${p.limit} levels deep`,
  'not-a-choice': (p) => `expected one of ${p.choices.join(', ')}, but got ${q(clip(p.text))}`,
  'unknown-key': (p) => `unknown key ${q(clip(p.key))}${didYouMean(p.suggestion)}`,
  'unknown-exercise': (p) => `unknown exercise ${q(clip(p.exercise))}${didYouMean(p.suggestion)}`,
  'unknown-part': (p) =>
    `unknown part ${q(clip(p.part))} in ${q(p.exercise)}` +
    (p.owner ? `; ${q(p.part)} is a part of ${q(p.owner)}` : didYouMean(p.suggestion)),
  'too-many-problems': (p) => `${p.count} more problems were not listed`,
};

/** Builds a problem: the code and its parameters decide the message; `at` adds line and column. */
export function problem<K extends ProblemCode>(code: K, path: string, params: ProblemParams[K], at?: Position): Problem {
  const message = MESSAGES[code](params);
  return at ? { path, line: at.line, column: at.column, message, code } : { path, message, code };
}

/** Comments in the blank answers template and in downloaded answers. */
export const TEMPLATE = {
  header: [
    'Vanishing Gradients: answers file.',
    'Write each answer after its colon; leave it empty to skip it. Then grade it with:',
    '  npm run grade -- answers.yaml',
    'Numbers may be written as 1.56e-5, 1.56 × 10^-5, 1.56*10**-5, 1/1000 or 0.001.',
  ],
  learner: 'learner: ada@example.edu   # uncomment when your instructor gives each learner their own numbers',
  parameters: (list: string) => `The post's numbers: ${list}. With variants on, use the numbers your exercise page shows.`,
  choice: (choices: readonly string[]) => `(${choices.join(' | ')})`,
  expression: (variable: string) => `(an expression in ${variable}, in quotes)`,
  number: '(a number)',
  downloaded: ['Vanishing Gradients: answers saved from the course site.', 'Grade this file with: npm run grade -- <this file>'],
};

/** The CLI's help and usage errors. */
export const CLI = {
  help: [
    'Grades Vanishing Gradients answer files (YAML or JSON).',
    '',
    'Usage:',
    '  npm run grade -- <file or folder>... [--format text|json|junit|markdown] [--out FILE] [--min-score PERCENT]',
    '  npm run grade -- --template [--out FILE]',
    '',
    'Options:',
    '  --format FORMAT     text (default), json, junit or markdown',
    '  --out FILE          write the report to FILE (the text report still goes to the terminal)',
    '  --min-score PERCENT files scoring below this fail (exit code 1); default 0',
    '  --variants          grade each learner\'s own variant; --no-variants grades the post\'s numbers',
    '                      (default: `variants` in course.config.ts)',
    '  --template          print a blank answers template with every question as a comment',
    '  --help              show this help',
    '',
    'Folders are searched recursively for *.yaml, *.yml and *.json (hidden folders and node_modules skipped).',
    'Exit codes: 0 every file graded and at or above --min-score; 1 a file unreadable, invalid or below',
    '--min-score; 2 usage error (unknown flag, no paths, a path that does not exist, no answer files found,',
    'an --out that cannot be written).',
  ].join('\n'),
  seeHelp: 'Run with --help for usage.',
  unknownFlag: (flag: string) => `unknown option ${q(flag)}`,
  missingValue: (flag: string) => `${flag} needs a value`,
  badFormat: (value: string) => `unknown format ${q(value)}; use text, json, junit or markdown`,
  badMinScore: (value: string) => `--min-score takes a percentage from 0 to 100, not ${q(value)}`,
  noPaths: 'no answer files or folders given',
  templateTakesNoPaths: '--template takes no paths',
  notFound: (path: string) => `${q(path)} does not exist`,
  notAFile: 'not a regular file',
  noFiles: (path: string) => `no answer files (*.yaml, *.yml, *.json) found in ${q(path)}`,
  outIsFolder: (out: string) => `--out ${q(out)} is a folder; give a file name`,
  outFolderMissing: (out: string, folder: string) => `cannot write --out ${q(out)}: the folder ${q(folder)} does not exist`,
  cannotWrite: (out: string, detail: string) => `cannot write --out ${q(out)} (${detail})`,
  badConfig: (detail: string) => `cannot load course.config.ts:\n${detail}`,
  moreAnnotations: (count: number) => `${count} more problems are in the job summary and the report`,
};

/** Words the report formatters print around the data. */
export const LABELS = {
  title: 'Vanishing Gradients — grading report',
  verdicts: { correct: 'correct', incorrect: 'incorrect', invalid: 'invalid', missing: 'missing' },
  error: 'error',
  warning: 'warning',
  fileError: 'could not be graded',
  where: (path: string, line?: number, column?: number) =>
    `${path || '(file)'}${line === undefined ? '' : ` (line ${line}${column === undefined ? '' : `, column ${column}`})`}`,
  summary: (files: number, graded: number, failed: number, minScore: number) =>
    `${files} ${files === 1 ? 'file' : 'files'}: ${graded} graded, ${failed} failed` +
    (minScore > 0 ? ` (pass mark ${minScore}%)` : ''),
  /** With no pass mark (--min-score 0) every graded file "passes", so the result only says it was graded. */
  passed: (minScore: number) => (minScore > 0 ? `reached ${minScore}%` : 'graded'),
  belowMark: (minScore: number) => `below ${minScore}%`,
  markdownColumns: { file: 'File', status: 'Status', score: 'Score', result: 'Result' },
  markdownPartColumns: { exercise: 'Exercise', part: 'Part', verdict: 'Verdict', feedback: 'Feedback' },
  markdownToRevisit: (path: string) => `Parts to revisit in ${path}`,
  markdownProblems: (path: string) => `Problems in ${path}`,
  allCorrect: 'Every part is correct.',
  junitSuite: 'vanishing-gradients',
  junitReadCase: 'read and validate the file',
};

/** Wording of an invalid course.config.ts: a one-line preamble, then one line per field. */
export const COURSE_CONFIG = {
  preamble: 'Invalid course settings in course.config.ts:',
  line: (path: string, text: string) => `- **${path}**: ${text}`,
  unknownKeys: (known: readonly string[]) => `unknown setting (known: ${known.join(', ')})`,
  invalidType: (expected: string, value: unknown) => `expected ${expected}, got ${describeValue(value)}`,
  tooSmall: (min: unknown, text: boolean) =>
    text && min === 1 ? 'must not be empty' : `must be at least ${String(min)}${text ? ' characters' : ''}`,
  tooBig: (max: unknown, text: boolean) => `must be at most ${String(max)}${text ? ' characters' : ''}`,
  invalidValue: (value: unknown) => `invalid value: ${describeValue(value)}`,
};

/** Details inside an expression error (the parser reports a code, not prose). */
export const EXPRESSION_DETAILS = {
  'unexpected-character': (c: string) => `unexpected character ${q(c)}`,
  'unknown-name': (name: string, variable: string) =>
    `unknown name ${q(name)}; the only variable is ${variable}`,
  'missing-close': () => "a '(' is never closed",
  'unexpected-close': () => "unexpected ')'",
  'unexpected-end': () => 'the expression ends too early',
  'unexpected-token': (t: string) => `unexpected ${q(t)}`,
  empty: () => 'the expression is empty',
} as const;

/** Details inside a JSON syntax error. */
export const JSON_DETAILS = {
  unexpected: (c: string) => `${q(c)}`,
  end: () => 'the end of the file',
  unterminated: () => 'a string is never closed',
  control: () => 'a line break or control character inside a string; write it as \\n',
  escape: () => 'an invalid escape inside a string',
  key: (found: string) => `expected a key in double quotes but found ${found}`,
  colon: (found: string) => `expected ':' after the key but found ${found}`,
  after: (close: string, found: string) => `expected ',' or '${close}' but found ${found}`,
  value: (found: string) => `expected a value but found ${found}`,
  trailing: () => 'more text after the end of the JSON value',
} as const;

/** Feedback for a part's verdict; `readAs` is how the grader read the input. */
export const FEEDBACK = {
  missing: () => 'no answer given',
  correct: (readAs: string) => `correct (read as ${readAs})`,
  misconception: (readAs: string, feedback: string) => `read as ${readAs}. ${feedback}`,
  offNumber: (readAs: string, tolerance: string, direction: 'large' | 'small' | 'sign') =>
    `read as ${readAs}, which is not within ${tolerance} of the expected value` +
    (direction === 'sign' ? ' and has the wrong sign' : `: it is too ${direction}`) +
    '; recheck the steps (the hints help)',
  offExpression: (readAs: string, variable: string) =>
    `read as ${readAs}, which does not equal the expected expression for every ${variable}`,
  wrongForm: (readAs: string) =>
    `read as ${readAs}: that is equivalent, but not a completed square; write it as a constant minus a square, c − (s − a)^2`,
  offChoice: (readAs: string) => `read as ${q(readAs)}, which is not the expected answer`,
  invalid: (message: string) => message,
};

/** Describes a value's type in a message: "a list", "true (a yes/no)", "nothing". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return `${value} (a yes/no)`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `the text ${q(clip(value))}`;
  return `a ${typeof value}`;
}

/** Shortens learner text quoted in a message to 40 characters. */
export function clip(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A tolerance as a reader sees it: "1%" or "±0.001". */
export function describeTolerance(kind: 'relative' | 'absolute', value: number): string {
  return kind === 'relative' ? `${Number((value * 100).toPrecision(3))}%` : `±${value}`;
}

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
