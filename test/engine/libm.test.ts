/**
 * engine/libm.ts against Node's own Math functions, which are fdlibm in V8's
 * Node 24 build: the ports must give the very same doubles (so moving the
 * engine onto them changes no number it computes in Node), while Chromium's
 * Math differs in the last bit for some arguments (test/e2e/challenges.test.ts
 * holds a lab run in Chromium to Node's bit for bit).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cos, exp, log, sin } from '../../engine/libm.ts';

const same = (a: number, b: number) => Object.is(a, b);

describe("libm: the same doubles as Node 24's Math", () => {
  it('exp over its whole range, and its edges', () => {
    fc.assert(
      fc.property(fc.double({ min: -760, max: 720, noNaN: true }), (x) => same(exp(x), Math.exp(x))),
      { numRuns: 20_000, seed: 1 },
    );
    for (const x of [0, -0, 1e-300, -1e-300, 709.78, 709.8, -745.1, -746, Infinity, -Infinity])
      expect(same(exp(x), Math.exp(x))).toBe(true);
    expect(exp(NaN)).toBeNaN();
  });
  it('log over positive doubles, subnormals included', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), (x) => same(log(x), Math.log(x))),
      { numRuns: 20_000, seed: 2 },
    );
    for (const x of [0, 5e-324, 1, Math.E, 2, 0.5, Infinity]) expect(same(log(x), Math.log(x))).toBe(true);
    expect(log(-1)).toBeNaN();
  });
  it('sin and cos where the engine uses them (angles up to a few turns), and far beyond', () => {
    const args = fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -1e5, max: 1e5, noNaN: true }));
    fc.assert(
      fc.property(args, (x) => same(sin(x), Math.sin(x)) && same(cos(x), Math.cos(x))),
      { numRuns: 20_000, seed: 3 },
    );
    for (const x of [0, -0, Math.PI / 4, Math.PI / 2, Math.PI, (3 * Math.PI) / 4, 1e-9]) {
      expect(same(sin(x), Math.sin(x))).toBe(true);
      expect(same(cos(x), Math.cos(x))).toBe(true);
    }
  });
});
