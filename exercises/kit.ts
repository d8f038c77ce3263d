/**
 * The exercise kit: what several exercises (and the lessons' checkpoints) ask
 * of the anchor chain, behind named options, and the slips that every number
 * part shares (a power of ten, a reciprocal). Imports the engine only.
 */
import type { ActivationName } from '../engine/activations.ts';
import { anchorNetwork, traceChain, type BackwardTrace, type ForwardTrace } from '../engine/chain.ts';
import type { Candidate } from './catalogue.ts';

/** Which chain to trace; every field defaults to the post's anchor network under the blog convention. */
export interface ChainQuery {
  /** Hidden layers (the post: 4). */
  depth?: number;
  /** The weight at every connection (the post: 0.1). */
  w?: number;
  /** The hidden activation (the post: sigmoid). */
  activation?: ActivationName;
  /** Where the product starts: `blog` (the post's table, ∂aₙ/∂aₖ, 1 at the last hidden layer) or `code` (the post's program, ∂aₙ/∂aₖ₋₁). */
  convention?: 'blog' | 'code';
  /** Replace every f′(z) in the backward pass by this value (the engine's idealized mode). */
  slope?: number;
  /** a_k = a_{k−1} + f(z_k): each step's factor becomes 1 + w·f′. */
  residual?: boolean;
}

/** The anchor chain traced forwards and backwards as the query says. */
export function chainTrace(query: ChainQuery = {}): { forward: ForwardTrace; backward: BackwardTrace } {
  const { depth = 4, w = 0.1, activation = 'sigmoid', convention = 'blog', slope, residual = false } = query;
  const spec = anchorNetwork({ depth, w, activation, residual });
  return traceChain(spec, { convention: { kind: convention }, ...(slope === undefined ? {} : { idealizedDerivative: slope }) });
}

/** The post's measure at layer 1 of the queried chain: ∂aₙ/∂a₁ under the blog convention, ∂aₙ/∂x under the code convention. */
export function layerOneDelta(query: ChainQuery = {}): number {
  return chainTrace(query).backward.deltas[0]!;
}

/**
 * How many factors w·f′ make up the layer-1 value under a convention, counted by the engine:
 * with w = 1/2 and every slope 1, that value is (1/2)^count.
 */
export function factorCount(query: Pick<ChainQuery, 'depth' | 'convention'>): number {
  return Math.round(-Math.log2(layerOneDelta({ ...query, w: 0.5, slope: 1 })));
}

/** Feedback for the two power-of-ten slips; `what` names the quantity, e.g. "the gradient". */
export interface PowerOfTenWording {
  /** For an answer ten times too large. */
  large: string;
  /** For an answer ten times too small. */
  small: string;
}

/** An answer ten times too large and ten times too small: the digits right, the exponent off. */
export function powerOfTenSlips(reference: number, wording: PowerOfTenWording): Candidate[] {
  return [
    { slug: 'power-of-ten-large', value: reference * 10, feedback: wording.large },
    { slug: 'power-of-ten-small', value: reference / 10, feedback: wording.small },
  ];
}

/** The answer turned upside down. */
export function reciprocalSlip(reference: number, feedback: string): Candidate {
  return { slug: 'reciprocal', value: 1 / reference, feedback };
}

/** A layer index as subscript digits, for the course's notation in plain text: 4 → "₄", so ∂a₄/∂a₁. */
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(0x2080 + Number(d)));
}
