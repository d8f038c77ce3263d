/** The gradient-flow explorer's settings: defaults, clamping, and their round trip through the URL hash. */
import type { FlowActivation, FlowOptions } from '../../engine/flow.ts';
import { flag, numberIn, oneOf } from './hash-state.ts';

export type FlowInit = FlowOptions['init'];
export const ACTIVATION_CHOICES: readonly FlowActivation[] = ['sigmoid', 'tanh', 'relu'];
export const INIT_CHOICES: readonly FlowInit[] = ['constant', 'xavier', 'he'];
export const DEPTH_RANGE = [1, 50] as const;
export const WIDTH_RANGE = [1, 32] as const;
export const W_RANGE = [-4, 4] as const;

/** What the learner controls (the seed is fixed per figure so it reads the same for everyone). */
export type FlowSettings = Omit<FlowOptions, 'seed'>;

export const DEFAULT_FLOW: FlowSettings = {
  depth: 4,
  w: 0.1,
  activation: 'sigmoid',
  init: 'constant',
  width: 1,
  residual: false,
  batchNorm: false,
};

/** Settings from partial, possibly wrong input: each field is validated and falls back to its default. */
export function normaliseFlow(raw: Partial<Record<keyof FlowSettings, unknown>>, base: FlowSettings = DEFAULT_FLOW): FlowSettings {
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  return {
    depth: Math.round(numberIn(str(raw.depth), DEPTH_RANGE[0], DEPTH_RANGE[1], base.depth)),
    w: numberIn(str(raw.w), W_RANGE[0], W_RANGE[1], base.w),
    activation: oneOf(str(raw.activation), ACTIVATION_CHOICES, base.activation),
    init: oneOf(str(raw.init), INIT_CHOICES, base.init),
    width: Math.round(numberIn(str(raw.width), WIDTH_RANGE[0], WIDTH_RANGE[1], base.width)),
    residual: flag(str(raw.residual), base.residual),
    batchNorm: flag(str(raw.batchNorm), base.batchNorm),
  };
}

/** Compact hash fields: d, w, a, i, n, r, b. */
export function flowToHash(s: FlowSettings): Record<string, string | number | boolean> {
  return { d: s.depth, w: s.w, a: s.activation, i: s.init, n: s.width, r: s.residual, b: s.batchNorm };
}

/** Settings from hash fields; garbage in any field gives that field's default from `base`. */
export function flowFromHash(h: Record<string, string>, base: FlowSettings): FlowSettings {
  return normaliseFlow(
    { depth: h.d, w: h.w, activation: h.a, init: h.i, width: h.n, residual: h.r, batchNorm: h.b },
    base,
  );
}
