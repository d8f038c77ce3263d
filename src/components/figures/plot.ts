/**
 * The one small plotting helper behind every static figure: linear and log
 * scales, tick positions and SVG path strings. Pure and build-time only.
 */
import { formatNumber } from '../../../engine/format.ts';

export type Point = readonly [number, number];

/** A scale maps a data value to an SVG coordinate. */
export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly log: boolean;
}

/** value ↦ range, linearly; `log` maps log10(value) instead (values must be > 0). */
export function scale(domain: readonly [number, number], range: readonly [number, number], log = false): Scale {
  const t = (v: number) => (log ? Math.log10(v) : v);
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

/** Powers of ten within [min, max], thinned to at most `max` ticks. */
export function logTicks(min: number, max: number, most = 7): number[] {
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  const every = Math.max(1, Math.ceil((hi - lo + 1) / most));
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += every) ticks.push(10 ** e);
  return ticks;
}

/** The domain [min, max] of some values, padded for a linear axis or widened to powers of ten for a log axis. */
export function extent(values: readonly number[], log = false, pad = 0.05): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (finite.length === 0) return log ? [1e-3, 1] : [0, 1];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (log) return [10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(max))];
  const span = max - min || Math.abs(max) || 1;
  return [min - span * pad, max + span * pad];
}

/** An SVG path through the points; points outside a log scale's domain (≤ 0) break the line. */
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

/** A tick label: powers of ten as "10⁻⁵" on log axes, otherwise the shared formatter. */
export function tickLabel(value: number, log: boolean): string {
  if (log) return formatNumber(value, { sig: 1, notation: 'scientific' }).replace(/^1 × /, '');
  return formatNumber(value, { sig: 3, notation: 'plain' }).replace(/\.0+$|(\.\d*?)0+$/, '$1');
}
