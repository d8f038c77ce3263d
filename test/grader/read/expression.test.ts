import { describe, expect, it } from 'vitest';
import {
  evaluate,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  parseExpression,
  printExpression,
  type Expr,
} from '../../../grader/read/expression.ts';

const parse = (text: string): Expr => {
  const read = parseExpression(text, 's');
  if (!read.ok) throw new Error(`did not parse ${text}: ${JSON.stringify(read.failure)}`);
  return read.expr;
};
/** The value at s, computed by hand for each case below (the oracle). */
const at = (text: string, s: number): number => evaluate(parse(text), s);

describe('parseExpression: the grammar', () => {
  it.each([
    ['1/4 - (s - 1/2)^2', 0.3, 0.25 - 0.04],
    ['1/4 - (s - 1/2)**2', 0.3, 0.21],
    ['1/4 − (s − 1/2)²', 0.3, 0.21],
    ['0.25-(s-0.5)^2', 0.3, 0.21],
    ['s*(1-s)', 0.3, 0.21],
    ['s(1-s)', 0.3, 0.21],
    ['(s)(1-s)', 0.3, 0.21],
    ['2s', 0.3, 0.6],
    ['2(s-1)', 0.3, -1.4],
    ['2 s^2', 3, 18],
    ['-s^2', 3, -9],
    ['(-s)^2', 3, 9],
    ['2^3^2', 0, 512],
    ['2^-1', 0, 0.5],
    ['s⁻¹', 4, 0.25],
    ['1 - - s', 2, 3],
    ['+s', 2, 2],
    ['6/2/3', 0, 1],
    ['8 - 2 - 1', 0, 5],
    ['1.5e1 s', 2, 30],
    ['2 × s ÷ 4 · 2', 1, 1],
    ['((((s))))', 7, 7],
  ])('%j at s = %d is %d', (text, s, value) => {
    expect(at(text, s)).toBeCloseTo(value, 12);
  });

  it('refuses everything outside the grammar, saying where', () => {
    const failure = (text: string) => {
      const read = parseExpression(text, 's');
      return read.ok ? undefined : read.failure;
    };
    expect(failure('sigma(1-sigma)')).toEqual({ code: 'bad-expression', reason: 'unknown-name', token: 'sigma', column: 1 });
    expect(failure('x^2')).toMatchObject({ reason: 'unknown-name', token: 'x' });
    expect(failure('Math.exp(1)')).toMatchObject({ reason: 'unknown-name', token: 'Math' });
    expect(failure('s; alert(1)')).toMatchObject({ reason: 'unexpected-character', token: ';', column: 2 });
    expect(failure('(s - 1')).toMatchObject({ reason: 'missing-close', column: 7 });
    expect(failure('s - 1)')).toMatchObject({ reason: 'unexpected-close', column: 6 });
    expect(failure('s -')).toMatchObject({ reason: 'unexpected-end' });
    expect(failure('s * / 2')).toMatchObject({ reason: 'unexpected-token', token: '/' });
    expect(failure('')).toMatchObject({ reason: 'empty' });
    expect(failure('2 3')).toMatchObject({ reason: 'unexpected-token', token: '3', column: 3 });
    expect(failure('1.2.3')).toMatchObject({ reason: 'unexpected-token', token: '.3' });
    expect(failure('[s]')).toMatchObject({ reason: 'unexpected-character', token: '[' });
    // Superscript digits and minus are exponents (s⁻¹ above); a superscript plus is not (a number takes it: number.test.ts).
    expect(failure('s⁺²')).toMatchObject({ reason: 'unexpected-character', token: '⁺', column: 2 });
  });

  it('caps the length', () => {
    const long = `s${' + s'.repeat(50)}`;
    expect(long.length).toBeGreaterThan(MAX_EXPRESSION_LENGTH);
    expect(parseExpression(long, 's')).toEqual({ ok: false, failure: { code: 'expression-too-long', length: long.length } });
    expect(parseExpression('s + s'.padEnd(MAX_EXPRESSION_LENGTH, ' '), 's').ok).toBe(true);
  });

  it('caps the nesting depth of parentheses, signs and powers', () => {
    const nested = (n: number) => `${'('.repeat(n)}s${')'.repeat(n)}`;
    expect(parseExpression(nested(MAX_EXPRESSION_DEPTH), 's').ok).toBe(true);
    expect(parseExpression(nested(MAX_EXPRESSION_DEPTH + 1), 's')).toEqual({ ok: false, failure: { code: 'expression-too-deep' } });
    expect(parseExpression(`${'-'.repeat(MAX_EXPRESSION_DEPTH + 1)}s`, 's')).toEqual({
      ok: false,
      failure: { code: 'expression-too-deep' },
    });
    expect(parseExpression(`s${'^s'.repeat(MAX_EXPRESSION_DEPTH + 1)}`, 's')).toEqual({
      ok: false,
      failure: { code: 'expression-too-deep' },
    });
  });

  it('is not an evaluator of anything else: names never resolve', () => {
    for (const text of ['constructor', 'process', 'this', 'e', 'pi', 'eval(s)']) {
      expect(parseExpression(text, 's')).toMatchObject({ ok: false, failure: { reason: 'unknown-name' } });
    }
    expect(parseExpression('__proto__', 's')).toMatchObject({ ok: false, failure: { reason: 'unexpected-character', token: '_' } });
    expect(parseExpression('s + 😀', 's')).toMatchObject({
      ok: false,
      failure: { reason: 'unexpected-character', token: '😀', column: 5 },
    });
  });
});

describe('printExpression', () => {
  it.each([
    ['1/4 - (s - 1/2)^2', '1/4 − (s − 1/2)^2'],
    ['s*(1-s)', 's·(1 − s)'],
    ['2s', '2·s'],
    ['-(s-0.5)**2 + 0.25', '−(s − 0.5)^2 + 0.25'],
    ['(-s)^2', '(−s)^2'],
    ['a'.length ? '(2^3)^2' : '', '(2^3)^2'],
    ['2^(3^2)', '2^3^2'],
    ['1-(2-s)', '1 − (2 − s)'],
    ['1/(2*s)', '1/(2·s)'],
    ['s^-1', 's^−1'],
  ])('%j prints as %j', (text, printed) => {
    expect(printExpression(parse(text))).toBe(printed);
  });

  it('prints text that reads back to the same function', () => {
    for (const text of ['1/4 - (s - 1/2)^2', '-(-s)^-2', '2^-s^2', '1-(2-(3-s))', 's/(s/(s/2))', '-s - -s*2']) {
      const again = parse(printExpression(parse(text)));
      for (const s of [-1.3, 0.4, 2.2]) expect(evaluate(again, s)).toBeCloseTo(at(text, s), 12);
    }
  });
});
