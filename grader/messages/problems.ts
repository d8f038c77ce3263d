/**
 * The problem catalogue: the sentence for each problem code. Problems are
 * data ({code, path, line?, column?, message}); these pure functions turn a
 * code and its parameters into the message a learner reads.
 */
import { COURSE_ID } from '../constants.ts';
import type { Position, Problem } from '../schema.ts';
import type { ProblemCode, ProblemParams } from './codes.ts';
import { clip, didYouMean, kib, q } from './quote.ts';

export type { ProblemCode, ProblemParams } from './codes.ts';

/** An example number in messages: no exercise's or checkpoint's answer (a test holds it to that), so it never hints at one. */
export const EXAMPLE_NUMBER = 3.7e-6;
export const EXAMPLE_TEXT = '3.7e-6 or 3.7 × 10^-6';
const NUMBER_EXAMPLE = `expected a number such as ${EXAMPLE_TEXT}`;

/** What the YAML pre-check counted, in words. */
const TOO_COMPLEX = {
  brackets: "brackets ('[' and '{')",
  commas: 'commas',
  entries: "list entries ('- ')",
  anchors: "anchors and aliases ('&name', '*name')",
  indents: 'steps of indentation',
} as const;

/** The wording of each problem code. */
export const MESSAGES: { [K in ProblemCode]: (p: ProblemParams[K]) => string } = {
  'too-large': (p) =>
    (p.atLeast ? `the file is more than ${kib(p.limit)}` : `the file is ${kib(p.bytes)} (${p.bytes.toLocaleString('en-US')} bytes)`) +
    `; answer files are limited to ` +
    `${kib(p.limit)}, so it was not read`,
  'invalid-encoding': () => 'the file is not valid UTF-8 text; save it as UTF-8',
  'utf16-no-bom': (p) =>
    `the file looks like UTF-16 text (${p.order}, without a byte-order mark), not UTF-8; save it as UTF-8 ` +
    '(in Notepad: Save As, Encoding: UTF-8)',
  binary: (p) => `this looks like ${p.kind}, not an answers file; answers files are YAML or JSON text (start from the blank template)`,
  syntax: (p) => `${p.format} syntax error: ${p.detail}`,
  'duplicate-key': (p) =>
    `duplicate key ${q(clip(p.key))}${p.firstLine === undefined || p.line === undefined ? '' : ` on lines ${p.firstLine} and ${p.line}`}; each key may appear only once`,
  alias: () => 'YAML aliases (*name) are not allowed in answer files; write each value out',
  tag: (p) => `the YAML tag ${q(p.tag)} is not allowed in answer files; write plain values`,
  'too-deep': (p) => `the file nests deeper than ${p.limit} levels; an answers file needs only three`,
  'too-complex': (p) =>
    `the file holds more than ${p.limit} ${TOO_COMPLEX[p.what]}, far more than an answers file needs, so it was not read`,
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
  'no-learner': () =>
    'not graded: this course gives each learner their own numbers; set `learner:` to your id (the one your exercise pages use)',
  unreadable: (p) => `the file could not be read (${p.detail})`,
  'same-file': (p) =>
    `this file is byte for byte ${q(p.path)}, with the same modification time: a symbolic link to it, or a copy; ` +
    'a browser cannot tell which is the original, so both are graded: check which learner wrote it',
  'also-reached': (p) =>
    `this file is also reached as ${q(p.spelling)}${p.link ? ' (a symbolic link to it)' : ''}; it is graded once, under its own path`,
  unlisted: (p) => `the folder could not be listed (${p.detail}), so the answer files in it were not graded`,
  symlink: (p) =>
    p.reason === 'outside'
      ? 'a symbolic link to a place outside the graded folder; links are followed only inside it, so it was not read'
      : p.reason === 'loop'
        ? 'a symbolic link that leads back to itself (a loop), so it was not read'
        : 'a symbolic link to nothing (its target does not exist), so it was not read',
  internal: (p) => `the grader failed unexpectedly (${p.detail}); please report this`,
  'invalid-exercise': (p) => `the answers for ${q(p.exercise)} must be a mapping from part ids to answers, but they hold ${p.got}`,
  'wrong-type': (p) => `expected ${p.expected}, but got ${p.got}`,
  'not-a-number': (p) => `could not read ${q(clip(p.text))} as a number; ${NUMBER_EXAMPLE}`,
  'not-finite': (p) => `${q(clip(p.text))} is not a finite number; ${NUMBER_EXAMPLE}`,
  'number-too-long': (p) => `the answer is ${p.length} characters long; a number needs at most ${p.limit}, such as ${EXAMPLE_TEXT}`,
  calculation: (p) => `${q(clip(p.text))} is a calculation; work out its value and write that as a number, such as ${EXAMPLE_TEXT}`,
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
  'learner-ignored': (p) =>
    `this file names learner ${q(clip(p.learner))} but variants are off, so it was graded against the post's numbers`,
  'too-many-problems': (p) => `${p.count} more problems were not listed`,
};

/** Builds a problem: the code and its parameters decide the message; `at` adds line and column. */
export function problem<K extends ProblemCode>(code: K, path: string, params: ProblemParams[K], at?: Position): Problem {
  const message = MESSAGES[code](params);
  return at ? { path, line: at.line, column: at.column, message, code } : { path, message, code };
}
