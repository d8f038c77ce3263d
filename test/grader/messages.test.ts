import { describe, expect, it } from 'vitest';
import { describeTolerance } from '../../grader/messages/feedback.ts';
import { MESSAGES, problem, type ProblemParams } from '../../grader/messages/problems.ts';
import { clip, describeValue } from '../../grader/messages/quote.ts';

/** One example per code: every message the grader can print, pinned. */
const EXAMPLES: { [K in keyof ProblemParams]: ProblemParams[K] } = {
  'too-large': { bytes: 300_000, limit: 262_144 },
  'invalid-encoding': {},
  'utf16-no-bom': { order: 'little-endian' },
  binary: { kind: 'a PDF document' },
  syntax: { format: 'YAML', detail: 'Nested mappings are not allowed in compact mappings' },
  'duplicate-key': { key: 'ratio' },
  alias: {},
  tag: { tag: '!!binary' },
  'too-deep': { limit: 16 },
  'too-complex': { what: 'brackets', limit: 128 },
  'complex-key': {},
  empty: {},
  'not-a-mapping': { got: 'a list' },
  'missing-answers': {},
  'invalid-answers': { got: 'the number 5' },
  'wrong-course': { got: "the text 'deep-learning'" },
  'invalid-learner': { got: 'the number 42', limit: 200 },
  'no-learner': {},
  unreadable: { detail: 'EACCES: permission denied' },
  unlisted: { detail: "EACCES: permission denied, scandir 'submissions/locked'" },
  symlink: { reason: 'outside' },
  internal: { detail: 'TypeError: x is undefined' },
  'invalid-exercise': { exercise: 'saturation', got: 'the number 35.3' },
  'wrong-type': { got: 'a list', expected: 'a number such as 3.7e-6 or 3.7 × 10^-6' },
  'not-a-number': { text: 'about 35' },
  'not-finite': { text: 'Infinity' },
  'number-too-long': { length: 150, limit: 100 },
  calculation: { text: '0.4^3' },
  percent: { text: '6.4%', fraction: '0.064' },
  'decimal-comma': { text: '1,5', dotted: '1.5' },
  'bad-expression': { detail: "unknown name 'x'; the only variable is s", column: 3 },
  'expression-too-long': { length: 250, limit: 200 },
  'expression-too-deep': { limit: 20 },
  'not-a-choice': { text: 'maybe', choices: ['yes', 'no'] },
  'unknown-key': { key: 'anwsers', suggestion: 'answers' },
  'unknown-exercise': { exercise: 'banana' },
  'unknown-part': { exercise: 'saturation', part: 'ratoi', suggestion: 'ratio' },
  'learner-ignored': { learner: 's123456@uni.edu' },
  'also-reached': { spelling: 'hw1-adam/answers.yaml', link: true },
  'same-file': { path: 'hw1-zoe/answers.yaml' },
  'too-many-problems': { count: 12 },
};

describe('MESSAGES', () => {
  it('words every problem code', () => {
    const worded = Object.fromEntries(
      Object.entries(EXAMPLES).map(([code, params]) => [code, (MESSAGES[code as keyof ProblemParams] as (p: unknown) => string)(params)]),
    );
    expect(worded).toMatchInlineSnapshot(`
      {
        "alias": "YAML aliases (*name) are not allowed in answer files; write each value out",
        "also-reached": "this file is also reached as 'hw1-adam/answers.yaml' (a symbolic link to it); it is graded once, under its own path",
        "bad-expression": "could not read the expression: unknown name 'x'; the only variable is s (at character 3)",
        "binary": "this looks like a PDF document, not an answers file; answers files are YAML or JSON text (start from the blank template)",
        "calculation": "'0.4^3' is a calculation; work out its value and write that as a number, such as 3.7e-6 or 3.7 × 10^-6",
        "complex-key": "keys must be plain words, such as 'relu-swap'",
        "decimal-comma": "a comma is read only as a thousands separator, as in 64,128; write decimals with a point: 1.5 rather than 1,5",
        "duplicate-key": "duplicate key 'ratio'; each key may appear only once",
        "empty": "the file is empty; it needs an 'answers' mapping (start from the blank template)",
        "expression-too-deep": "the expression is nested more than 20 levels deep",
        "expression-too-long": "the expression is 250 characters long; the limit is 200",
        "internal": "the grader failed unexpectedly (TypeError: x is undefined); please report this",
        "invalid-answers": "'answers' must be a mapping from exercise ids to their answers, but it holds the number 5",
        "invalid-encoding": "the file is not valid UTF-8 text; save it as UTF-8",
        "invalid-exercise": "the answers for 'saturation' must be a mapping from part ids to answers, but they hold the number 35.3",
        "invalid-learner": "'learner' must be text of 1 to 200 characters, such as ada@example.edu, but it holds the number 42; put a numeric id in quotes, e.g. learner: "00123"",
        "learner-ignored": "this file names learner 's123456@uni.edu' but variants are off, so it was graded against the post's numbers",
        "missing-answers": "the file has no 'answers' mapping",
        "no-learner": "not graded: this course gives each learner their own numbers; set \`learner:\` to your id (the one your exercise pages use)",
        "not-a-choice": "expected one of yes, no, but got 'maybe'",
        "not-a-mapping": "the file must be a mapping with an 'answers' key, but it holds a list",
        "not-a-number": "could not read 'about 35' as a number; expected a number such as 3.7e-6 or 3.7 × 10^-6",
        "not-finite": "'Infinity' is not a finite number; expected a number such as 3.7e-6 or 3.7 × 10^-6",
        "number-too-long": "the answer is 150 characters long; a number needs at most 100, such as 3.7e-6 or 3.7 × 10^-6",
        "percent": "percentages are not accepted; write 0.064 rather than 6.4%",
        "same-file": "this file is byte for byte 'hw1-zoe/answers.yaml', with the same modification time: a symbolic link to it, or a copy; a browser cannot tell which is the original, so both are graded: check which learner wrote it",
        "symlink": "a symbolic link to a place outside the graded folder; links are followed only inside it, so it was not read",
        "syntax": "YAML syntax error: Nested mappings are not allowed in compact mappings",
        "tag": "the YAML tag '!!binary' is not allowed in answer files; write plain values",
        "too-complex": "the file holds more than 128 brackets ('[' and '{'), far more than an answers file needs, so it was not read",
        "too-deep": "the file nests deeper than 16 levels; an answers file needs only three",
        "too-large": "the file is 293.0 KiB (300,000 bytes); answer files are limited to 256.0 KiB, so it was not read",
        "too-many-problems": "12 more problems were not listed",
        "unknown-exercise": "unknown exercise 'banana'",
        "unknown-key": "unknown key 'anwsers'; did you mean 'answers'?",
        "unknown-part": "unknown part 'ratoi' in 'saturation'; did you mean 'ratio'?",
        "unlisted": "the folder could not be listed (EACCES: permission denied, scandir 'submissions/locked'), so the answer files in it were not graded",
        "unreadable": "the file could not be read (EACCES: permission denied)",
        "utf16-no-bom": "the file looks like UTF-16 text (little-endian, without a byte-order mark), not UTF-8; save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
        "wrong-course": "'course' must be 'vanishing-gradients' (this course), but the file has the text 'deep-learning'",
        "wrong-type": "expected a number such as 3.7e-6 or 3.7 × 10^-6, but got a list",
      }
    `);
  });
});

describe('problem', () => {
  it('is data: code, path, message, and line and column when known', () => {
    expect(problem('duplicate-key', 'answers.x', { key: 'x' }, { line: 3, column: 5 })).toEqual({
      path: 'answers.x',
      line: 3,
      column: 5,
      message: "duplicate key 'x'; each key may appear only once",
      code: 'duplicate-key',
    });
    expect(problem('empty', '', {})).toEqual({ path: '', message: expect.any(String), code: 'empty' });
  });
});

describe('helpers', () => {
  it('describe values, tolerances and long text', () => {
    expect([null, undefined, [1], { a: 1 }, true, 3.5, 'abc'].map(describeValue)).toEqual([
      'nothing',
      'nothing',
      'a list',
      'a mapping',
      'true (a yes/no)',
      'the number 3.5',
      "the text 'abc'",
    ]);
    expect(describeTolerance('relative', 0.01)).toBe('1%');
    expect(describeTolerance('relative', 0.005)).toBe('0.5%');
    expect(describeTolerance('absolute', 0.01)).toBe('±0.01');
    expect(clip('x'.repeat(50))).toBe(`${'x'.repeat(39)}…`);
  });
});
