import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, makeDataset, type Dataset } from '../../engine/datasets.ts';

const points = (d: Dataset) => Array.from({ length: d.n }, (_, i) => ({ x: d.X[2 * i]!, y: d.X[2 * i + 1]!, label: d.y[i]! }));

describe.each(DATASET_NAMES)('%s', (name) => {
  it('has n rows of 2 features, labels 0/1 split ⌈n/2⌉ : ⌊n/2⌋, roughly centred', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 301 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const d = makeDataset({ name, n, seed });
        expect(d).toMatchObject({ name, n, dims: 2 });
        expect(d.X.length).toBe(2 * n);
        expect(d.y.length).toBe(n);
        expect([...d.y].every((v) => v === 0 || v === 1)).toBe(true);
        expect([...d.y].filter((v) => v === 0).length).toBe(Math.ceil(n / 2));
        expect([...d.X].every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 30 },
    );
    const big = points(makeDataset({ name, n: 400, seed: 1 }));
    for (const axis of ['x', 'y'] as const) expect(Math.abs(big.reduce((s, p) => s + p[axis], 0) / 400)).toBeLessThan(0.2);
  });

  it('is the same for the same seed and different for another', () => {
    const a = makeDataset({ name, n: 50, seed: 7 });
    expect(makeDataset({ name, n: 50, seed: 7 })).toEqual(a);
    expect(makeDataset({ name, n: 50, seed: 8 }).X).not.toEqual(a.X);
  });

  it('does not keep the classes in blocks', () => {
    const y = [...makeDataset({ name, n: 100, seed: 1 }).y];
    expect(y.slice(0, 50).filter((v) => v === 1).length).toBeGreaterThan(10);
  });
});

describe('geometry without noise', () => {
  it('moons: class 0 on the unit circle around (−0.5, −0.25), class 1 on the one around (0.5, 0.25)', () => {
    for (const p of points(makeDataset({ name: 'moons', n: 60, noise: 0, seed: 1 }))) {
      const [cx, cy] = p.label === 0 ? [-0.5, -0.25] : [0.5, 0.25];
      expect(Math.hypot(p.x - cx, p.y - cy)).toBeCloseTo(1, 12);
      expect(p.label === 0 ? p.y >= -0.25 - 1e-12 : p.y <= 0.25 + 1e-12).toBe(true);
    }
  });

  it('circles: class 0 at radius 1, class 1 at radius 0.5', () => {
    for (const p of points(makeDataset({ name: 'circles', n: 60, noise: 0, seed: 1 }))) {
      expect(Math.hypot(p.x, p.y)).toBeCloseTo(p.label === 0 ? 1 : 0.5, 12);
    }
  });

  it('xor: class 1 exactly where the coordinates have opposite signs', () => {
    for (const p of points(makeDataset({ name: 'xor', n: 200, noise: 0, seed: 1 }))) {
      expect(p.label).toBe(p.x * p.y < 0 ? 1 : 0);
      expect(Math.max(Math.abs(p.x), Math.abs(p.y))).toBeLessThanOrEqual(1);
    }
  });

  it('spiral: the two arms are point reflections of each other', () => {
    const d = points(makeDataset({ name: 'spiral', n: 40, noise: 0, seed: 1 }));
    const arm = (label: number) => d.filter((p) => p.label === label).map((p) => `${(p.x).toFixed(9)},${(p.y).toFixed(9)}`);
    const reflected = d.filter((p) => p.label === 1).map((p) => `${(-p.x).toFixed(9)},${(-p.y).toFixed(9)}`);
    expect(new Set(reflected)).toEqual(new Set(arm(0)));
    expect(Math.max(...d.map((p) => Math.hypot(p.x, p.y)))).toBeCloseTo(1, 12);
  });
});

describe('options', () => {
  it('scales the jitter with noise', () => {
    const clean = makeDataset({ name: 'circles', n: 400, noise: 0, seed: 1 });
    const noisy = makeDataset({ name: 'circles', n: 400, noise: 0.2, seed: 1 });
    const spread = (d: Dataset) => points(d).reduce((s, p) => s + Math.abs(Math.hypot(p.x, p.y) - (p.label === 0 ? 1 : 0.5)), 0) / d.n;
    expect(spread(clean)).toBeLessThan(1e-12);
    expect(spread(noisy)).toBeGreaterThan(0.1);
  });

  it('rejects fewer than two points', () => {
    expect(() => makeDataset({ name: 'moons', n: 1, seed: 1 })).toThrow(RangeError);
    expect(() => makeDataset({ name: 'moons', n: 10.5, seed: 1 })).toThrow(RangeError);
  });
});
