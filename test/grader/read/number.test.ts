import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../engine/format.ts';
import { describeNumber, readNumber } from '../../../grader/read/number.ts';

/** Every form DESIGN.md lists, and the neighbours a learner is likely to type. */
const ACCEPTED: [string, number][] = [
  ['1e-3', 1e-3],
  ['1E-03', 1e-3],
  ['0.001', 1e-3],
  ['1/1000', 1e-3],
  ['10^-3', 1e-3],
  ['1 × 10^-3', 1e-3],
  ['1x10^-3', 1e-3],
  ['1X10^-3', 1e-3],
  ['1*10^-3', 1e-3],
  ['1·10⁻³', 1e-3],
  ['1⋅10⁻³', 1e-3],
  ['1 * 10**-3', 1e-3],
  ['10⁻³', 1e-3],
  ['1.5 × 10⁺³', 1.5e3],
  ['1.56 × 10^(-5)', 1.56e-5],
  ['1.56 × 10^{-5}', 1.56e-5],
  ['1.56×10⁻⁵', 1.56e-5],
  ['−1.56e-5', -1.56e-5],
  ['−1.56 × 10^−5', -1.56e-5],
  ['  3.9e-7  ', 3.9e-7],
  ['\t9.75e-9\n', 9.75e-9],
  ['+64', 64],
  ['- 0.5', -0.5],
  ['64,128', 64128],
  ['1,000,000.5', 1000000.5],
  ['.5', 0.5],
  ['5.', 5],
  ['1/4', 0.25],
  ['1e-3/4', 2.5e-4],
  ['10^3', 1000],
  ['2 × 10^+3', 2000],
];

describe('readNumber', () => {
  it.each(ACCEPTED)('reads %j as %d', (text, expected) => {
    expect(readNumber(text)).toEqual({ ok: true, value: expected });
  });

  it('reads the mantissa-times-power form to the same double as e-notation', () => {
    // 1.56 * 1e-5 !== 1.56e-5 in binary floating point; the reader must not multiply.
    expect(readNumber('1.56 × 10^-5')).toEqual({ ok: true, value: 1.56e-5 });
    expect(readNumber('3.9 * 10**-7')).toEqual({ ok: true, value: 3.9e-7 });
  });

  it('passes finite numbers through and refuses non-finite ones', () => {
    expect(readNumber(0.00665)).toEqual({ ok: true, value: 0.00665 });
    expect(readNumber(Number.NaN)).toMatchObject({ ok: false, code: 'not-finite' });
    expect(readNumber(-Infinity)).toMatchObject({ ok: false, code: 'not-finite' });
  });

  it.each([
    ['NaN', 'not-finite'],
    ['Infinity', 'not-finite'],
    ['-inf', 'not-finite'],
    ['.inf', 'not-finite'],
    ['∞', 'not-finite'],
    ['1e999', 'not-finite'],
    ['1/0', 'not-finite'],
    ['25%', 'percent'],
    ['0,025', 'decimal-comma'],
    ['1,5', 'decimal-comma'],
    ['1,00', 'decimal-comma'],
    ['64,12,8', 'not-a-number'],
    ['2+2', 'not-a-number'],
    ['sqrt(2)', 'not-a-number'],
    ['1e', 'not-a-number'],
    ['10^-3.5', 'not-a-number'],
    ['--3', 'not-a-number'],
    ['0x10', 'not-a-number'],
    ['abc', 'not-a-number'],
    ['1 2', 'not-a-number'],
    ['', 'not-a-number'],
  ])('refuses %j (%s)', (text, code) => {
    expect(readNumber(text)).toMatchObject({ ok: false, code });
  });

  it('refuses other types without reading them', () => {
    expect(readNumber(true)).toMatchObject({ ok: false, code: 'wrong-type' });
    expect(readNumber([1])).toMatchObject({ ok: false, code: 'wrong-type' });
    expect(readNumber({ value: 1 })).toMatchObject({ ok: false, code: 'wrong-type' });
  });

  it('refuses very long strings before trying any pattern', () => {
    expect(readNumber('1'.repeat(101))).toMatchObject({ ok: false, code: 'too-long' });
    // Surrounding spaces do not count: a right answer padded with 2,000 spaces is still read.
    expect(readNumber(`0.25${' '.repeat(2000)}`)).toEqual({ ok: true, value: 0.25 });
  });
});

describe('describeNumber', () => {
  it('shows as many significant figures as the input needs, in the shared notation', () => {
    expect(describeNumber(3.9e-7)).toBe('3.9 × 10⁻⁷');
    expect(describeNumber(1.5594e-5)).toBe('1.5594 × 10⁻⁵');
    expect(describeNumber(64128)).toBe('64,128');
    expect(describeNumber(0.025)).toBe('0.025');
    expect(describeNumber(1 / 3)).toBe('0.333333');
    expect(describeNumber(0)).toBe('0');
    expect(describeNumber(-0.5)).toBe('−0.5');
  });
});

describe('the quick paths give what the general ones give', () => {
  it('describeNumber counts the digits of the shortest round-trip form as the regular expression did', () => {
    const oracle = (x: number): string => formatNumber(x, { sig: Math.min(6, x.toExponential().replace(/^-|e.*$|\./g, '').length) });
    const numbers = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer().map((n) => n / 1000),
      fc.integer({ min: -20, max: 20 }).map((e) => 1.5 * 10 ** e),
    );
    fc.assert(
      fc.property(numbers, (x) => describeNumber(x) === oracle(x)),
      { numRuns: 3000 },
    );
  });

  it('readNumber reads a plain number as it reads the same text behind a space (which takes the general path)', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), maxLength: 25 });
    const plain = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        digits,
        fc.constantFrom('', '.'),
        digits,
        fc.constantFrom('', 'e', 'E', 'e-', 'e+'),
        fc.string({ unit: fc.constantFrom('0', '3', '9'), maxLength: 4 }),
      )
      .map((p) => p.join(''));
    const anything = fc.string({
      unit: fc.constantFrom('0', '7', '.', '-', '+', 'e', 'E', ' ', ',', 'x', '×', '^', '/', '−'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.oneof(plain, anything), (text) => {
        expect(readNumber(text)).toEqual(readNumber(` ${text}`));
      }),
      { numRuns: 3000 },
    );
    expect(readNumber('-0')).toEqual({ ok: true, value: -0 });
    expect(readNumber('1e400')).toEqual({ ok: false, code: 'not-finite', text: '1e400' });
  });
});
