import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_NAMES, LEAKY_SLOPE, relu, sigmoid, tanh } from '../../engine/activations.ts';
import { centralDifference, expectGradientClose, expectPrinted } from './support.ts';

/** The textbook σ, written independently of the engine's overflow-safe version. */
const naiveSigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('sigmoid', () => {
  it('matches 1/(1+e^−z) and stays finite far out', () => {
    for (const z of [-30, -5, -0.5, 0, 0.1, 0.5, 5, 30]) expect(sigmoid.f(z)).toBeCloseTo(naiveSigmoid(z), 15);
    expect(sigmoid.f(1000)).toBe(1);
    expect(sigmoid.f(-1000)).toBe(0);
    expect(sigmoid.df(1000)).toBe(0);
    expect(sigmoid.df(-1000)).toBe(0);
  });

  it('has σ′ at most 1/4, reached at z = 0 (the post\'s "critical fact")', () => {
    expect(sigmoid.df(0)).toBe(0.25);
    for (let z = -10; z <= 10; z += 0.01) expect(sigmoid.df(z)).toBeLessThanOrEqual(0.25);
  });

  it('drops below 0.018 beyond |z| = 4, but only crosses 0.10 at |z| ≈ 2.06, not at 2 as the post says', () => {
    // σ′ = c ⇔ σ = 1/2 + √(1/4 − c), so z = logit(1/2 + √(1/4 − c)): the exact thresholds.
    const threshold = (c: number) => {
      const s = 0.5 + Math.sqrt(0.25 - c);
      return Math.log(s / (1 - s));
    };
    expect(threshold(0.1)).toBeCloseTo(2.063, 3);
    expect(threshold(0.018)).toBeLessThan(4);
    for (const sign of [-1, 1]) {
      expect(sigmoid.df(sign * 4.0001)).toBeLessThan(0.018);
      expectPrinted(sigmoid.df(sign * 2), '0.105'); // the post's "below 0.10 for |z| > 2" is slightly off
      expect(sigmoid.df(sign * 2.07)).toBeLessThan(0.1);
    }
  });

  it('gives the saturation numbers of Test 4: σ′(5) ≈ 0.00665, σ′(0.5) ≈ 0.235', () => {
    expectPrinted(sigmoid.df(5), '6.65e-3');
    expectPrinted(sigmoid.df(0.5), '0.235');
    expect(sigmoid.df(0.5) / sigmoid.df(5)).toBeCloseTo(35.3, 1);
  });
});

describe('derivatives', () => {
  it.each(ACTIVATION_NAMES)('%s: df matches a central difference of f away from the kink', (name) => {
    const act = ACTIVATIONS[name];
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
        fc.pre(Math.abs(z) > 1e-3);
        expectGradientClose(act.df(z), centralDifference(act.f, z), `${name}′(${z})`);
      }),
      { numRuns: 200 },
    );
  });

  it.each(ACTIVATION_NAMES)('%s: dfFromValue(f(z)) equals df(z)', (name) => {
    const act = ACTIVATIONS[name];
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        expect(act.dfFromValue?.(act.f(z)) ?? act.df(z)).toBeCloseTo(act.df(z), 14);
      }),
      { numRuns: 200 },
    );
    expect(act.dfFromValue).toBeTypeOf('function');
  });

  it('takes ReLU′(0) = 0 and the leaky slope below zero', () => {
    expect(relu.df(0)).toBe(0);
    expect(relu.df(1e-9)).toBe(1);
    expect(ACTIVATIONS['leaky-relu'].df(-3)).toBe(LEAKY_SLOPE);
    expect(ACTIVATIONS['leaky-relu'].f(-3)).toBeCloseTo(-3 * LEAKY_SLOPE, 15);
  });

  it('has tanh′ = 1 − tanh², at most 1', () => {
    expect(tanh.df(0)).toBe(1);
    expect(tanh.df(2)).toBeCloseTo(1 - Math.tanh(2) ** 2, 15);
  });
});
