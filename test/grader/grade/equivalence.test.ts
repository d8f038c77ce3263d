import { describe, expect, it } from 'vitest';
import { equivalent, isCompletedSquare } from '../../../grader/grade/equivalence.ts';
import { parseExpression, type Expr } from '../../../grader/read/expression.ts';

const parse = (text: string): Expr => {
  const read = parseExpression(text, 's');
  if (!read.ok) throw new Error(`did not parse ${text}`);
  return read.expr;
};
const target = parse('s*(1-s)');

describe('equivalent', () => {
  it.each(['1/4 - (s - 1/2)^2', 's - s^2', '-(s^2) + s', '(1-s)s', '0.25 - (0.5 - s)**2', '1/4 - 4(s/2 - 1/4)^2'])(
    '%j equals s(1 − s)',
    (text) => expect(equivalent(parse(text), target)).toBe(true),
  );

  it.each(['1/4 + (s - 1/2)^2', '1/4 - (s + 1/2)^2', '(s - 1/2)^2 - 1/4', '0.2499 - (s - 0.5)^2', 's', 's - s^2 + 1e-6', 's - s^3'])(
    '%j does not',
    (text) => expect(equivalent(parse(text), target)).toBe(false),
  );

  it('does not call an answer that is undefined where the reference is defined equivalent', () => {
    // s^(1/2) is NaN for the negative sample points, where s(1 − s) is defined.
    expect(equivalent(parse('s*(1-s) + 0*s^(1/2)'), target)).toBe(false);
  });
});

describe('isCompletedSquare', () => {
  it.each([
    '1/4 - (s - 1/2)^2',
    '-(s - 1/2)^2 + 1/4',
    '0.25 - (s - 0.5)**2',
    '(1/4) - (1/2 - s)^2',
    '1/4 − (s − 1/2)²',
    '1/4 - 1*(s - 1/2)^2',
    '1/4 - (s - 1/2)^2*1',
    '-((s - 1/2)^2 - 1/4)',
    '1/4 - (2s - 1)^2/4',
    '1/8 + 1/8 - (s - 1/2)^2',
    // Decisions: hostile submissions: the square scaled as a whole, and a square written as a product of two identical factors.
    '(1 − (2s − 1)^2)/4',
    '(1 - (2s-1)**2)/4',
    '(1 − (2s − 1)²)/4',
    '1/4 - (s - 1/2)(s - 1/2)',
    '-((2s - 1)^2 - 1)/4',
  ])('%j is a completed square', (text) => expect(isCompletedSquare(parse(text))).toBe(true));

  it.each([
    's*(1-s)',
    's - s^2',
    '1/4 - (s^2 - s + 1/4)',
    '1/4 - (s - 1/2)(s + 1/2)',
    '(s - s^2)/1',
    '(1 - s)s/2',
    '1/4 - (s^2 - 1/2)^2',
    's(1/4 - (s-1/2)^2)/s',
    '1/4 - (s-1/2)^2 + s - s',
  ])('%j is not', (text) => expect(isCompletedSquare(parse(text))).toBe(false));
});
