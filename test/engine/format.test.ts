import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact, formatNumber, readable, superscript } from '../../engine/format.ts';

// Oracle: the formats the lessons and the grader's feedback promise ("1.56 × 10⁻⁵", "64,128", "0.0250").
describe('formatNumber', () => {
  it('writes small numbers in Unicode scientific notation with 3 significant figures', () => {
    expect(formatNumber(1.5594e-5)).toBe('1.56 × 10⁻⁵');
    expect(formatNumber(3.8887e-7)).toBe('3.89 × 10⁻⁷');
    expect(formatNumber(-1.5594e-7)).toBe('−1.56 × 10⁻⁷');
    expect(formatNumber(1e-3 * 0.999)).toBe('9.99 × 10⁻⁴');
  });

  it('groups thousands and keeps significant trailing zeros in plain notation', () => {
    expect(formatNumber(64128.4, { sig: 5 })).toBe('64,128');
    expect(formatNumber(0.025)).toBe('0.0250');
    expect(formatNumber(0.2498, { sig: 4 })).toBe('0.2498');
    expect(formatNumber(35.33)).toBe('35.3');
    expect(formatNumber(1234567, { notation: 'plain', sig: 7 })).toBe('1,234,567');
    expect(formatNumber(64128, { sig: 5, group: false })).toBe('64128');
  });

  it('counts digits after rounding, so 99.96 becomes 100', () => {
    expect(formatNumber(99.96)).toBe('100');
    expect(formatNumber(0.0009996, { notation: 'plain' })).toBe('0.00100');
  });

  it('switches to scientific from 1e6 and offers an ASCII style', () => {
    expect(formatNumber(2.5e6)).toBe('2.50 × 10⁶');
    expect(formatNumber(1.5594e-5, { style: 'ascii' })).toBe('1.56e-5');
    expect(formatNumber(-0.5, { style: 'ascii' })).toBe('-0.500');
    expect(formatNumber(0.025, { notation: 'scientific', style: 'ascii' })).toBe('2.50e-2');
  });

  it('prints zero and non-finite values as they are', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});

describe('superscript', () => {
  it('maps digits and the minus sign', () => {
    expect(superscript(-10)).toBe('⁻¹⁰');
    expect(superscript(6)).toBe('⁶');
  });
});

describe('exact and readable, the one way the course writes given and computed values', () => {
  it('writes a given value with just the digits it has, whatever floating point did to it', () => {
    expect([0.1, 0.125, 10, 0.5 * 0.2, 4.5, 2, 0.1 + 0.2].map((v) => exact(v))).toEqual(['0.1', '0.125', '10', '0.1', '4.5', '2', '0.3']);
    expect(exact(Math.PI)).toBe('3.14159');
  });

  it('drops padding zeros and keeps whole thousands', () => {
    expect([0.25, 0.001, 5, 8e-6, 1.5594e-5, 64128, 2566800, -0.5, 'better'].map(readable)).toEqual([
      '0.25',
      '0.001',
      '5',
      '8 × 10⁻⁶',
      '1.56 × 10⁻⁵',
      '64,128',
      '2.57 × 10⁶',
      '−0.5',
      'better',
    ]);
  });
});

describe('formatNumber against its first, regular-expression version', () => {
  /** The formatter as first written: the oracle for the loop in superscript and the skipped grouping. */
  const SUP: Record<string, string> = {
    '-': '⁻',
    '0': '⁰',
    '1': '¹',
    '2': '²',
    '3': '³',
    '4': '⁴',
    '5': '⁵',
    '6': '⁶',
    '7': '⁷',
    '8': '⁸',
    '9': '⁹',
  };
  const oracleSuperscript = (n: number): string => String(n).replace(/[-0-9]/g, (c) => SUP[c] ?? c);
  function oracle(x: number, sig: number, notation: 'auto' | 'plain' | 'scientific', style: 'unicode' | 'ascii', group: boolean): string {
    if (!Number.isFinite(x)) return String(x);
    if (x === 0) return '0';
    const abs = Math.abs(x);
    if (notation === 'scientific' || (notation === 'auto' && (abs < 1e-3 || abs >= 1e6))) {
      const [mantissa = '', exp = '0'] = x.toExponential(sig - 1).split('e');
      const e = Number(exp);
      if (style === 'ascii') return `${mantissa}e${e}`;
      return `${mantissa.startsWith('-') ? '−' : ''}${mantissa.replace('-', '')} × 10${oracleSuperscript(e)}`;
    }
    const rounded = Number(x.toPrecision(sig));
    const decimals = Math.max(0, sig - (Math.floor(Math.log10(Math.abs(rounded))) + 1));
    let text = rounded.toFixed(decimals);
    if (group) {
      const [int = '', frac] = text.split('.');
      text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac === undefined ? '' : `.${frac}`);
    }
    return style === 'unicode' ? text.replace('-', '−') : text;
  }

  it('gives the same text for any number and options', () => {
    const numbers = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -20, max: 20 }).chain((e) => fc.double({ min: -10, max: 10, noNaN: true }).map((m) => m * 10 ** e)),
      fc.integer({ min: -1e7, max: 1e7 }),
    );
    const options = fc.tuple(
      fc.integer({ min: 1, max: 8 }),
      fc.constantFrom('auto', 'plain', 'scientific'),
      fc.constantFrom('unicode', 'ascii'),
      fc.boolean(),
    );
    fc.assert(
      fc.property(numbers, options, (x, [sig, notation, style, group]) => {
        // Plain notation of a tiny number throws (toFixed takes at most 100 digits): then both must.
        const outcome = (f: () => string): string => {
          try {
            return f();
          } catch (error) {
            return `threw ${String(error)}`;
          }
        };
        expect(outcome(() => formatNumber(x, { sig, notation, style, group }))).toBe(outcome(() => oracle(x, sig, notation, style, group)));
      }),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.integer({ min: -400, max: 400 }), (n) => superscript(n) === oracleSuperscript(n)));
  });
});
