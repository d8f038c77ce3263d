/**
 * Oracles for the exercise tests, written from the formulas and independent of
 * the engine: the sigmoid and its slope, the blog-convention chain product, a
 * tolerance check, and a tiny evaluator for expressions in s.
 */
import type { ExerciseDefinition, NumberPart, Params, Part } from '../../exercises/types.ts';

/** σ(z) = 1 / (1 + e^−z), straight from the definition. */
export const sigma = (z: number): number => 1 / (1 + Math.exp(-z));

/** σ′(z) = e^−z / (1 + e^−z)², the quotient-rule form, not σ(1 − σ). */
export const sigmaSlope = (z: number): number => Math.exp(-z) / (1 + Math.exp(-z)) ** 2;

/**
 * The post's measure ∂aₙ/∂a₁ of the one-neuron chain (x = 1, weight w, bias 0) under the
 * blog convention: the product of w·f′(z_k) for k = 2 … depth.
 */
export function blogFirstDelta(w: number, depth: number, f = sigma, df = sigmaSlope): number {
  const zs: number[] = [];
  let a = 1;
  for (let k = 0; k < depth; k++) {
    zs.push(w * a);
    a = f(w * a);
  }
  return zs.slice(1).reduce((product, z) => product * w * df(z), 1);
}

/** Whether `x` is accepted as `reference` under the part's stated tolerance (the grading policy, restated). */
export function accepts(part: NumberPart, reference: number, x: number): boolean {
  const band = part.tolerance.kind === 'absolute' ? part.tolerance.value : part.tolerance.value * Math.abs(reference);
  return Math.abs(x - reference) <= band;
}

/** Half-width of the band a number part accepts around `value`. */
export function band(part: NumberPart, value: number): number {
  return part.tolerance.kind === 'absolute' ? part.tolerance.value : part.tolerance.value * Math.abs(value);
}

/** The part with this id, failing loudly when it is missing. */
export function partOf(exercise: ExerciseDefinition, id: string): Part {
  const part = exercise.parts.find((p) => p.id === id);
  if (!part) throw new Error(`${exercise.id} has no part '${id}'`);
  return part;
}

/** The number part with this id. */
export function numberPartOf(exercise: ExerciseDefinition, id: string): NumberPart {
  const part = partOf(exercise, id);
  if (part.kind !== 'number') throw new Error(`${exercise.id}.${id} is not a number part`);
  return part;
}

/** A number answer. */
export function numberAnswer(exercise: ExerciseDefinition, params: Params, id: string): number {
  const value = exercise.answers(params)[id];
  if (typeof value !== 'number') throw new Error(`${exercise.id}.${id}: expected a number, got ${String(value)}`);
  return value;
}

/**
 * Evaluates an expression in `s` with + − * / ^, parentheses and unary minus,
 * by recursive descent. Test-only: it checks the exercise's own strings.
 */
export function evaluate(text: string, s: number): number {
  const tokens = text.match(/\d+(?:\.\d+)?|[s+\-*/^()]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];
  const primary = (): number => {
    const t = take();
    if (t === '(') {
      const v = sum();
      if (take() !== ')') throw new Error(`unbalanced parentheses in ${text}`);
      return v;
    }
    if (t === '-') return -power();
    if (t === 's') return s;
    if (t !== undefined && /^\d/.test(t)) return Number(t);
    throw new Error(`unexpected token ${t} in ${text}`);
  };
  const power = (): number => {
    const base = primary();
    if (peek() === '^') {
      take();
      return base ** power();
    }
    return base;
  };
  const product = (): number => {
    let v = power();
    while (peek() === '*' || peek() === '/') v = take() === '*' ? v * power() : v / power();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === '+' || peek() === '-') v = take() === '+' ? v + product() : v - product();
    return v;
  };
  const value = sum();
  if (i !== tokens.length) throw new Error(`trailing input in ${text}`);
  return value;
}

/** Points in (0, 1) at which expressions in s are compared. */
export const S_POINTS = [0.03, 0.17, 0.29, 0.5, 0.61, 0.77, 0.93];

/** True when two expressions in s agree at every sample point. */
export const equivalent = (a: string, b: string): boolean => S_POINTS.every((s) => Math.abs(evaluate(a, s) - evaluate(b, s)) <= 1e-12);
