import { describe, expect, it } from 'vitest';
import { initVariance, initWeights, type InitScheme } from '../../engine/init.ts';
import { createRng } from '../../engine/prng.ts';

/** Relative tolerance on an empirical variance from 60,000 draws (its standard error is about 0.6%). */
const VARIANCE_TOLERANCE = 0.04;

const FAN_IN = 300;
const FAN_OUT = 200;

const sample = (scheme: InitScheme, seed = 1) => {
  const W = new Float64Array(FAN_IN * FAN_OUT);
  initWeights(createRng(seed), scheme, { fanIn: FAN_IN, fanOut: FAN_OUT, W });
  return W;
};
const stats = (W: Float64Array) => {
  const mean = W.reduce((s, w) => s + w, 0) / W.length;
  return { mean, variance: W.reduce((s, w) => s + (w - mean) ** 2, 0) / W.length };
};

describe('initWeights', () => {
  // Oracle: the published formulas, written out here.
  const cases: [InitScheme, number][] = [
    [{ kind: 'xavier-uniform' }, 2 / (FAN_IN + FAN_OUT)],
    [{ kind: 'xavier-normal' }, 2 / (FAN_IN + FAN_OUT)],
    [{ kind: 'he' }, 2 / FAN_IN],
    [{ kind: 'normal', std: 1 }, 1],
    [{ kind: 'uniform', limit: 0.5 }, 0.25 / 3],
  ];

  it.each(cases)('%o has mean ≈ 0 and the closed-form variance', (scheme, expected) => {
    const { mean, variance } = stats(sample(scheme));
    expect(Math.abs(variance / expected - 1)).toBeLessThan(VARIANCE_TOLERANCE);
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(expected / (FAN_IN * FAN_OUT)));
    expect(initVariance(scheme, FAN_IN, FAN_OUT)).toBeCloseTo(expected, 15);
  });

  it('keeps Xavier-uniform inside ±√(6 / (fan_in + fan_out))', () => {
    const limit = Math.sqrt(6 / (FAN_IN + FAN_OUT));
    const W = sample({ kind: 'xavier-uniform' });
    expect(Math.max(...W)).toBeLessThanOrEqual(limit);
    expect(Math.min(...W)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...W)).toBeGreaterThan(0.99 * limit);
  });

  it('sets every weight to the constant', () => {
    expect(new Set(sample({ kind: 'constant', value: 0.1 }))).toEqual(new Set([0.1]));
    expect(initVariance({ kind: 'constant', value: 0.1 }, 1, 1)).toBe(0);
  });

  it('is deterministic for a seed', () => {
    expect(sample({ kind: 'he' }, 5)).toEqual(sample({ kind: 'he' }, 5));
    expect(sample({ kind: 'he' }, 5)).not.toEqual(sample({ kind: 'he' }, 6));
  });
});
