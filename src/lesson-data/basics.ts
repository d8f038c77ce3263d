/**
 * Lesson 0's worked example, computed by the engine: one sigmoid neuron
 * learning one example by gradient descent, then a two-neuron chain whose
 * gradient needs the chain rule.
 */
import { anchorNetwork, traceChain } from '../../engine/chain.ts';
import { ANCHOR_LABEL } from '../../engine/chain.ts';

/** The worked example's input, weight, label and learning rate. */
export const EXAMPLE = { x: 1, w: 0.1, y: ANCHOR_LABEL, eta: 1 } as const;

/** One neuron: ŷ = σ(w·x + b), loss −log ŷ, gradient ∂L/∂w = (ŷ − y)·x. */
const neuron = anchorNetwork({ depth: 0, w: EXAMPLE.w, x: EXAMPLE.x });
const one = traceChain(neuron, { convention: { kind: 'loss', loss: 'bce', y: EXAMPLE.y }, learningRate: EXAMPLE.eta });
const stepped = { ...neuron, output: { ...neuron.output!, w: neuron.output!.w - EXAMPLE.eta * one.backward.loss!.outputWeightGrad } };
const after = traceChain(stepped, { convention: { kind: 'loss', loss: 'bce', y: EXAMPLE.y } });

export const single = {
  z: one.forward.output!.z,
  yHat: one.forward.output!.a,
  loss: one.backward.loss!.value,
  dLdz: one.backward.loss!.dLdzOut,
  dLdw: one.backward.loss!.outputWeightGrad,
  newW: stepped.output.w,
  newYHat: after.forward.output!.a,
  newLoss: after.backward.loss!.value,
};

/** Two neurons: x → hidden σ → output σ; δ₁ = ∂L/∂z₁ = (ŷ − y) · w_out · σ′(z₁). */
const chain = anchorNetwork({ depth: 1, w: EXAMPLE.w, x: EXAMPLE.x });
const two = traceChain(chain, { convention: { kind: 'loss', loss: 'bce', y: EXAMPLE.y } });
export const pair = {
  z1: two.forward.layers[0]!.z,
  a1: two.forward.layers[0]!.a,
  df1: two.forward.layers[0]!.df,
  yHat: two.forward.output!.a,
  dLdzOut: two.backward.loss!.dLdzOut,
  wOut: chain.output!.w,
  delta1: two.backward.deltas[0]!,
  dLdw1: two.backward.weightGrads[0]!,
};

/** A small vector and its norm, for the definition of ‖v‖. */
export const NORM_EXAMPLE = [3, 4] as const;
export const normOf = (v: readonly number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
