/**
 * Weight initialisation schemes. Each draws W_l (fan_out × fan_in) from a
 * seeded generator; biases start at 0 and batch-norm γ at 1, β at 0.
 */
import type { Rng } from './prng.ts';

export type InitScheme =
  /** Every weight equals `value`: the post's anchor network uses 0.1. */
  | { kind: 'constant'; value: number }
  /** U(−limit, limit). */
  | { kind: 'uniform'; limit: number }
  /** N(0, std²); std 1 is the "standard normal" of Nielsen's chapter 5. */
  | { kind: 'normal'; std: number }
  /** Glorot & Bengio 2010: U(−a, a), a = √(6 / (fan_in + fan_out)). */
  | { kind: 'xavier-uniform' }
  /** Glorot & Bengio 2010: N(0, 2 / (fan_in + fan_out)). */
  | { kind: 'xavier-normal' }
  /** He et al. 2015, fan-in mode: N(0, 2 / fan_in). */
  | { kind: 'he' };

export type InitKind = InitScheme['kind'];

/** The variance a scheme gives each weight, in closed form (0 for constant). */
export function initVariance(scheme: InitScheme, fanIn: number, fanOut: number): number {
  switch (scheme.kind) {
    case 'constant':
      return 0;
    case 'uniform':
      return scheme.limit ** 2 / 3;
    case 'normal':
      return scheme.std ** 2;
    case 'xavier-uniform':
    case 'xavier-normal':
      return 2 / (fanIn + fanOut);
    case 'he':
      return 2 / fanIn;
  }
}

/** Fills `W` (fan_out × fan_in, row-major) with draws from the scheme. */
export function initWeights(rng: Rng, scheme: InitScheme, { fanIn, fanOut, W }: { fanIn: number; fanOut: number; W: Float64Array }): void {
  const std = Math.sqrt(initVariance(scheme, fanIn, fanOut));
  for (let i = 0; i < W.length; i++) {
    switch (scheme.kind) {
      case 'constant':
        W[i] = scheme.value;
        break;
      case 'uniform':
        W[i] = scheme.limit * (2 * rng.next() - 1);
        break;
      case 'xavier-uniform':
        // Var U(−a, a) = a²/3, so a = √3 · std = √(6 / (fan_in + fan_out)).
        W[i] = Math.sqrt(3) * std * (2 * rng.next() - 1);
        break;
      default:
        W[i] = std * rng.normal();
    }
  }
}
