/**
 * Lesson 4, the backward pass: count the factors in the post's table value at
 * layer 1, ∂a₄/∂a₁ (the blog convention), then estimate it, before the trace shows it.
 */
import { anchorNetwork, traceChain } from '../../engine/chain.ts';
import { exact, formatNumber } from '../../engine/format.ts';
import { COUNT_TOLERANCE, numberCheckpoint } from './define.ts';
import { factorCount, layerOneDelta, subscript } from '../kit.ts';

const spec = anchorNetwork();
const depth = spec.layers.length;
const blog = traceChain(spec, { convention: { kind: 'blog' } }).backward;
/** The factor the question quotes: the top step's w·σ′, rounded as the post rounds it. */
const factorShown = Number(formatNumber(blog.stepFactors[depth - 2]!, { sig: 2 }));
const factors = factorCount({ depth, convention: 'blog' });
const delta1 = blog.deltas[0]!;
/** The post's table measure at layer k, e.g. ∂a₄/∂a₁. */
const measure = (k: number) => `∂a${subscript(depth)}/∂a${subscript(k)}`;

export const factorCountCheckpoint = numberCheckpoint({
  id: 'backward-pass/factor-count',
  question: `The post's trace table starts from ${measure(depth)} = 1 at the top hidden layer (layer ${depth}) and multiplies by one factor w·σ′(z) for each step down to the layer below. How many factors make up ${measure(1)}?`,
  label: `Factors in ${measure(1)}`,
  answer: factors,
  tolerance: COUNT_TOLERANCE,
  slips: [
    {
      slug: 'one-per-layer',
      value: depth,
      feedback: `One per layer is one too many: ${measure(depth)} = 1 is where the product starts, so count the steps between layers, not the layers.`,
    },
    { slug: 'one-too-few', value: factors - 1, feedback: `Count every step, from layer ${depth} down to layer 1.` },
  ],
  answerText: `${factors} factors, one for each step between ${depth} layers.`,
  explanation: `The fence-post: ${depth} layers have ${factors} gaps between them. Layer ${depth} contributes no factor because the product starts there at 1.`,
});

export const delta1Estimate = numberCheckpoint({
  id: 'backward-pass/delta1-estimate',
  question: `Each factor w·σ′(z) is about ${exact(factorShown)}. Estimate ${measure(1)}, the post's table value at layer 1.`,
  label: `${measure(1)}, the post's table value at layer 1`,
  answer: delta1,
  slips: [
    {
      slug: 'one-factor-too-many',
      value: layerOneDelta({ depth, convention: 'code' }),
      feedback: `One factor too many: with ${measure(depth)} = 1, layer ${depth} contributes no factor of its own.`,
    },
    { slug: 'one-factor-too-few', value: layerOneDelta({ depth: depth - 1 }), feedback: 'One factor too few: count the steps from the top hidden layer down to layer 1.' },
    {
      slug: 'forgot-w',
      // ∂a₄/∂a₁ = Π w·σ′, so the slopes alone are that value / w^count.
      value: delta1 / spec.layers[0]!.w ** factors,
      feedback: 'Each step multiplies by the weight as well as the slope; your product seems to leave the weights out.',
    },
    { slug: 'reciprocal', value: 1 / delta1, feedback: `That is how many times smaller ${measure(1)} is than ${measure(depth)} = 1 at the top; this asks for ${measure(1)} itself.` },
    { slug: 'power-of-ten-large', value: delta1 * 10, feedback: `The digits look right, but check the power of ten: ${measure(1)} is smaller than that.` },
    { slug: 'power-of-ten-small', value: delta1 / 10, feedback: `The digits look right, but check the power of ten: ${measure(1)} is larger than that.` },
  ],
  answerText: `About ${exact(factorShown)}^${factors} = ${formatNumber(factorShown ** factors, { sig: 4 })}; the engine's exact value is ${formatNumber(delta1, { sig: 4 })}.`,
  explanation: `${measure(1)} is a product of ${factors} factors, each about ${exact(factorShown)}, so layer 1 gets about ${formatNumber(1 / delta1, { sig: 2 })} times less signal than layer ${depth}.`,
});

export default [factorCountCheckpoint, delta1Estimate];
