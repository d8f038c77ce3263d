/** The gradient-flow explorer's settings: defaults, clamping, and their round trip through the URL hash. */
import type { FlowActivation, FlowOptions } from '../../engine/flow.ts';
import { flag, numberIn, oneOf } from './hash-state.ts';

export type FlowInit = FlowOptions['init'];
export const ACTIVATION_CHOICES: readonly FlowActivation[] = ['sigmoid', 'tanh', 'relu'];
export const INIT_CHOICES: readonly FlowInit[] = ['constant', 'xavier', 'he'];
export const DEPTH_RANGE = [1, 50] as const;
export const WIDTH_RANGE = [1, 32] as const;
/** Wide enough for the limits lesson's w = 8 and its exploding, bias-held sigmoid chain. */
export const W_RANGE = [-10, 10] as const;
export const BIAS_RANGE = [-10, 10] as const;
export const X_RANGE = [-5, 5] as const;

/** The controls an explorer can show; a lesson shows only those it has taught so far. */
export type FlowControl = 'depth' | 'weight' | 'bias' | 'activation' | 'init' | 'width' | 'residual' | 'batchnorm';
export const FLOW_CONTROLS: readonly FlowControl[] = ['depth', 'weight', 'bias', 'activation', 'init', 'width', 'residual', 'batchnorm'];

/** What the learner controls (the seed is fixed per figure so it reads the same for everyone). */
export type FlowSettings = Required<Omit<FlowOptions, 'seed' | 'batch' | 'measure'>>;

export const DEFAULT_FLOW: FlowSettings = {
  depth: 4,
  w: 0.1,
  activation: 'sigmoid',
  init: 'constant',
  width: 1,
  residual: false,
  batchNorm: false,
  bias: 0,
  x: 1,
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
    bias: numberIn(str(raw.bias), BIAS_RANGE[0], BIAS_RANGE[1], base.bias),
    x: numberIn(str(raw.x), X_RANGE[0], X_RANGE[1], base.x),
  };
}

/** Compact hash fields: d, w, a, i, n, r, b, and bi (bias) and x (input) when they are not the defaults. */
export function flowToHash(s: FlowSettings): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {
    d: s.depth,
    w: s.w,
    a: s.activation,
    i: s.init,
    n: s.width,
    r: s.residual,
    b: s.batchNorm,
  };
  if (s.bias !== DEFAULT_FLOW.bias) out.bi = s.bias;
  if (s.x !== DEFAULT_FLOW.x) out.x = s.x;
  return out;
}

/** Settings from hash fields; garbage in any field gives that field's default from `base`. */
export function flowFromHash(h: Record<string, string>, base: FlowSettings): FlowSettings {
  return normaliseFlow(
    {
      depth: h.d,
      w: h.w,
      activation: h.a,
      init: h.i,
      width: h.n,
      residual: h.r,
      batchNorm: h.b,
      bias: h.bi ?? base.bias,
      x: h.x ?? base.x,
    },
    base,
  );
}
