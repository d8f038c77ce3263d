/** Small SVG plotting helpers shared by the islands: linear and log scales, polylines and tick values. */
import { superscript } from '../../engine/format.ts';

/** 10 to a power, written "10⁻⁵" (and "1" for 10⁰). */
export const decadeLabel = (k: number): string => (k === 0 ? '1' : `10${superscript(k)}`);

/** A map from a data interval onto a pixel interval. */
export type Scale = (v: number) => number;

/** A linear scale from [d0, d1] onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): Scale {
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** A base-10 log scale from [d0, d1] (both > 0) onto [r0, r1]; values ≤ 0 clamp to d0. */
export function log10Scale(d0: number, d1: number, r0: number, r1: number): Scale {
  const l0 = Math.log10(d0);
  const l1 = Math.log10(d1);
  return (v) => r0 + ((Math.log10(Math.max(v, d0)) - l0) / (l1 - l0)) * (r1 - r0);
}

/** An SVG path "M x,y L x,y …" through the points, skipping non-finite ones. */
export function pathOf(points: readonly (readonly [number, number])[]): string {
  let d = '';
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    d += `${d ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
  }
  return d;
}

/** Samples f at n + 1 evenly spaced points of [a, b]. */
export function sample(f: (x: number) => number, a: number, b: number, n: number): [number, number][] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const x = a + ((b - a) * i) / n;
    return [x, f(x)];
  });
}

/** The exponents k of the decade gridlines 10^k for a log axis over [lo, hi], top first, at most about `max` of them. */
export function decadeTicks(lo: number, hi: number, max: number): number[] {
  const k0 = Math.round(Math.log10(lo));
  const k1 = Math.round(Math.log10(hi));
  const every = Math.max(1, Math.ceil((k1 - k0) / max));
  const ticks: number[] = [];
  for (let k = k1; k >= k0; k -= every) ticks.push(k);
  return ticks;
}

/** The [min, max] of the finite positive values, padded to whole decades; a fallback when there are none. */
export function logExtent(values: readonly number[], fallback: [number, number] = [1e-6, 1]): [number, number] {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  if (pos.length === 0) return fallback;
  const lo = 10 ** Math.floor(Math.log10(Math.min(...pos)));
  let hi = 10 ** Math.ceil(Math.log10(Math.max(...pos)));
  if (hi <= lo) hi = lo * 10;
  return [lo, hi];
}

/** Clamps v into [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
