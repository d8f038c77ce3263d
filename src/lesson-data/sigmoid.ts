/**
 * The sigmoid lesson's numbers: σ and σ′ from the engine, the maximum of σ′,
 * and where σ′ crosses the post's saturation thresholds (found by bisection
 * on the engine's σ′, which falls monotonically for z ≥ 0).
 */
import { sigmoid } from '../../engine/activations.ts';

/** σ′ at the top of its curve. */
export const MAX_Z = 0;
export const maxValue = sigmoid.df(MAX_Z);
export const sigmaAtMax = sigmoid.f(MAX_Z);

/** The post's two thresholds on σ′ (its figures), and the |z| it pairs them with. */
export const POST_THRESHOLDS = [
  { z: 2, below: 0.1 },
  { z: 4, below: 0.018 },
] as const;

/** The z ≥ 0 where σ′(z) = target, for 0 < target < max. */
export function crossing(target: number): number {
  let lo = 0;
  let hi = 50;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (sigmoid.df(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** For each of the post's claims: σ′ at its |z|, and the exact |z| beyond which σ′ is below its bound. */
export const thresholds = POST_THRESHOLDS.map((t) => ({
  ...t,
  dfAtZ: sigmoid.df(t.z),
  holds: sigmoid.df(t.z) < t.below,
  exactZ: crossing(t.below),
}));

/** A few landmarks for prose: σ′ at z = 1, 2, 4 and 6. */
export const dfAt = (z: number) => sigmoid.df(z);
export const sigmaAt = (z: number) => sigmoid.f(z);

/** Curves for the figure, z from −8 to 8. */
export const Z_RANGE = [-8, 8] as const;
const steps = 160;
const zs = Array.from({ length: steps + 1 }, (_, i) => Z_RANGE[0] + ((Z_RANGE[1] - Z_RANGE[0]) * i) / steps);
export const sigmaCurve = zs.map((z) => [z, sigmoid.f(z)] as const);
export const dsigmaCurve = zs.map((z) => [z, sigmoid.df(z)] as const);

/**
 * Even z from −8 to 8 for the data table (the plot's ticks). Odd z are left out on purpose:
 * σ′(5) is an answer in the saturation exercise.
 */
export const tableZ = Array.from({ length: 9 }, (_, i) => 2 * i - 8);
