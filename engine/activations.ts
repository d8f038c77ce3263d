/**
 * Activation functions, each value function right beside its derivative.
 * `df` takes the pre-activation z, like the lessons write σ′(z).
 */

import { exp } from './libm.ts';
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'linear';

export interface Activation {
  readonly name: ActivationName;
  /** f(z) */
  readonly f: (z: number) => number;
  /** f′(z) */
  readonly df: (z: number) => number;
  /** f′ written in terms of a = f(z), where that saves recomputing f: σ′ = a(1 − a), tanh′ = 1 − a². */
  readonly dfFromValue?: (a: number) => number;
  /** The largest value f′ takes: the yardstick for calling a unit saturated (engine/saturation.ts). */
  readonly peakSlope: number;
}

/** Slope of leaky ReLU for z < 0. */
export const LEAKY_SLOPE = 0.01;

/** A unit counts as saturated where f′(u) < SATURATION_SLOPE × the activation's peak slope (engine/diagnostics.ts). */
export const SATURATION_SLOPE = 0.1;

/** σ(z) = 1/(1+e^−z), written so that neither branch overflows for large |z|. */
export function sigmoidValue(z: number): number {
  if (z >= 0) return 1 / (1 + exp(-z));
  const e = exp(z);
  return e / (1 + e);
}

export const sigmoid: Activation = {
  name: 'sigmoid',
  f: sigmoidValue,
  // σ′ = σ(1 − σ)
  df: (z) => {
    const s = sigmoidValue(z);
    return s * (1 - s);
  },
  dfFromValue: (s) => s * (1 - s),
  // σ′ peaks at z = 0: σ(0)(1 − σ(0)) = 1/4.
  peakSlope: 0.25,
};

export const tanh: Activation = {
  name: 'tanh',
  f: Math.tanh,
  // tanh′ = 1 − tanh²
  df: (z) => 1 - Math.tanh(z) ** 2,
  dfFromValue: (t) => 1 - t * t,
  peakSlope: 1,
};

export const relu: Activation = {
  name: 'relu',
  f: (z) => (z > 0 ? z : 0),
  // The subgradient at 0 is taken as 0, as most frameworks do.
  df: (z) => (z > 0 ? 1 : 0),
  // ReLU(z) > 0 exactly when z > 0.
  dfFromValue: (a) => (a > 0 ? 1 : 0),
  peakSlope: 1,
};

export const leakyRelu: Activation = {
  name: 'leaky-relu',
  f: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
  df: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
  dfFromValue: (a) => (a > 0 ? 1 : LEAKY_SLOPE),
  peakSlope: 1,
};

export const linear: Activation = {
  name: 'linear',
  f: (z) => z,
  df: () => 1,
  dfFromValue: () => 1,
  peakSlope: 1,
};

/** Every activation, by name. */
export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
  sigmoid,
  tanh,
  relu,
  'leaky-relu': leakyRelu,
  linear,
};

export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];
