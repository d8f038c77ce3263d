/**
 * The one plotting helper, for the build-time figures and the islands alike:
 * scales, ticks, domains and SVG path strings, in one vocabulary.
 * - A `Scale` maps a data value to an SVG coordinate; `scale(domain, range, log)` makes one.
 * - `extent` finds a domain, `linearTicks` / `logTicks` place ticks, `tickLabel` writes them.
 * - `linePath` draws data points through two scales.
 * - `frame` gives a chart's size and the edges of its plotting area.
 * Pure: no DOM, so the same code draws at build time and in the browser.
 */
import { formatNumber } from '../../engine/format.ts';

export type Point = readonly [number, number];

/**
 * A chart's box in SVG units: its size, and the edges of the area inside the
 * margins that axes and labels keep (`left` < `right`, `top` < `bottom`).
 */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The frame of a `width` × `height` chart with these margins. */
export function frame(width: number, height: number, margin: { left: number; right: number; top: number; bottom: number }): Frame {
  return { width, height, left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
}

/** A scale maps a data value to an SVG coordinate. */
export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly log: boolean;
}

/**
 * value ↦ range, linearly; `log` maps log10(value) instead. On a log scale a
 * value ≤ 0 (a gradient that is exactly zero) sits at the domain's low end
 * rather than at −∞, so a bar drawn from it stays on the chart.
 */
export function scale(domain: readonly [number, number], range: readonly [number, number], log = false): Scale {
  const t = (v: number) => (log ? Math.log10(v > 0 ? v : domain[0]) : v);
  const [d0, d1] = [t(domain[0]), t(domain[1])];
  const span = d1 - d0 || 1;
  const f = (value: number) => range[0] + ((t(value) - d0) / span) * (range[1] - range[0]);
  return Object.assign(f, { domain, log });
}

/** "Nice" linear ticks (steps of 1, 2 or 5 × 10ⁿ) covering [min, max]. */
export function linearTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks;
}

/** Powers of ten within [min, max], ascending, thinned to at most about `most` ticks. */
export function logTicks(min: number, max: number, most = 7): number[] {
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  const every = Math.max(1, Math.ceil((hi - lo + 1) / most));
  const ticks: number[] = [];
  for (let e = hi; e >= lo; e -= every) ticks.unshift(10 ** e);
  return ticks;
}

/**
 * The domain [min, max] of some values, padded for a linear axis, or widened
 * to whole powers of ten for a log axis (non-positive values ignored);
 * `fallback` when no value qualifies.
 */
export function extent(values: readonly number[], log = false, pad = 0.05, fallback?: [number, number]): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (finite.length === 0) return fallback ?? (log ? [1e-3, 1] : [0, 1]);
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (log) {
    const lo = 10 ** Math.floor(Math.log10(min));
    const hi = 10 ** Math.ceil(Math.log10(max));
    return [lo, hi > lo ? hi : lo * 10];
  }
  const span = max - min || Math.abs(max) || 1;
  return [min - span * pad, max + span * pad];
}

/** An SVG path through the points; non-finite points, and points outside a log scale's domain (≤ 0), break the line. */
export function linePath(points: readonly Point[], x: Scale, y: Scale): string {
  let d = '';
  let pen = false;
  for (const [px, py] of points) {
    const ok = Number.isFinite(px) && Number.isFinite(py) && (!y.log || py > 0) && (!x.log || px > 0);
    if (!ok) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(px).toFixed(2)} ${y(py).toFixed(2)}`;
    pen = true;
  }
  return d;
}

/** A tick label: powers of ten as "10⁻⁵" (and "1") on log axes, otherwise the shared formatter. */
export function tickLabel(value: number, log: boolean): string {
  if (log) return value === 1 ? '1' : formatNumber(value, { sig: 1, notation: 'scientific' }).replace(/^1 × /, '');
  return formatNumber(value, { sig: 3, notation: 'plain' }).replace(/\.0+$|(\.\d*?)0+$/, '$1');
}

/** Samples f at n + 1 evenly spaced points of [a, b]. */
export function sample(f: (x: number) => number, a: number, b: number, n: number): Point[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const x = a + ((b - a) * i) / n;
    return [x, f(x)] as const;
  });
}

/** Clamps v into [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** At most about `most` points of a long series, evenly spaced and always keeping the last, so a 5,000-epoch curve draws as fast as a 300-epoch one. */
export function thin<T>(points: readonly T[], most: number): T[] {
  if (points.length <= most) return points.slice();
  const every = Math.ceil(points.length / most);
  const out: T[] = [];
  for (let i = 0; i < points.length; i += every) out.push(points[i]!);
  if (out[out.length - 1] !== points[points.length - 1]) out.push(points[points.length - 1]!);
  return out;
}
