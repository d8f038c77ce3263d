import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extent, frame, linePath, linearTicks, logTicks, scale, thin } from '../../src/charts/plot.ts';

describe('frame', () => {
  it('puts the plotting area inside the margins', () => {
    expect(frame(560, 180, { left: 56, right: 8, top: 10, bottom: 36 })).toEqual({
      width: 560,
      height: 180,
      left: 56,
      right: 552,
      top: 10,
      bottom: 144,
    });
  });
});

describe('scale', () => {
  it('maps the domain onto the range, linearly or by powers of ten', () => {
    const x = scale([0, 10], [50, 550]);
    expect([x(0), x(5), x(10)]).toEqual([50, 300, 550]);
    const y = scale([1e-6, 1], [200, 0], true);
    expect([y(1e-6), y(1e-3), y(1)].map((v) => Number(v.toFixed(9)))).toEqual([200, 100, 0]);
    // A gradient of exactly zero sits at the log axis's low end, not at −∞.
    expect(y(0)).toBe(200);
  });
});

describe('ticks', () => {
  it('are nice linear steps (1, 2 or 5 × 10ⁿ) covering the domain', () => {
    expect(linearTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0, 300, 5)).toEqual([0, 100, 200, 300]);
    fc.assert(
      // Ticks keep 12 significant digits, so the axis is at least a millionth of its largest value wide.
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (min, width) => {
        const ticks = linearTicks(min, min + width, 5);
        const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : undefined;
        if (step !== undefined) expect(Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6))).toBeOneOf([1, 2, 5, 10]);
        for (const t of ticks)
          expect(t >= min - Math.abs(min) * 1e-9 - 1e-12 && t <= min + width + Math.abs(min + width) * 1e-9 + 1e-12).toBe(true);
      }),
    );
  });

  it('are powers of ten on a log axis, thinned to about the number asked', () => {
    expect(logTicks(1e-6, 1, 7)).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect(logTicks(1e-24, 1e8, 9)).toEqual([1e-24, 1e-20, 1e-16, 1e-12, 1e-8, 1e-4, 1, 1e4, 1e8]);
  });
});

describe('extent', () => {
  it('pads a linear domain and widens a log one to whole powers of ten, ignoring what cannot be drawn', () => {
    expect(extent([0, 10])).toEqual([-0.5, 10.5]);
    expect(extent([3e-5, 0.2, 0, Number.NaN], true)).toEqual([1e-5, 1]);
    expect(extent([], true)).toEqual([1e-3, 1]);
  });
});

describe('linePath', () => {
  it('breaks the line at points it cannot draw', () => {
    const x = scale([0, 2], [0, 200]);
    const y = scale([1e-2, 1], [100, 0], true);
    expect(
      linePath(
        [
          [0, 1],
          [1, 0],
          [2, 0.1],
        ],
        x,
        y,
      ),
    ).toBe('M0.00 0.00M200.00 50.00');
  });
});

describe('thin', () => {
  it('keeps at most about the number asked, evenly, and always the last point', () => {
    const points = Array.from({ length: 5001 }, (_, i) => i);
    const kept = thin(points, 500);
    expect(kept.length).toBeLessThanOrEqual(502);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(5000);
  });
});
