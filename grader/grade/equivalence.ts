/**
 * When two expressions mean the same function, and when an answer has the
 * form a part asks for. Equivalence is tested by evaluation at seeded random
 * points: two different polynomials of degree d agree at no more than d
 * points, so agreement at dozens of random points is decisive here.
 */
import { createRng } from '../../engine/prng.ts';
import { evaluate, hasVariable, type Expr } from '../read/expression.ts';

/** Points drawn from [-3, 3], seeded so every run checks the same points. */
const POINTS: readonly number[] = (() => {
  const rng = createRng(0x5eed);
  return Array.from({ length: 32 }, () => -3 + 6 * rng.next());
})();

/** Fewer usable points than this (the reference undefined elsewhere) and we refuse to call it equivalent. */
const MIN_POINTS = 16;

/**
 * Relative tolerance for "the same value": expressions are evaluated in
 * floating point, so 1/4 − (s − 1/2)^2 and s − s^2 differ in the last bits.
 */
const RELATIVE = 1e-9;

/**
 * An absolute floor, used ONLY here and never for number parts: values of
 * these expressions at |s| ≤ 3 are O(1), so near a root (e.g. s = 1 in
 * s(1 − s)) cancellation leaves ~1e-16 of noise where a relative test alone
 * would fail. 1e-12 is far below any difference between two distinct
 * O(1) expressions at these points.
 */
const ABSOLUTE_FLOOR = 1e-12;

/** True when `a` and `b` agree at every seeded point where `reference` (`b`) is finite. */
export function equivalent(a: Expr, b: Expr): boolean {
  let used = 0;
  for (const x of POINTS) {
    const expected = evaluate(b, x);
    if (!Number.isFinite(expected)) continue;
    const got = evaluate(a, x);
    if (!Number.isFinite(got)) return false;
    if (Math.abs(got - expected) > RELATIVE * Math.max(Math.abs(got), Math.abs(expected)) + ABSOLUTE_FLOOR) return false;
    used++;
  }
  return used >= MIN_POINTS;
}

/**
 * True when `expr` is written as a completed square: constants plus exactly
 * one term k·(linear in s)^2, in any order and with any parentheses, e.g.
 * 1/4 − (s − 1/2)^2, −(s − 0.5)**2 + 0.25, (1/4) − (1/2 − s)². Whether the
 * constants are right is the equivalence check's job, not this one's.
 */
export function isCompletedSquare(expr: Expr): boolean {
  const terms = signedTerms(expr);
  const varying = terms.filter(hasVariable);
  if (varying.length === 1 && isScaledSquare(varying[0]!)) return true;
  // A completed square scaled as a whole: (1 − (2s − 1)^2)/4, −(…), 2·(…).
  const inner = scaledWhole(expr);
  return inner !== undefined && isCompletedSquare(inner);
}

/** The expression inside k·E, E·k, E/k or −E (k constant, E varying), else undefined. */
function scaledWhole(expr: Expr): Expr | undefined {
  if (expr.type === 'neg') return expr.arg;
  if (expr.type !== 'bin') return undefined;
  if (expr.op === '/' && !hasVariable(expr.right)) return expr.left;
  if (expr.op === '*' && !hasVariable(expr.left) && hasVariable(expr.right)) return expr.right;
  if (expr.op === '*' && !hasVariable(expr.right) && hasVariable(expr.left)) return expr.left;
  return undefined;
}

/** Splits a sum into its terms, pushing minus signs through: −(a − b) → [a, b]. */
function signedTerms(expr: Expr): Expr[] {
  if (expr.type === 'neg') return signedTerms(expr.arg);
  if (expr.type === 'bin' && (expr.op === '+' || expr.op === '-')) {
    return [...signedTerms(expr.left), ...signedTerms(expr.right)];
  }
  return [expr];
}

/** k·L^2, L^2·k, L^2/k or −L^2 with k constant and L linear (and not constant) in the variable. */
function isScaledSquare(expr: Expr): boolean {
  if (expr.type === 'neg') return isScaledSquare(expr.arg);
  if (expr.type !== 'bin') return false;
  if (expr.op === '^') return !hasVariable(expr.right) && evaluate(expr.right, 0) === 2 && isLinear(expr.left);
  if (expr.op === '*') {
    // (s − 1/2)(s − 1/2): a square written as a product of two identical linear factors.
    if (isLinear(expr.left) && isLinear(expr.right) && sameLinear(expr.left, expr.right)) return true;
    return (!hasVariable(expr.left) && isScaledSquare(expr.right)) || (!hasVariable(expr.right) && isScaledSquare(expr.left));
  }
  if (expr.op === '/') return !hasVariable(expr.right) && isScaledSquare(expr.left);
  return false;
}

/** True when `expr` is a + b·s with b ≠ 0, tested by evaluation (it may be written as (2s − 1)/2). */
function isLinear(expr: Expr): boolean {
  if (!hasVariable(expr)) return false;
  const at0 = evaluate(expr, 0);
  const slope = evaluate(expr, 1) - at0;
  if (!Number.isFinite(at0) || !Number.isFinite(slope) || slope === 0) return false;
  return [-2.5, -0.7, 0.3, 1.9].every((x) => {
    const expected = at0 + slope * x;
    return Math.abs(evaluate(expr, x) - expected) <= RELATIVE * Math.max(1, Math.abs(expected));
  });
}

/** True when two linear expressions are the same function (equal at two points, so everywhere). */
function sameLinear(a: Expr, b: Expr): boolean {
  return [0, 1].every((x) => {
    const [p, q] = [evaluate(a, x), evaluate(b, x)];
    return Math.abs(p - q) <= RELATIVE * Math.max(1, Math.abs(p), Math.abs(q));
  });
}
