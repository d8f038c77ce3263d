/** Shared oracles for the engine tests: central finite differences and "as printed" comparisons. */
import { expect } from 'vitest';

/** Step for central differences: truncation error O(h²) and round-off O(ε/h) both stay near 1e-10. */
export const FD_STEP = 1e-6;

/** Gradients agree with finite differences within this relative error (plus FD_ABSOLUTE for near-zero values). */
export const FD_RELATIVE = 1e-5;
export const FD_ABSOLUTE = 1e-8;

/** (f(x + h) − f(x − h)) / 2h */
export function centralDifference(f: (x: number) => number, x: number, h = FD_STEP): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** Asserts an analytic gradient matches its finite-difference estimate within the named tolerances. */
export function expectGradientClose(analytic: number, numeric: number, label = ''): void {
  const allowed = FD_ABSOLUTE + FD_RELATIVE * Math.max(Math.abs(analytic), Math.abs(numeric));
  if (!(Math.abs(analytic - numeric) <= allowed)) {
    expect.fail(`${label}: analytic ${analytic} vs finite difference ${numeric} (allowed ${allowed.toExponential(1)})`);
  }
}

/**
 * Asserts that `value` prints as `printed` with the same number of digits:
 * "0.0513" compares 4 decimals, "1.56e-5" compares 3 significant figures.
 */
export function expectPrinted(value: number, printed: string): void {
  const exp = /^(-?\d)(?:\.(\d+))?e([-+]?\d+)$/.exec(printed);
  if (exp) {
    const digits = exp[2]?.length ?? 0;
    expect(Number(value.toExponential(digits))).toBe(Number(printed));
    return;
  }
  const decimals = printed.split('.')[1]?.length ?? 0;
  expect(value.toFixed(decimals)).toBe(printed);
}
