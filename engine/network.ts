/**
 * The shape of a dense MLP: its settings, its layers' parameters and their
 * gradients. Types only, so the passes (backprop.ts) and the network
 * (mlp.ts) both import them without importing each other.
 */
import type { ActivationName } from './activations.ts';
import type { InitScheme } from './init.ts';

export interface MlpConfig {
  /** Features per example (2 for the toy datasets). */
  inputSize: number;
  /** Hidden layers from the input side. */
  hidden: { width: number; activation: ActivationName }[];
  /** How every weight matrix, the output's included, is drawn. */
  init: InitScheme;
  /** Skip connections between consecutive hidden layers of equal width. */
  residual?: boolean;
  /** Batch-normalise every hidden layer's z over the batch before its activation. */
  batchNorm?: boolean;
  /** Seed for the weights. */
  seed: number;
}

export interface DenseLayer {
  inSize: number;
  outSize: number;
  activation: ActivationName;
  /** outSize × inSize, row-major: W[j·inSize + k] connects input k to unit j. */
  W: Float64Array;
  b: Float64Array;
  /** Batch-norm scale and shift, or null without batch norm. */
  gamma: Float64Array | null;
  beta: Float64Array | null;
  /** Batch norm's running mean and variance for inference (start at 0 and 1), or null without batch norm. */
  runningMean: Float64Array | null;
  runningVar: Float64Array | null;
  /** a = a_prev + f(u) rather than f(u). */
  residual: boolean;
}

export interface Mlp {
  config: MlpConfig;
  /** The hidden layers, then the output neuron. */
  layers: DenseLayer[];
}

/** One layer's gradients, shaped like its parameters. */
export interface LayerGrads {
  W: Float64Array;
  b: Float64Array;
  gamma: Float64Array | null;
  beta: Float64Array | null;
}
