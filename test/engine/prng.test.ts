import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, hashString, shuffleInPlace } from '../../engine/prng.ts';

const SAMPLES = 100_000;
/** Five standard errors: a correct generator fails a check about once in 1.7 million runs. */
const Z = 5;

const draw = (n: number, f: () => number) => Array.from({ length: n }, f);
const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const varianceOf = (xs: number[]) => {
  const m = meanOf(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
};

describe('createRng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        const c = createRng(seed + 1);
        const xs = draw(8, a.next);
        expect(draw(8, b.next)).toEqual(xs);
        expect(draw(8, c.next)).not.toEqual(xs);
      }),
      { numRuns: 50 },
    );
  });

  it('gives uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const xs = draw(SAMPLES, createRng(1).next);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(meanOf(xs) - 0.5)).toBeLessThan(Z * Math.sqrt(1 / 12 / SAMPLES));
    expect(Math.abs(varianceOf(xs) - 1 / 12)).toBeLessThan(Z * Math.sqrt(1 / 180 / SAMPLES));
  });

  it('gives normals with mean 0, variance 1 and about 68.3% within one standard deviation', () => {
    const xs = draw(SAMPLES, createRng(2).normal);
    expect(xs.every(Number.isFinite)).toBe(true);
    expect(Math.abs(meanOf(xs))).toBeLessThan(Z / Math.sqrt(SAMPLES));
    expect(Math.abs(varianceOf(xs) - 1)).toBeLessThan(Z * Math.sqrt(2 / SAMPLES));
    const within = xs.filter((x) => Math.abs(x) < 1).length / SAMPLES;
    expect(Math.abs(within - 0.682689)).toBeLessThan(Z * Math.sqrt(0.2166 / SAMPLES));
  });

  it('gives integers 0 … n − 1, each about equally often', () => {
    const rng = createRng(3);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(Z * Math.sqrt(60_000 * (1 / 6) * (5 / 6)));
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.int(2.5)).toThrow(RangeError);
  });

  it('has consecutive uniforms uncorrelated', () => {
    const xs = draw(SAMPLES, createRng(4).next);
    let s = 0;
    for (let i = 1; i < xs.length; i++) s += (xs[i]! - 0.5) * (xs[i - 1]! - 0.5);
    const correlation = s / (xs.length - 1) / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(Z / Math.sqrt(SAMPLES));
  });
});

describe('shuffleInPlace', () => {
  it('returns a permutation, the same one for the same seed', () => {
    const a = shuffleInPlace(
      createRng(9),
      Array.from({ length: 50 }, (_, i) => i),
    );
    const b = shuffleInPlace(
      createRng(9),
      Array.from({ length: 50 }, (_, i) => i),
    );
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('hashString', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    // Oracle: the FNV reference test suite (Fowler, Noll, Vo).
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('hashes UTF-8 bytes, so a learner id with accents is stable across platforms', () => {
    // 'é' is the two bytes C3 A9; FNV-1a over them, step by step.
    let h = 0x811c9dc5;
    for (const byte of [0xc3, 0xa9]) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
    expect(hashString('é')).toBe(h);
    expect(hashString('ada@example.edu\u0000weight-scale')).not.toBe(hashString('ada@example.edu\u0000relu-swap'));
  });
});
