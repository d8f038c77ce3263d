/**
 * Seeded randomness. Every figure, dataset and initialisation takes a seed
 * and gets the same numbers on every machine: mulberry32 for uniforms,
 * Box–Muller for normals, FNV-1a for turning strings into seeds.
 */

import { cos, log, sin } from './libm.ts';
export interface Rng {
  /** A uniform number in [0, 1), 2⁻³² resolution. */
  next(): number;
  /** A standard normal sample (mean 0, variance 1). */
  normal(): number;
  /** A uniform integer in 0 … n − 1. */
  int(n: number): number;
}

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator) with a Box–Muller normal.
 * The seed is taken as an unsigned 32-bit integer (fractions are truncated).
 */
export function createRng(seed: number): Rng {
  let state = Math.trunc(seed) >>> 0;
  // Box–Muller makes normals in pairs; the second one waits here.
  let spare: number | null = null;

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const normal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // u1 ∈ (0, 1] so that log(u1) is finite.
    const u1 = 1 - next();
    const u2 = next();
    const r = Math.sqrt(-2 * log(u1));
    spare = r * sin(2 * Math.PI * u2);
    return r * cos(2 * Math.PI * u2);
  };

  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`int(n) needs a positive integer n, got ${n}`);
    return Math.floor(next() * n);
  };

  return { next, normal, int };
}

/** Shuffles `items` in place (Fisher–Yates) and returns it. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(rng: Rng, items: T): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32-bit, over the string's UTF-8 bytes; an unsigned integer usable as a seed. */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(s)) {
    h ^= byte;
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}
